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

/**
 * Too few workplaces: the free workplaces (workplaces less the enrolled students) against the students
 * all applications of the batch expect for the trajectory in the province, plus the sector's margin.
 */
class WorkplaceShortageTest {
    // min_free_workplaces 2: the margin on top of the expected students
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void fewerFreeWorkplacesThanTheExpectedStudentsIsNegative() {
        // Given 21 workplaces for 20 students: 1 free, for an application expecting 8
        var batch = facts().partnership("SOCIAL", true).trajectory("KINDER", Level.SENSE_OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "KINDER", 2, 20, 21).application("A", "KINDER", b -> b.expectedStudents(8)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NEGATIVE, d.advice("A").verdict());
        assertEquals(List.of("WORKPLACE_SHORTAGE"), d.advice("A").reasons());
        String text = d.finding("A", "WORKPLACE_SHORTAGE").getText();
        assertTrue(text.contains("1 vrije leerwerkplek voor de 8 verwachte leerlingen van 1 aanvraag"), text);
        assertTrue(text.contains("minstens 2 vrije leerwerkplekken bovenop de verwachte leerlingen"), text);
    }

    @Test
    void theExpectedStudentsPlusTheMarginIsEnough() {
        // Given 30 workplaces for 20 students: 10 free, for 8 expected students and a margin of 2
        var batch = facts().partnership("SOCIAL", true).trajectory("KINDER", Level.SENSE_OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "KINDER", 2, 20, 30).application("A", "KINDER", b -> b.expectedStudents(8)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertFalse(d.has("A", "WORKPLACE_SHORTAGE"));
        String text = d.cleared("A", "WORKPLACE_SHORTAGE").getText();
        assertTrue(text.contains("10 vrije leerwerkplekken (30 leerwerkplekken, 20 ingeschreven leerlingen) "
                + "voor de 8 verwachte leerlingen van 1 aanvraag"), text);
    }

    @Test
    void workplacesEnoughForOneApplicationAreTooFewForTwo() {
        // Given the same 10 free workplaces and two applications of the batch expecting 8 each
        var batch = facts().partnership("SOCIAL", true).trajectory("KINDER", Level.SENSE_OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "KINDER", 2, 20, 30)
                .application("A", "KINDER", b -> b.expectedStudents(8))
                .application("B", "KINDER", b -> b.institutionNumber("222").expectedStudents(8)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then both are negative, and each says what it compared
        for (String id : List.of("A", "B")) {
            assertEquals(Verdict.NEGATIVE, d.advice(id).verdict(), id);
            String text = d.finding(id, "WORKPLACE_SHORTAGE").getText();
            assertTrue(text.contains("10 vrije leerwerkplekken voor de 16 verwachte leerlingen van 2 aanvragen"), text);
            assertTrue(d.advice(id).motivation().contains(text), d.advice(id).motivation());
        }
    }
}
