package be.serv.advies.criteria;

import be.serv.advies.model.Level;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.Drafts;
import be.serv.advies.support.TestRules;
import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static be.serv.advies.support.Facts.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** School insufficiently prepared: infrastructure or learning resources judged insufficient by the sector. */
class InfrastructureTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void insufficientInfrastructureOrLearningResourcesIsNegative() {
        // Given one application short of equipment and one short of learning resources
        var batch = facts().partnership("AUTO", true).trajectory("KOETS", Level.OK3, "AUTO")
                .application("I", "KOETS", b -> b.infrastructure(Sufficiency.ONVOLDOENDE))
                .application("L", "KOETS", b -> b.learningResources(Sufficiency.ONVOLDOENDE)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NEGATIVE, d.advice("I").verdict());
        assertEquals(List.of("INFRASTRUCTURE"), d.advice("I").reasons());
        assertTrue(d.finding("I", "INFRASTRUCTURE").getText().contains("de sector vindt de materiële infrastructuur onvoldoende"));
        assertEquals(Verdict.NEGATIVE, d.advice("L").verdict());
        assertTrue(d.finding("L", "INFRASTRUCTURE").getText().contains("de sector vindt de leermiddelen onvoldoende"));
    }

    @Test
    void bothSufficientIsNoConcern() {
        // Given an application with both in order
        var batch = facts().partnership("AUTO", true).trajectory("KOETS", Level.OK3, "AUTO").application("A", "KOETS").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertFalse(d.has("A", "INFRASTRUCTURE"));
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
    }
}
