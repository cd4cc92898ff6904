package be.serv.advies.rules;

import be.serv.advies.load.Problem;
import be.serv.advies.model.Norm;
import be.serv.advies.model.Province;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An added thresholds column takes the kind of its values, and its rows inherit as the shipped columns do. */
class ThresholdColumnKindsTest {
    private static final String SHIPPED = "partnership;trajectory;province;max_providers;min_students_per_provider;min_free_workplaces;"
            + "room_for_schools;sector_chooses;min_expected_students;limited_offer_providers;min_partner_companies;same_text_similarity";

    private static Thresholds parse(List<Problem> problems, String header, String... rows) {
        StringBuilder csv = new StringBuilder(SHIPPED + header + "\n");
        for (String r : rows) csv.append(r).append('\n');
        return Thresholds.parse("thresholds.csv", csv.toString().getBytes(StandardCharsets.UTF_8), problems);
    }

    @Test
    void eachKindIsTakenFromTheValues() {
        // Given four added columns: whole, decimal with a point and a comma, yes/no, text
        List<Problem> problems = new ArrayList<>();
        Thresholds t = parse(problems, ";aantal;aandeel;streng;label",
                "*;*;*;8;3;3;;ja;4;3;1;80;2;0.5;nee;standaard",
                "BOUW;*;*;;;;;;;;;;5;1,25;ja;");
        // When they are read
        // Then each has the kind of its values, and the shipped columns keep theirs
        assertEquals(List.of(), problems);
        assertEquals(Map.of("aantal", Thresholds.Kind.WHOLE, "aandeel", Thresholds.Kind.DECIMAL, "streng", Thresholds.Kind.YES_NO,
                "label", Thresholds.Kind.TEXT), Map.of("aantal", t.columns().get("aantal"), "aandeel", t.columns().get("aandeel"),
                "streng", t.columns().get("streng"), "label", t.columns().get("label")));
        assertEquals(Thresholds.Kind.WHOLE, t.columns().get("max_providers"));
        assertEquals(Thresholds.Kind.YES_NO, t.columns().get("sector_chooses"));
        // and a sector row fills its own values, the rest comes from '*;*;*' with the row named
        Norm bouw = t.resolve("BOUW", "OK3_METSELAAR", Province.LIMBURG);
        assertEquals(5, bouw.whole("aantal"));
        assertEquals(1.25, bouw.decimal("aandeel"));
        assertTrue(bouw.yesNo("streng"));
        assertEquals("standaard", bouw.text("label"));
        assertEquals("thresholds.csv:3", bouw.getSources().get("aandeel"));
        assertEquals("thresholds.csv:2", bouw.getSources().get("label"));
        Norm other = t.resolve("HORECA", "OK3_KOK", Province.LIMBURG);
        assertEquals(0.5, other.decimal("aandeel"));
        assertEquals(2.0, other.decimal("aantal"), "a whole number reads as a decimal one too");
    }

    @Test
    void theDefaultRowFillsAnAddedColumn() {
        // Given an added column that only a sector row fills
        List<Problem> problems = new ArrayList<>();
        parse(problems, ";aandeel", "*;*;*;8;3;3;;ja;4;3;1;80;", "BOUW;*;*;;;;;;;;;;1,5");
        // When it is read
        // Then the default row is asked to fill it, at its row
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().contains("de standaardrij '*;*;*' moet 'aandeel' invullen"), problems.toString());
    }

    @Test
    void aColumnNameNoRuleCanWriteIsRefused() {
        // Given a header with a space and a capital in an added column
        List<Problem> problems = new ArrayList<>();
        parse(problems, ";Min Leerlingen", "*;*;*;8;3;3;;ja;4;3;1;80;2");
        // Then the header is refused with how a name is written
        assertTrue(problems.toString().contains("kolomnaam 'min leerlingen'"), problems.toString());
    }

    @Test
    void anUnknownProvinceIsNoDuplicateOfTheStarRow() {
        // Given a sector row for all provinces and one with a misspelt province
        List<Problem> problems = new ArrayList<>();
        parse(problems, "", "*;*;*;8;3;3;;ja;4;3;1;80", "BOUW;*;*;6;;;;;;;;", "BOUW;*;Limburgg;5;;;;;;;;");
        // Then only the province is named, not a duplicate of row 3
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().contains("onbekende provincie 'Limburgg'"), problems.toString());
    }
}
