package be.serv.advies.criteria;

import be.serv.advies.model.CompanyCooperation;
import be.serv.advies.model.Level;
import be.serv.advies.model.PlatformConsultation;
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

/** Weak applications (§2.5) raise signals for the reviewer but never change the verdict. */
class WeakApplicationSignalsTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void everyWeaknessIsSignalledAndTheVerdictStaysPositive() {
        // Given an application weak in every way §2.5 names, and a second one of the same school with the same text
        var batch = facts().partnership("HANDEL", true)
                .trajectory("WINKEL", Level.OK3, "HANDEL").trajectory("ONTHAAL", Level.OK3, "HANDEL")
                .application("A", "WINKEL", b -> b.institutionNumber("111").labourMarketShown(false)
                        .companyCooperation(CompanyCooperation.ALGEMEEN).partnerCompanies(0)
                        .platformConsultation(PlatformConsultation.PRO_FORMA).applicationText("Wij  bieden duaal aan."))
                .application("B", "ONTHAAL", b -> b.institutionNumber("111").applicationText("wij bieden duaal aan. "))
                .batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertEquals(List.of(), d.advice("A").reasons());
        assertEquals(List.of("LABOUR_MARKET_NOT_SHOWN", "COOPERATION_UNSPECIFIED", "NO_COMPANY_PARTNERS", "SAME_TEXT",
                "PRO_FORMA_CONSULTATION", "NO_CAPACITY_FIGURES").stream().sorted().toList(), d.advice("A").signals().stream().sorted().toList());
        assertTrue(d.finding("A", "SAME_TEXT").getText().contains("aanvraag B (Traject ONTHAAL)"));
        assertEquals(List.of("NO_CAPACITY_FIGURES", "SAME_TEXT"), d.advice("B").signals().stream().sorted().toList());
    }

    @Test
    void aSoundApplicationRaisesNoSignal() {
        // Given an ordinary application and another school using the same words
        var batch = facts().partnership("HANDEL", true).trajectory("WINKEL", Level.OK3, "HANDEL").trajectory("ONTHAAL", Level.OK3, "HANDEL")
                .application("A", "WINKEL", b -> b.institutionNumber("111").applicationText("Samen met de buurt."))
                .application("B", "ONTHAAL", b -> b.institutionNumber("222").applicationText("Samen met de buurt.")).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(List.of("NO_CAPACITY_FIGURES"), d.advice("A").signals());
        assertFalse(d.has("B", "SAME_TEXT"), "the same words from another institution are not a copied application");
    }

    @Test
    void textsThatDifferOnlyInTheTrainingNameAndFiguresAreTheSameTextForBoth() {
        // Given two applications of one school whose texts differ in the training's name, a date and a number
        var batch = facts().partnership("HANDEL", true)
                .trajectory("WINKEL", Level.OK3, "HANDEL").trajectory("ONTHAAL", Level.OK3, "HANDEL")
                .application("A", "WINKEL", b -> b.institutionNumber("111").applicationText(
                        "Traject WINKEL start op 1 september 2022 met 12 leerlingen. Onze school werkt samen met de handelaars uit de buurt."))
                .application("B", "ONTHAAL", b -> b.institutionNumber("111").applicationText(
                        "Traject ONTHAAL start op 3 januari 2023 met 9 leerlingen. Onze school werkt samen met de handelaars uit de buurt."))
                .batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then each quotes the other and the similarity, and the verdict stays positive
        assertTrue(d.finding("A", "SAME_TEXT").getText().contains("voor 100% dezelfde als die van aanvraag B (Traject ONTHAAL)"),
                d.finding("A", "SAME_TEXT").getText());
        assertTrue(d.finding("B", "SAME_TEXT").getText().contains("aanvraag A (Traject WINKEL)"));
        assertEquals(Verdict.POSITIVE, d.advice("A").verdict());
        assertEquals(Verdict.POSITIVE, d.advice("B").verdict());
    }
}
