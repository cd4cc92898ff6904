package be.serv.advies.verdict;

import be.serv.advies.model.Level;
import be.serv.advies.model.Province;
import be.serv.advies.model.Verdict;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.Drafts;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;

import static be.serv.advies.support.Facts.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A positive draft says what the rules checked and found in order, in one or two sentences, and
 * nothing they did not check: no sector support that no fact states, no regional criterion without
 * regional figures.
 */
class PositiveMotivationTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void aPositiveDraftNamesTheCriteriaThatWereCheckedAndCleared() {
        // Given an application clear of every criterion, with capacity figures for its region
        var batch = facts().partnership("BOUW", true).trajectory("RUWBOUW", Level.OK3, "BOUW")
                .capacity(Province.LIMBURG, "RUWBOUW", 2, 16, 40)
                .application("A", "RUWBOUW", b -> b.expectedStudents(8)).batch();
        // When
        String motivation = Drafts.of(rules, batch).advice("A").motivation();
        // Then
        assertEquals("Positief advies; nagegaan en in orde: een sectoraal partnerschap adviseert, de sector erkent de opleiding, "
                + "niet meer aanvragen dan de sector ruimte ziet, geen overaanbod in de regio, voldoende vrije leerwerkplekken "
                + "voor de verwachte leerlingen, infrastructuur en leermiddelen voldoende en voldoende verwachte instroom.", motivation);
        assertFalse(motivation.contains("onderschrijft"));
    }

    @Test
    void withoutRegionalFiguresThePositiveDraftDoesNotClaimTheRegionalCriteria() {
        // Given the same application without capacity figures for its region
        var batch = facts().partnership("BOUW", true).trajectory("RUWBOUW", Level.OK3, "BOUW")
                .application("A", "RUWBOUW", b -> b.expectedStudents(8)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        String motivation = d.advice("A").motivation();
        // Then the regional criteria are not named as cleared, and a signal says they were not assessed
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertFalse(motivation.contains("overaanbod"), motivation);
        assertFalse(motivation.contains("leerwerkplekken"), motivation);
        assertTrue(motivation.contains("infrastructuur en leermiddelen voldoende"), motivation);
        assertTrue(d.advice("A").signals().contains("NO_CAPACITY_FIGURES"));
    }
}
