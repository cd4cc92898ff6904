package be.serv.advies.criteria;

import be.serv.advies.model.Level;
import be.serv.advies.model.Province;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.Drafts;
import be.serv.advies.support.TestRules;
import be.serv.advies.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static be.serv.advies.support.Facts.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Too few workplaces: fewer free workplaces than the sector's minimum after the enrolled students. */
class WorkplaceShortageTest {
    // min_free_workplaces 2
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void fewerFreeWorkplacesThanTheMinimumIsNegative() {
        // Given 21 workplaces for 20 students: 1 free
        var batch = facts().partnership("SOCIAL", true).trajectory("KINDER", Level.SENSE_OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "KINDER", 2, 20, 21).application("A", "KINDER").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.NEGATIVE, d.advice("A").verdict());
        assertEquals(List.of("WORKPLACE_SHORTAGE"), d.advice("A").reasons());
        String text = d.finding("A", "WORKPLACE_SHORTAGE").getText();
        assertTrue(text.contains("21 leerwerkplekken voor 20 leerlingen, 1 vrij; minimum 2"), text);
    }

    @Test
    void exactlyTheMinimumFreeIsEnough() {
        // Given 22 workplaces for 20 students: 2 free
        var batch = facts().partnership("SOCIAL", true).trajectory("KINDER", Level.SENSE_OK3, "SOCIAL")
                .capacity(Province.LIMBURG, "KINDER", 2, 20, 22).application("A", "KINDER").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertFalse(d.has("A", "WORKPLACE_SHORTAGE"));
        assertTrue(d.cleared("A", "WORKPLACE_SHORTAGE").getText().contains("2 vrij; minimum 2"));
    }
}
