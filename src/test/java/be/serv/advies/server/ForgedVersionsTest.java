package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forged or stale version on every write — confirm, override, and inside a bulk — is a 400 or 409
 * with a Dutch page, never a 500, and stores nothing.
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
                int confirm = c.post("/aanvraag/P001/bevestigen", "versie", version, "regels", rules).status();
                int override = c.post("/aanvraag/P001/wijzigen", "versie", version, "regels", rules, "advies", "NEGATIVE", "reden", "geen plaatsen").status();
                int bulk = c.post("/bulk-bevestigen", "regels", rules, "terug", "", "aanvraag", "P002:0", "aanvraag", "P001:" + version).status();
                assertTrue(List.of(400, 409).contains(confirm), "confirm with version '" + version + "': " + confirm);
                assertTrue(List.of(400, 409).contains(override), "override with version '" + version + "': " + override);
                assertTrue(List.of(400, 409).contains(bulk), "bulk with version '" + version + "': " + bulk);
            }
            // The page says in Dutch what happened, and the form stays usable
            c.post("/aanvraag/P001/bevestigen", "versie", "5", "regels", rules).expect(409).contains("NIET vastgelegd").contains("id=\"confirm-form\"");
            c.post("/aanvraag/P001/bevestigen", "versie", "-1", "regels", rules).expect(400).contains("mist een geldige versie");
            c.post("/bulk-bevestigen", "regels", rules, "terug", "", "aanvraag", "P002:0", "aanvraag", "P001:5").expect(409)
                    .contains("Er is niets bevestigd").contains("P001");
            assertEquals(List.of(), fx.store.allDecisions());
        }
    }
}
