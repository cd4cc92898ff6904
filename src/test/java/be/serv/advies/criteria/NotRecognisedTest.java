package be.serv.advies.criteria;

import be.serv.advies.model.Level;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.Drafts;
import be.serv.advies.support.TestRules;
import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static be.serv.advies.support.Facts.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Training not recognised by the sector: no advice. */
class NotRecognisedTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void unrecognisedTrainingGetsNoAdvice() {
        // Given a trajectory the partnership does not recognise as its own
        var batch = facts().partnership("HANDEL", true)
                .trajectory("FIETS", Level.OK3, "HANDEL", false, false, null).application("A", "FIETS").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NO_ADVICE, d.advice("A").verdict());
        assertEquals(List.of("NOT_RECOGNISED"), d.advice("A").reasons());
    }

    @Test
    void recognisedTrainingIsAdvised() {
        // Given the same trajectory, recognised
        var batch = facts().partnership("HANDEL", true).trajectory("FIETS", Level.OK3, "HANDEL").application("A", "FIETS").batch();
        // When / Then
        assertFalse(Drafts.of(rules, batch).has("A", "NOT_RECOGNISED"));
    }
}
