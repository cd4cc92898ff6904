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

/** More applications than room in a region, judged across the batch (Haarzorg: room for 1, 2 applications). */
class CompetingApplicationsTest {
    private static final String ROOM_FOR_ONE = TestRules.DEFAULTS + "HAAR;*;*;;;;1;nee;;;;;ruimte voor 1 school\n";
    private final RuleSet rules = TestRules.load(ROOM_FOR_ONE);

    @Test
    void twoApplicationsWhereTheSectorSeesRoomForOneBothGetNoAdvice() {
        // Given two schools in Limburg asking for the same trajectory, room for one
        var batch = facts().partnership("HAAR", true).trajectory("KAPPER", Level.SENSE_OK3, "HAAR")
                .application("A", "KAPPER").application("B", "KAPPER", b -> b.place("Genk")).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        for (String id : List.of("A", "B")) {
            assertEquals(Verdict.NO_ADVICE, d.advice(id).verdict(), id);
            assertEquals(List.of("COMPETING_APPLICATIONS"), d.advice(id).reasons(), id);
            String text = d.finding(id, "COMPETING_APPLICATIONS").getText();
            assertTrue(text.contains("2 aanvragen voor Traject KAPPER in Limburg, terwijl de sector ruimte ziet voor 1 school"), text);
        }
    }

    @Test
    void oneApplicationWithinTheRoomAndOneInAnotherProvinceAreNotCompeting() {
        // Given one application in Limburg and one in Antwerpen
        var batch = facts().partnership("HAAR", true).trajectory("KAPPER", Level.SENSE_OK3, "HAAR")
                .application("A", "KAPPER")
                .application("B", "KAPPER", b -> b.province(Province.ANTWERPEN).place("Mechelen")).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertFalse(d.has("A", "COMPETING_APPLICATIONS"));
        assertFalse(d.has("B", "COMPETING_APPLICATIONS"));
        assertTrue(d.cleared("A", "COMPETING_APPLICATIONS").getText().contains("1 aanvraag voor Traject KAPPER in Limburg, ruimte voor 1 school"));
    }

    @Test
    void whenTheSectorChoosesItselfNobodyLosesTheAdvice() {
        // Given the same two applications, but the sector will choose between the schools
        RuleSet choosing = TestRules.load(TestRules.DEFAULTS + "HAAR;*;*;;;;1;ja;;;;;sector kiest\n");
        var batch = facts().partnership("HAAR", true).trajectory("KAPPER", Level.SENSE_OK3, "HAAR")
                .application("A", "KAPPER").application("B", "KAPPER").batch();
        // When
        Drafts d = Drafts.of(choosing, batch);
        // Then
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertTrue(d.cleared("A", "COMPETING_APPLICATIONS").getText().contains("de sector kiest zelf"));
    }
}
