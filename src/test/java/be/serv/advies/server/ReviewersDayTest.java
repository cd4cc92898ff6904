package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reviewer's day, over HTTP (the browser test covers bulk, the next open application and the 409):
 * the counts follow the filter, the list reads labels, a rules reload keeps the filter, and a draft
 * without reasons shows no empty brackets.
 */
class ReviewersDayTest {
    @TempDir
    Path tmp;

    @Test
    void countsFollowTheFilterAndTheListShowsLabels() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 3, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            String rules = fx.server.drafts().current().rules().hash();
            c.get("/aanvraag/A1");
            c.post("/aanvraag/A1/bevestigen", "versie", "0", "regels", rules).expect(303);

            // The Haarzorg list has 5 applications, A1 decided: its counts are those 5, the batch's 8 beside them
            c.get("/?sector=HAARZORG").expect(200).contains("In deze lijst:")
                    .contains("id=\"count-OPEN\">open: <b>4</b>").contains("id=\"count-CONFIRMED\">bevestigd: <b>1</b>")
                    .contains("<b id=\"count-shown\">5</b>").contains("in de hele batch: open 7, bevestigd 1");
            // The reasons read as their labels, the code kept as a tooltip
            c.get("/").contains("title=\"OVERSUPPLY\">reeds voldoende opleidingsaanbod in de regio</td>");
        }
    }

    @Test
    void aReloadKeepsTheFilterAndASecondLookHasNoEmptyBrackets() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            String rules = c.get("/aanvraag/A1").hidden("regels").get(0);
            c.post("/aanvraag/A1/bevestigen", "versie", "0", "regels", rules).expect(303);

            // When the rules change and anna reloads them from a filtered list
            RulesReloadTest.raiseMaxProviders(fx.rules);
            String back = c.get("/?sector=HAARZORG&sorteer=school").hidden("terug").get(0);
            WebClient.Page reload = c.post("/regels/herladen", "terug", back).expect(303);

            // Then she is back on her filtered list
            assertEquals("/?sector=HAARZORG&sorteer=school", reload.location());
            c.get(reload.location()).contains("vragen een tweede blik").contains("2 van 5 aanvragen getoond");
            // And A1's new draft, which has no reasons, shows without brackets
            assertTrue(fx.server.drafts().current().advice("A1").orElseThrow().reasons().isEmpty());
            c.get("/aanvraag/A1").contains("Vorig ontwerp: <span class=\"v-NEGATIVE\">negatief</span> (OVERSUPPLY); nieuw ontwerp: <span")
                    .lacks("()");
        }
    }
}
