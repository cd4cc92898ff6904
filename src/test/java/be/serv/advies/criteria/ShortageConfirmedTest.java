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

/** A shortage the sector signalled (Bijlage 1) confirms the application and cites the sector's words. */
class ShortageConfirmedTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void anApplicationInAShortagePlaceIsConfirmedWithTheSectorsWords() {
        // Given a shortage of Koelinstallaties in Sint-Niklaas and Beveren (Oost-Vlaanderen)
        var batch = facts().partnership("ELEK", true).trajectory("KOEL", Level.OK3, "ELEK")
                .shortage("ELEK", "KOEL", Province.OOST_VLAANDEREN, List.of("Sint-Niklaas", "Beveren"), "Grote vraag naar koeltechniek")
                .application("IN", "KOEL", b -> b.province(Province.OOST_VLAANDEREN).place("sint-niklaas"))
                .application("OUT", "KOEL", b -> b.province(Province.OOST_VLAANDEREN).place("Gent")).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE_WITH_REMARKS, d.advice("IN").verdict());
        assertEquals(List.of("SHORTAGE_CONFIRMED"), d.advice("IN").reasons());
        assertEquals(List.of(), d.advice("IN").remarks(), "a confirmation is not a point of attention");
        assertTrue(d.advice("IN").motivation().contains("\"Grote vraag naar koeltechniek\""));
        assertFalse(d.has("OUT", "SHORTAGE_CONFIRMED"));
        assertEquals(Verdict.POSITIVE, d.advice("OUT").verdict());
    }

    @Test
    void aShortageForAllOfFlandersCoversEveryProvince() {
        // Given a shortage of Dakwerker for Vlaanderen
        var batch = facts().partnership("BOUW", true).trajectory("DAK", Level.SENSE_OK3, "BOUW")
                .shortage("BOUW", "DAK", null, List.of(), "Veel dakwerkersbedrijven zoeken personeel")
                .application("A", "DAK", b -> b.province(Province.WEST_VLAANDEREN).place("Ieper")).batch();
        // When / Then
        assertTrue(Drafts.of(rules, batch).has("A", "SHORTAGE_CONFIRMED"));
    }
}
