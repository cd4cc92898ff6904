package be.serv.advies.geo;

import be.serv.advies.model.Level;
import be.serv.advies.model.Province;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import be.serv.advies.support.Drafts;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static be.serv.advies.support.Facts.facts;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a region covers is what the sectors' region file says, not what its name suggests. */
class RegioHasseltTest {
    private static final String GENK_TOO = "Hasselt, Diepenbeek, Zonhoven, Kortessem, Lummen, Herk-de-Stad, Genk";

    private static be.serv.advies.model.Batch batch() {
        return facts().partnership("ELEK", true).trajectory("KOEL", Level.OK3, "ELEK")
                .shortage("ELEK", "KOEL", Province.LIMBURG, List.of("regio Hasselt"), "Grote vraag naar koeltechniek")
                .application("GENK", "KOEL", b -> b.province(Province.LIMBURG).place("Genk"))
                .application("HASSELT", "KOEL", b -> b.province(Province.LIMBURG).place("Hasselt")).batch();
    }

    @Test
    void genkDoesNotAnswerRegioHasseltAsTheShippedRegionFileDrawsIt() {
        // Given the shipped regions, where "regio Hasselt" is Hasselt and the municipalities around it but not Genk
        RuleSet rules = TestRules.load(TestRules.DEFAULTS);
        // When
        Drafts d = Drafts.of(rules, batch());
        // Then
        assertTrue(d.has("HASSELT", "SHORTAGE_CONFIRMED"));
        assertFalse(d.has("GENK", "SHORTAGE_CONFIRMED"), "Genk is in the arrondissement Hasselt, not in the sector's regio Hasselt");
    }

    @Test
    void genkAnswersRegioHasseltOnceTheRegionFileSaysSo() throws IOException, RuleSetException {
        // Given a region file where the sector adds Genk to regio Hasselt
        Path dir = TestRules.copyWithThresholds(TestRules.DEFAULTS);
        Path regions = dir.resolve("regions.csv");
        String changed = Files.readAllLines(regions, StandardCharsets.UTF_8).stream()
                .map(l -> l.startsWith("regio Hasselt;") ? "regio Hasselt;" + GENK_TOO + ";met Genk" : l)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(regions, changed, StandardCharsets.UTF_8);
        // When
        Drafts d = Drafts.of(RuleSet.load(dir), batch());
        // Then
        assertTrue(d.has("GENK", "SHORTAGE_CONFIRMED"));
        assertTrue(d.advice("GENK").motivation().contains("Genk ligt in de regio Hasselt (Limburg)"), d.advice("GENK").motivation());
    }
}
