package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forged or stale version on every write — confirm, override, and inside a bulk — is refused with a
 * redirect to a Dutch page that says so, never a 500, and stores nothing.
 */
class ForgedVersionsTest {
    @TempDir
    Path tmp;

    @Test
    void forgedVersionsAreRefusedOnEveryWriteAndNothingIsStored() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 3, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            String rules = c.get("/aanvraag/P001").expect(200).hidden("regels").get(0);
            for (String version : List.of("-1", "5", "abc", "", "99999999999")) {
                String confirm = c.follow(c.post("/aanvraag/P001/bevestigen", "versie", version, "regels", rules)).expect(200).text("conflict");
                String override = c.follow(c.post("/aanvraag/P001/wijzigen", "versie", version, "regels", rules, "advies", "NEGATIVE", "reden", "geen plaatsen"))
                        .expect(200).contains("geen plaatsen").text("conflict");
                String bulk = c.follow(c.post("/bulk-bevestigen", "regels", rules, "terug", "", "aanvraag", "P002:0", "aanvraag", "P001:" + version))
                        .expect(200).text("problem");
                assertTrue(confirm.contains("niets vastgelegd") || confirm.contains("NIET vastgelegd"), "confirm with version '" + version + "': " + confirm);
                assertTrue(override.contains("niets vastgelegd") || override.contains("NIET vastgelegd"), "override with version '" + version + "': " + override);
                assertTrue(bulk.contains("Er is niets bevestigd") && bulk.contains("P001"), "bulk with version '" + version + "': " + bulk);
            }
            // The page says in Dutch what happened, and the form stays usable
            c.follow(c.post("/aanvraag/P001/bevestigen", "versie", "5", "regels", rules)).expect(200).contains("NIET vastgelegd").contains("id=\"confirm-form\"");
            c.follow(c.post("/aanvraag/P001/bevestigen", "versie", "-1", "regels", rules)).expect(200).contains("mist een geldige versie");
            assertEquals("Bulkbevestiging geweigerd. Er is niets bevestigd: deze aanvragen werden intussen beslist (of het formulier noemde een "
                    + "andere versie): P001. Bekijk de lijst hieronder opnieuw en bevestig dan.",
                    c.follow(c.post("/bulk-bevestigen", "regels", rules, "terug", "", "aanvraag", "P002:0", "aanvraag", "P001:5")).text("problem"));
            assertEquals(List.of(), fx.store.allDecisions());
        }
    }
}
