package be.serv.advies.server;

import be.serv.advies.review.Decision;
import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules change during the review: drafts are redone, decisions kept, changed ones marked for a second look. */
class RulesReloadTest {
    @TempDir
    Path tmp;

    /** A1 (Kapper-stylist, Limburg: 4 providers, 9 students) is oversupply at max_providers 4 and not at 5. */
    static void raiseMaxProviders(Path rules) throws Exception {
        Path t = rules.resolve("thresholds.csv");
        Files.writeString(t, Files.readString(t, StandardCharsets.UTF_8).replace("*;*;*;4;", "*;*;*;5;"), StandardCharsets.UTF_8);
    }

    @Test
    void reloadKeepsDecisionsAndMarksChangedDraftsForASecondLook() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            // Given anna confirmed A1's negative draft and A2's
            WebClient c = fx.signedIn("anna");
            String rules = c.get("/aanvraag/A1").hidden("regels").get(0);
            c.post("/aanvraag/A1/bevestigen", "versie", "0", "regels", rules).expect(303);
            c.post("/aanvraag/A2/bevestigen", "versie", "0", "regels", rules).expect(303);

            // When the sector raises max_providers and she presses "Regels herladen"
            raiseMaxProviders(fx.rules);
            c.get("/");
            c.post("/regels/herladen").expect(303);

            // Then A1's draft is no longer negative, its decision stands, and it asks for a second look
            assertNotEquals(rules, fx.server.drafts().current().rules().hash());
            assertNotEquals(Verdict.NEGATIVE, fx.server.drafts().current().advice("A1").orElseThrow().verdict());
            c.get("/").contains("1 beslist(e) aanvra(a)g(en) vragen een tweede blik").contains("id=\"count-SECOND_LOOK\">tweede blik: <b>1</b>");
            WebClient.Page a1 = c.get("/aanvraag/A1").expect(200);
            a1.contains("id=\"second-look\"").contains("Vorig ontwerp: <span class=\"v-NEGATIVE\">negatief</span> (OVERSUPPLY)");
            Decision kept = fx.store.latest("A1").orElseThrow();
            assertEquals(Verdict.NEGATIVE, kept.advice());
            assertEquals(rules, kept.rulesHash());
            c.get("/aanvraag/A2").lacks("id=\"second-look\"").contains("bevestigd");

            // And confirming again on the new draft clears the mark, keeping both decisions
            String newRules = a1.hidden("regels").get(0);
            c.post("/aanvraag/A1/bevestigen", "versie", "1", "regels", newRules).expect(303);
            c.get("/aanvraag/A1").lacks("id=\"second-look\"");
            assertEquals(2, fx.store.history("A1").size());
        }
    }

    @Test
    void aRuleFileThatDoesNotCompileLeavesTheRunningRulesAndShowsTheError() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            String before = fx.server.drafts().current().rules().hash();
            Files.writeString(fx.rules.resolve("criteria/kapot.drl"), "package be.serv.advies.rules;\nrule \"kapot\" when Application( then end\n");

            c.get("/");
            c.post("/regels/herladen").expect(303);

            assertEquals(before, fx.server.drafts().current().rules().hash());
            c.get("/").expect(200).contains("id=\"rules-error\"").contains("de vorige regels blijven gelden").contains("criteria/kapot.drl");
            // Decisions still work on the rules in force
            c.get("/aanvraag/A5");
            c.post("/aanvraag/A5/bevestigen", "versie", "0", "regels", before).expect(303);
        }
    }

    @Test
    void aChangedRuleFileIsPickedUpWithoutAButton() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet().withWatchRules(true), "anna")) {
            String before = fx.server.drafts().current().rules().hash();
            raiseMaxProviders(fx.rules);
            // Wait (bounded) for the watcher's debounced reload; not a timing assertion.
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (fx.server.drafts().current().rules().hash().equals(before) && System.nanoTime() < deadline) Thread.sleep(200);
            assertNotEquals(before, fx.server.drafts().current().rules().hash(), "the watcher reloaded the rules");
            assertTrue(fx.server.drafts().state().lastProblems().isEmpty());
        }
    }
}
