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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sector without a sectoral partnership: no advice, unless another partnership advises in its place. */
class NoPartnershipTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void trajectoryOfASectorWithoutPartnershipGetsNoAdvice() {
        // Given a trajectory whose sector has no partnership and nobody advising for it
        var batch = facts().partnership("GEEN_SP", false).trajectory("TANDARTS", Level.SENSE_OK4, "GEEN_SP")
                .application("A", "TANDARTS").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NO_ADVICE, d.advice("A").verdict());
        assertEquals(List.of("NO_PARTNERSHIP"), d.advice("A").reasons());
        assertTrue(d.advice("A").motivation().startsWith("Geen advies."));
    }

    @Test
    void anotherPartnershipAdvisingInItsPlaceLiftsTheGap() {
        // Given the same sector, but Social Profit advises for this trajectory
        var batch = facts().partnership("GEEN_SP", false).partnership("SOCIAL", true)
                .trajectory("PERSOON", Level.SENSE_OK4, "GEEN_SP", false, true, "SOCIAL")
                .application("A", "PERSOON").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertFalse(d.has("A", "NO_PARTNERSHIP"));
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertTrue(d.cleared("A", "NO_PARTNERSHIP").getText().contains("adviseert in zijn plaats"));
    }
}
