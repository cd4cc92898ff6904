package be.serv.advies.server;

import be.serv.advies.review.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 4: a bulk confirmation with a 9 KB {@code terug} and 15 valid items answered 500 with an empty
 * body after committing all 15. A write now either succeeds with its page or stores nothing.
 */
class BulkAnswerTest {
    @TempDir
    Path tmp;

    @Test
    void aHugeReturnAddressStoresNothingAndAJunkOneStillGivesAShortRedirect() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 15, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            WebClient.Page step = c.get("/bulk-bevestigen?q=campus").expect(200).contains("U bevestigt 15 ontwerpadviezen (open of tweede blik)");
            List<String> items = step.hidden("aanvraag");
            assertEquals(15, items.size());

            // When the form comes back with a 9 KB return address
            WebClient.Page huge = c.post("/bulk-bevestigen", form(step, "q=campus&" + "x=".repeat(3_000), items)).expect(400);

            // Then the answer says what was wrong, and nothing is stored
            huge.contains("is te lang").contains("Er is niets vastgelegd");
            assertTrue(fx.store.allDecisions().isEmpty());

            // When it comes back with a return address full of junk within the limit
            String junk = "q=campus&status=%0d%0aSet-Cookie:x&sector=<script>&sorteer=" + "y".repeat(300) + "&richting=af&zz=" + "1".repeat(400);
            WebClient.Page ok = c.post("/bulk-bevestigen", form(step, junk, items)).expect(303);

            // Then all 15 are stored and the redirect keeps only what a filter can hold
            assertEquals(15, fx.store.allDecisions().size());
            assertEquals("/?q=campus&richting=af", ok.location());
            c.get(ok.location()).expect(200).contains("15 ontwerpadviezen bevestigd.");
            assertTrue(fx.store.allDecisions().stream().map(Decision::bulkId).distinct().count() == 1);
        }
    }

    private static String[] form(WebClient.Page step, String back, List<String> items) {
        List<String> f = new ArrayList<>(List.of("regels", step.hidden("regels").get(0), "terug", back));
        for (String i : items) {
            f.add("aanvraag");
            f.add(i);
        }
        return f.toArray(String[]::new);
    }
}
