package be.serv.advies.geo;

import be.serv.advies.model.Level;
import be.serv.advies.model.Province;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.Drafts;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static be.serv.advies.support.Facts.facts;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shortage that names a sector's region ("Kust") is answered by an application in any of its municipalities. */
class KustShortageTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void oostendeAnswersAShortageAtTheCoastAndSaysWhy() {
        // Given a shortage of Elektrische installaties at the coast (rules/regions.csv: Kust), and schools in
        // Oostende, in Oostduinkerke (part of Koksijde) and in Kortrijk (West-Vlaanderen, not on the coast)
        var batch = facts().partnership("ELEK", true).trajectory("ELEK3", Level.OK3, "ELEK")
                .shortage("ELEK", "ELEK3", Province.WEST_VLAANDEREN, List.of("Kust"), "Te weinig aanbieders aan de kust")
                .application("OOSTENDE", "ELEK3", b -> b.province(Province.WEST_VLAANDEREN).place("Oostende"))
                .application("OOSTDUINKERKE", "ELEK3", b -> b.province(Province.WEST_VLAANDEREN).place("Oostduinkerke"))
                .application("KORTRIJK", "ELEK3", b -> b.province(Province.WEST_VLAANDEREN).place("Kortrijk")).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then Oostende answers it, and the motivation says where Oostende lies
        assertTrue(d.has("OOSTENDE", "SHORTAGE_CONFIRMED"));
        String motivation = d.advice("OOSTENDE").motivation();
        assertTrue(motivation.contains("Oostende ligt in de regio Kust (West-Vlaanderen)"), motivation);
        assertTrue(motivation.contains("\"Te weinig aanbieders aan de kust\""), motivation);
        // and a deelgemeente counts as its municipality
        assertTrue(d.has("OOSTDUINKERKE", "SHORTAGE_CONFIRMED"));
        assertTrue(d.advice("OOSTDUINKERKE").motivation().contains("Koksijde ligt in de regio Kust"));
        // and Kortrijk, inland, does not
        assertFalse(d.has("KORTRIJK", "SHORTAGE_CONFIRMED"));
    }
}
