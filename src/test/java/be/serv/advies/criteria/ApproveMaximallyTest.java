package be.serv.advies.criteria;

import be.serv.advies.model.Level;
import be.serv.advies.model.Province;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.Drafts;
import be.serv.advies.support.TestRules;
import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static be.serv.advies.support.Facts.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Low expected inflow is a remark, and the SERV's "approve maximally" preferences (Se-n-Se, new
 * offer, trainings with few programmings) lift it (§1.1).
 */
class ApproveMaximallyTest {
    // min_expected_students 4, limited_offer_providers 2
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void lowInflowOnAnOrdinaryTrainingIsARemark() {
        // Given an OK3 application expecting 2 students, with 5 providers in Flanders
        var batch = facts().partnership("BOUW", true).trajectory("RUWBOUW", Level.OK3, "BOUW")
                .capacity(Province.LIMBURG, "RUWBOUW", 5, 40, 80)
                .application("A", "RUWBOUW", b -> b.expectedStudents(2)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE_WITH_REMARKS, d.advice("A").verdict());
        assertEquals(List.of("LOW_INFLOW"), d.advice("A").reasons());
        assertTrue(d.finding("A", "LOW_INFLOW").getText().contains("2 leerlingen verwacht, minimum 4"));
    }

    @Test
    void senSeWithLowExpectedInflowStaysPositive() {
        // Given a Se-n-Se application expecting 2 students
        var batch = facts().partnership("BOUW", true).trajectory("DAKWERKER", Level.SENSE_OK3, "BOUW")
                .capacity(Province.LIMBURG, "DAKWERKER", 5, 40, 80)
                .application("A", "DAKWERKER", b -> b.expectedStudents(2)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertEquals(Map.of("LOW_INFLOW", List.of("SENSE")), d.advice("A").lifted());
        assertTrue(d.advice("A").motivation().contains("Verwachte instroom beperkt: 2 leerlingen verwacht, minimum 4, maar "),
                d.advice("A").motivation());
    }

    @Test
    void newOfferWithLowExpectedInflowStaysPositive() {
        // Given a new OK2 trajectory expecting 1 student
        var batch = facts().partnership("BOUW", true).trajectory("STEIGER", Level.OK2, "BOUW", true, true, null)
                .capacity(Province.LIMBURG, "STEIGER", 5, 40, 80)
                .application("A", "STEIGER", b -> b.expectedStudents(1)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertEquals(Map.of("LOW_INFLOW", List.of("NEW_OFFER")), d.advice("A").lifted());
    }

    @Test
    void trainingWithFewProgrammingsInFlandersIsApprovedMaximally() {
        // Given a textile trajectory offered by 2 providers in all of Flanders (limit 2)
        var batch = facts().partnership("TEXTIEL", true).trajectory("TEXTIEL", Level.OK3, "TEXTIEL")
                .capacity(Province.LIMBURG, "TEXTIEL", 1, 3, 20).capacity(Province.WEST_VLAANDEREN, "TEXTIEL", 1, 4, 20)
                .application("A", "TEXTIEL", b -> b.expectedStudents(2)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertEquals(Map.of("LOW_INFLOW", List.of("LIMITED_OFFER")), d.advice("A").lifted());
        assertTrue(d.finding("A", "LIMITED_OFFER").getText().contains("slechts 2 aanbieders"));
    }

    @Test
    void aPreferenceDoesNotLiftANegativeConcernItDoesNotName() {
        // Given a Se-n-Se application in a region with oversupply
        var batch = facts().partnership("HAAR", true).trajectory("KAPPER", Level.SENSE_OK3, "HAAR")
                .capacity(Province.LIMBURG, "KAPPER", 7, 7, 80)
                .application("A", "KAPPER", b -> b.expectedStudents(2)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NEGATIVE, d.advice("A").verdict());
        assertEquals(List.of("OVERSUPPLY"), d.advice("A").reasons());
    }

    @Test
    void aNewTrajectoryIsCreditedToNewOfferAndEveryLiftingPreferenceIsNamed() {
        // Given a new Se-n-Se trajectory, not offered anywhere yet, with an application expecting 2 students
        var batch = facts().partnership("BOUW", true).trajectory("DAK", Level.SENSE_OK3, "BOUW", true, true, null)
                .capacity(Province.LIMBURG, "DAK", 0, 0, 30)
                .application("A", "DAK", b -> b.expectedStudents(2)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then both preferences lift the low inflow, the new offer is not called a limited one
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertEquals(List.of("NEW_OFFER", "SENSE"), d.advice("A").lifted().get("LOW_INFLOW").stream().sorted().toList());
        assertTrue(!d.has("A", "LIMITED_OFFER"), "a new trajectory has no providers because it is new");
        String motivation = d.advice("A").motivation();
        assertTrue(motivation.contains("Traject DAK is een nieuw standaardtraject"), motivation);
        assertTrue(motivation.contains("Traject DAK is een Se-n-Se-opleiding"), motivation);
        assertTrue(motivation.contains(" en "), motivation);
    }
}
