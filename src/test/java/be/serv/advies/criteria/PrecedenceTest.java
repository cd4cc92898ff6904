package be.serv.advies.criteria;

import be.serv.advies.model.Level;
import be.serv.advies.model.Province;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.Drafts;
import be.serv.advies.support.TestRules;
import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static be.serv.advies.support.Facts.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where criteria meet: no advice before negative before remarks before positive, all reasons listed. */
class PrecedenceTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void oversupplyAndInfrastructureTogetherListBothReasons() {
        // Given oversupply in the region and an ill-equipped school
        var batch = facts().partnership("SOCIAL", true).trajectory("ZORG", Level.OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "ZORG", 8, 8, 80)
                .application("A", "ZORG", b -> b.infrastructure(Sufficiency.ONVOLDOENDE)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NEGATIVE, d.advice("A").verdict());
        assertEquals(Set.of("OVERSUPPLY", "INFRASTRUCTURE"), Set.copyOf(d.advice("A").reasons()));
        String m = d.advice("A").motivation();
        assertTrue(m.contains("8 aanbieders") && m.contains("infrastructuur onvoldoende"), m);
    }

    @Test
    void noAdviceBeatsNegativeAndTheMotivationStillNamesTheNegative() {
        // Given a sector without partnership and an ill-equipped school
        var batch = facts().partnership("GEEN_SP", false).trajectory("TANDARTS", Level.SENSE_OK4, "GEEN_SP")
                .application("A", "TANDARTS", b -> b.learningResources(Sufficiency.ONVOLDOENDE)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NO_ADVICE, d.advice("A").verdict());
        assertEquals(List.of("NO_PARTNERSHIP"), d.advice("A").reasons());
        assertTrue(d.advice("A").motivation().contains("Daarnaast: Onvoldoende voorbereiding"), d.advice("A").motivation());
    }

    @Test
    void negativeBeatsARemark() {
        // Given an ill-equipped Horeca school unknown to the sector
        var batch = facts().partnership("HORECA", true).trajectory("KOK", Level.SENSE_OK3, "HORECA")
                .application("A", "KOK", b -> b.sectorExperience(false).infrastructure(Sufficiency.ONVOLDOENDE)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NEGATIVE, d.advice("A").verdict());
        assertEquals(List.of("INFRASTRUCTURE"), d.advice("A").reasons());
    }

    @Test
    void aRemarkAndAConfirmationTogetherAreBothReasonsButOnlyTheRemarkIsAnAttentionPoint() {
        // Given a Horeca school unknown to the sector that answers a signalled shortage
        var batch = facts().partnership("HORECA", true).trajectory("KOK", Level.SENSE_OK3, "HORECA")
                .shortage("HORECA", "KOK", Province.LIMBURG, List.of(), "Tekort aan koks")
                .application("A", "KOK", b -> b.sectorExperience(false)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE_WITH_REMARKS, d.advice("A").verdict());
        assertEquals(List.of("HORECA_SCHOOL_UNKNOWN", "SHORTAGE_CONFIRMED"), d.advice("A").reasons());
        assertEquals(List.of("HORECA_SCHOOL_UNKNOWN"), d.advice("A").remarks());
    }
}
