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

/** The sectors' own remarks and conditions of Tabel 1, each only for its own sector. */
class SectorRemarksTest {
    private final RuleSet rules = TestRules.load(TestRules.DEFAULTS);

    @Test
    void autosectorConditionsNoOversupplyWhenOneMoreProviderReachesTheThreshold() {
        // Given 5 providers with max 6, well filled: one more would reach the threshold
        var batch = facts().partnership("AUTO", true).partnership("BOUW", true)
                .trajectory("MECH", Level.OK3, "AUTO").trajectory("RUW", Level.OK3, "BOUW")
                .capacity(Province.LIMBURG, "MECH", 5, 40, 80).capacity(Province.LIMBURG, "RUW", 5, 40, 80)
                .application("A", "MECH").application("B", "RUW").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE_WITH_REMARKS, d.advice("A").verdict());
        assertEquals(List.of("AUTO_NO_OVERSUPPLY"), d.advice("A").remarks());
        assertTrue(d.finding("A", "AUTO_NO_OVERSUPPLY").getText().contains("telt al 5 aanbieders"));
        assertFalse(d.has("B", "AUTO_NO_OVERSUPPLY"), "the Autosector's condition is not another sector's");
    }

    @Test
    void elektriciensRemarkOnInflowWhenExistingProvidersHaveFewStudents() {
        // Given 4 providers with 6 students (under 3 per provider), and one province that is well filled
        var batch = facts().partnership("ELEK", true).trajectory("ELEKTRO", Level.OK3, "ELEK")
                .capacity(Province.LIMBURG, "ELEKTRO", 4, 6, 80).capacity(Province.ANTWERPEN, "ELEKTRO", 4, 20, 80)
                .application("A", "ELEKTRO")
                .application("B", "ELEKTRO", b -> b.province(Province.ANTWERPEN).place("Turnhout")).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(Verdict.POSITIVE_WITH_REMARKS, d.advice("A").verdict());
        assertTrue(d.finding("A", "ELEC_INFLOW_CAPACITY").getText().contains("de 4 aanbieders in Limburg hebben samen 6 leerlingen"));
        assertEquals(Verdict.POSITIVE, d.advice("B").verdict());
    }

    @Test
    void groeneSectorenRemarkWhenPartnerCompaniesComeFromAnotherSector() {
        // Given one application with 1 of 3 partner companies from another sector, one with none
        var batch = facts().partnership("GROEN", true).trajectory("TUIN", Level.OK3, "GROEN")
                .application("A", "TUIN", b -> b.partnerCompanies(3).partnerCompaniesOtherSector(1))
                .application("B", "TUIN", b -> b.partnerCompanies(3)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(List.of("GREEN_OTHER_SECTORS"), d.advice("A").remarks());
        assertEquals(Verdict.POSITIVE, d.advice("B").verdict());
    }

    @Test
    void horecaRemarkWhenTheSchoolIsUnknownToTheSector() {
        // Given a school without any horeca training yet
        var batch = facts().partnership("HORECA", true).trajectory("KOK", Level.SENSE_OK3, "HORECA")
                .application("A", "KOK", b -> b.sectorExperience(false))
                .application("B", "KOK").batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(List.of("HORECA_SCHOOL_UNKNOWN"), d.advice("A").remarks());
        assertEquals(Verdict.POSITIVE, d.advice("B").verdict());
    }

    @Test
    void voedingsnijverheidAsksGuaranteesWithFewerPartnerCompaniesThanTheMinimum() {
        // Given min_partner_companies 2: one application names 1 company, another 2
        var batch = facts().partnership("VOEDING", true).trajectory("BAKKER", Level.OK3, "VOEDING")
                .application("A", "BAKKER", b -> b.partnerCompanies(1))
                .application("B", "BAKKER", b -> b.partnerCompanies(2)).batch();
        // When
        Drafts d = Drafts.of(rules, batch);
        // Then
        assertEquals(List.of("FOOD_GUARANTEES"), d.advice("A").remarks());
        assertTrue(d.finding("A", "FOOD_GUARANTEES").getText().contains("1 partnerbedrijf genoemd, minimum 2"));
        assertEquals(Verdict.POSITIVE, d.advice("B").verdict());
    }
}
