package be.serv.advies.authoring;

import be.serv.advies.model.Area;
import be.serv.advies.model.Place;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sectors may keep their regions as a workbook, regions.xlsx, read like thresholds.xlsx. */
class RegionsWorkbookTest {

    @Test
    void regionsKeptAsAWorkbookAreReadLikeTheCsv() throws IOException, RuleSetException {
        // Given the shipped regions as regions.xlsx, with Genk added to "regio Hasselt"
        Path dir = RulesCopy.shipped();
        RulesCopy.csvToXlsx(dir.resolve("regions.csv"), dir.resolve("regions.xlsx"), "Regio's", rows -> withGenk(rows));
        Files.delete(dir.resolve("regions.csv"));
        // When the rules are loaded
        RuleSet rules = RuleSet.load(dir);
        // Then the workbook's regions are the ones in force
        Area hasselt = rules.regions().area("regio Hasselt").orElseThrow();
        assertTrue(hasselt.places().stream().map(Place::name).toList().containsAll(List.of("Hasselt", "Genk")));
        assertFalse(rules.regions().area("Kust").orElseThrow().places().isEmpty());
    }

    @Test
    void anUnknownPlaceInTheWorkbookIsNamedByItsSheetAndCell() throws IOException {
        // Given regions.xlsx whose second row names "Pitem"
        Path dir = RulesCopy.shipped();
        RulesCopy.csvToXlsx(dir.resolve("regions.csv"), dir.resolve("regions.xlsx"), "Regio's", rows -> {
            rows.get(1).set(1, "Tielt, Pitem");
            return rows;
        });
        Files.delete(dir.resolve("regions.csv"));
        // When / Then
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.load(dir));
        assertEquals(List.of("regions.xlsx:Regio's!B2: places: onbekende plaats of regio 'Pitem'; bedoelt u Pittem?"
                        + " (gemeenten, arrondissementen, provincies of regio's uit regions.xlsx)"),
                e.problems().stream().map(Object::toString).toList());
    }

    private static List<List<String>> withGenk(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> copy = new ArrayList<>(r);
            if (copy.get(0).equals("regio Hasselt")) copy.set(1, copy.get(1) + ", Genk");
            out.add(copy);
        }
        return out;
    }
}
