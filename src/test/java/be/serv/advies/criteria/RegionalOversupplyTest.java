package be.serv.advies.criteria;

import be.serv.advies.model.Level;
import be.serv.advies.model.Province;
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

/** Regional oversupply: many providers whose students per provider stay under the sector's minimum. */
class RegionalOversupplyTest {
    // max_providers 6, min_students_per_provider 3
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void manyProvidersWithFewStudentsIsNegativeWithTheFigures() {
        // Given 6 providers with 12 students (2 per provider) in Limburg
        var batch = facts().partnership("SOCIAL", true).trajectory("ZORG", Level.SENSE_OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "ZORG", 6, 12, 40).application("A", "ZORG").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NEGATIVE, d.advice("A").verdict());
        assertEquals(List.of("OVERSUPPLY"), d.advice("A").reasons());
        String text = d.finding("A", "OVERSUPPLY").getText();
        assertTrue(text.contains("Limburg telt al 6 aanbieders van Traject ZORG met samen 12 leerlingen"), text);
        assertTrue(text.contains("2,0 per aanbieder"), text);
        assertTrue(text.contains("vanaf 6 aanbieders met gemiddeld minder dan 3 leerlingen per aanbieder"), text);
        assertTrue(d.advice("A").motivation().contains("6 aanbieders"), d.advice("A").motivation());
    }

    @Test
    void manyProvidersThatAreWellFilledIsNoOversupply() {
        // Given 6 providers with 18 students: exactly the minimum per provider
        var batch = facts().partnership("SOCIAL", true).trajectory("ZORG", Level.OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "ZORG", 6, 18, 40).application("A", "ZORG").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertFalse(d.has("A", "OVERSUPPLY"));
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertTrue(d.cleared("A", "OVERSUPPLY").getText().contains("Geen overaanbod in Limburg: 6 aanbieders met samen 18 leerlingen"));
    }

    @Test
    void fewProvidersIsNoOversupplyEvenWhenTheyAreEmpty() {
        // Given 5 providers (one under the threshold) with no students at all
        var batch = facts().partnership("SOCIAL", true).trajectory("ZORG", Level.OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "ZORG", 5, 0, 40).application("A", "ZORG").batch();
        // When / Then
        assertFalse(Drafts.of(rules, batch).has("A", "OVERSUPPLY"));
    }

    @Test
    void withoutCapacityFiguresTheCriterionIsNotAssessedAndSaysSo() {
        // Given no capacity row for the application's province
        var batch = facts().partnership("SOCIAL", true).trajectory("ZORG", Level.OK3, "SOCIAL")
                .capacity(Province.ANTWERPEN, "ZORG", 9, 0, 40).application("A", "ZORG").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertFalse(d.has("A", "OVERSUPPLY"));
        assertTrue(d.advice("A").cleared().stream().noneMatch(f -> f.getCode().equals("OVERSUPPLY")), "not assessed is not cleared");
        assertTrue(d.finding("A", "NO_CAPACITY_FIGURES").getText().contains("overaanbod en leerwerkplekken zijn niet beoordeeld"));
    }

    @Test
    void aThresholdForOneProvinceOverridesTheDefault() {
        // Given the sector lowers max_providers to 3 for this trajectory in Limburg only
        RuleSet local = TestRules.load(TestRules.DEFAULTS + "*;ZORG;Limburg;3;;;;;;;;;lager in Limburg\n");
        var batch = facts().partnership("SOCIAL", true).trajectory("ZORG", Level.OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "ZORG", 3, 4, 40).capacity(Province.ANTWERPEN, "ZORG", 3, 4, 40)
                .application("L", "ZORG")
                .application("A", "ZORG", b -> b.province(Province.ANTWERPEN).place("Mechelen")).batch();
        // When
        Drafts d = Drafts.of(local, batch);
        // Then
        assertEquals(Verdict.NEGATIVE, d.advice("L").verdict());
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
    }
}
