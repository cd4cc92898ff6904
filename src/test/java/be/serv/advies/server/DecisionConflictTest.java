package be.serv.advies.server;

import be.serv.advies.review.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two reviewers on the same application: the second is refused, told, and shown the first's decision. */
class DecisionConflictTest {
    @TempDir
    Path tmp;

    @Test
    void theSecondDecisionOnTheSameVersionIsRefusedAndShowsTheFirst() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna", "bert")) {
            // Given anna and bert both have A1 open (version 0)
            WebClient anna = fx.signedIn("anna");
            WebClient bert = fx.signedIn("bert");
            String rules = anna.get("/aanvraag/A1").expect(200).hidden("regels").get(0);
            bert.get("/aanvraag/A1").expect(200);

            // When anna overrides first, then bert confirms the draft he saw
            anna.post("/aanvraag/A1/wijzigen", "versie", "0", "regels", rules, "advies", "POSITIVE", "reden", "Aanbod is nodig in Hasselt").expect(303);
            WebClient.Page refused = bert.post("/aanvraag/A1/bevestigen", "versie", "0", "regels", rules);

            // Then bert is sent back to A1's page (a redirect, so a refresh submits nothing), told his decision
            // was not recorded, and sees anna's decision
            assertEquals("/aanvraag/A1", refused.expect(303).location());
            bert.follow(refused).expect(200).contains("Uw beslissing is NIET vastgelegd").contains("id=\"other-decision\"")
                    .contains("Beslissing van anna").contains("Aanbod is nodig in Hasselt");
            List<Decision> history = fx.store.history("A1");
            assertEquals(1, history.size());
            assertEquals("anna", history.get(0).reviewer());

            // And when bert decides again on the version he now sees, it is recorded on top
            bert.post("/aanvraag/A1/bevestigen", "versie", "1", "regels", rules).expect(303);
            assertEquals(2, fx.store.history("A1").size());
            assertEquals("bert", fx.store.latest("A1").orElseThrow().reviewer());
        }
    }

    @Test
    void aDecisionOnADraftFromRulesNoLongerInForceIsRefused() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient anna = fx.signedIn("anna");
            anna.get("/aanvraag/A5").expect(200);
            anna.follow(anna.post("/aanvraag/A5/bevestigen", "versie", "0", "regels", "0".repeat(64)))
                    .expect(200).contains("De regels zijn gewijzigd sinds u deze pagina opende");
            assertEquals(0, fx.store.history("A5").size());
        }
    }
}
