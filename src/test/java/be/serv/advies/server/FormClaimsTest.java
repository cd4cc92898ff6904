package be.serv.advies.server;

import be.serv.advies.review.Decision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 8: the server believed what a form claimed. It now checks: an override must change the
 * advice, a bulk item must still be open, texts have a length limit, a name is a name in any case,
 * and HEAD needs a session like GET.
 */
class FormClaimsTest {
    @TempDir
    static Path tmp;
    static ReviewFixture fx;
    static String rules;

    @BeforeAll
    static void start() throws Exception {
        fx = ReviewFixture.start(tmp, "small", 3, ReviewFixture.quiet(), "anna", "bert");
        rules = fx.server.drafts().current().rules().hash();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void anOverrideToTheDraftsOwnAdviceIsRefused() throws Exception {
        WebClient c = fx.signedIn("anna");
        c.get("/aanvraag/A1");
        // A1's draft is negative; "overriding" it to negative is no override
        c.follow(c.post("/aanvraag/A1/wijzigen", "versie", "0", "regels", rules, "advies", "NEGATIVE", "reden", "toch negatief")).expect(200)
                .contains("Het gekozen advies is het ontwerpadvies zelf");
        assertTrue(fx.store.latest("A1").isEmpty());
    }

    @Test
    void bulkConfirmsNothingWhenAnItemIsNoLongerWaitingWhateverVersionTheFormClaims() throws Exception {
        // Given P001 overridden by bert (version 1)
        WebClient b = fx.signedIn("bert");
        b.get("/aanvraag/P001");
        b.post("/aanvraag/P001/wijzigen", "versie", "0", "regels", rules, "advies", "NEGATIVE", "reden", "geen werkplekken").expect(303);

        // When anna's bulk form names P001 at the version it now has
        WebClient a = fx.signedIn("anna");
        a.get("/");
        String told = a.follow(a.post("/bulk-bevestigen", "regels", rules, "terug", "", "aanvraag", "P001:1")).expect(200).text("problem");

        // Then bert's override stands, and anna is told why (naming P001)
        assertTrue(told.contains("Er is niets bevestigd") && told.contains("P001"), told);
        Decision latest = fx.store.latest("P001").orElseThrow();
        assertEquals(Decision.Kind.OVERRIDE, latest.kind());
        assertEquals(1, latest.version());
    }

    @Test
    void commentsReasonsAndFiltersHaveALengthLimit() throws Exception {
        WebClient c = fx.signedIn("anna");
        c.get("/aanvraag/A4");
        c.post("/aanvraag/A4/opmerking", "tekst", "x".repeat(1_900_000)).expect(400)
                .contains("Het veld ‘opmerking’ is te lang: hoogstens 4000 tekens").contains("Er is niets vastgelegd");
        c.post("/aanvraag/A4/wijzigen", "versie", "0", "regels", rules, "advies", "POSITIVE", "reden", "r".repeat(2_001)).expect(400)
                .contains("Het veld ‘reden’ is te lang: hoogstens 2000 tekens");
        c.get("/?q=" + "q".repeat(101)).expect(400).contains("Het veld ‘school of traject’ is te lang");
        assertTrue(fx.store.comments("A4").isEmpty());
        assertTrue(fx.store.latest("A4").isEmpty());
        // A comment at the limit is stored
        c.post("/aanvraag/A4/opmerking", "tekst", "y".repeat(4_000)).expect(303);
        assertEquals(1, fx.store.comments("A4").size());
    }

    @Test
    void namesAreOneReviewerWhateverTheCase() throws Exception {
        WebClient c = fx.client();
        c.login("ANNA", ReviewFixture.PASSWORD).expect(303);
        c.get("/").expect(200).contains("Aangemeld als <b id=\"reviewer\">anna</b>");
    }

    @Test
    void headNeedsASessionLikeGet() throws Exception {
        WebClient stranger = fx.client();
        for (String path : new String[]{"/", "/aanvraag/A1", "/export/annex.csv", "/export/audit.csv", "/bulk-bevestigen"}) {
            WebClient.Page h = stranger.head(path);
            assertEquals(303, h.status(), path);
            // Signing in leads back to the page asked for (the work list is where it leads anyway)
            assertEquals(path.equals("/") ? "/aanmelden" : "/aanmelden?terug=" + Pages.query(path), h.location(), path);
        }
        assertEquals(200, fx.signedIn("anna").head("/").status());
    }
}
