package be.serv.advies.authoring;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Province;
import be.serv.advies.model.Trajectory;
import be.serv.advies.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thresholds and the shortage list kept as Excel workbooks read as their CSV twins, with problems by sheet and cell. */
class WorkbookTest {
    @Test
    void thresholdsFromAWorkbookResolveAsFromCsv() throws Exception {
        // Given the shipped thresholds as CSV, and the same table as thresholds.xlsx in a copy
        RuleSet csv = RuleSet.load(Path.of("rules"));
        Path dir = RulesCopy.shipped();
        RulesCopy.csvToXlsx(dir.resolve("thresholds.csv"), dir.resolve("thresholds.xlsx"), "Drempels", rows -> rows);
        Files.delete(dir.resolve("thresholds.csv"));
        // When both are loaded
        RuleSet xlsx = RuleSet.load(dir);
        // Then every trajectory of the shipped batch gets the same thresholds in every province
        Batch batch = BatchLoader.load(Path.of("fixtures/2022-2023"));
        int compared = 0;
        for (Trajectory t : batch.getTrajectories()) {
            for (Province p : Province.values()) {
                assertEquals(withoutSources(csv.thresholds().resolve(t.getPartnership(), t.getCode(), p).toString()),
                        withoutSources(xlsx.thresholds().resolve(t.getPartnership(), t.getCode(), p).toString()), t.getCode() + " " + p);
                compared++;
            }
        }
        assertTrue(compared > 0);
        // and a norm says which sheet row set it
        Trajectory elek = batch.getTrajectories().stream().filter(t -> t.getPartnership().equals("ELEK")).findFirst().orElseThrow();
        assertEquals("thresholds.xlsx:Drempels!3", xlsx.thresholds().resolve("ELEK", elek.getCode(), Province.LIMBURG)
                .getSources().get("min_students_per_provider"));
    }

    private static String withoutSources(String norm) {
        return norm.replaceAll(" \\(thresholds[^)]*\\)", "");
    }

    @Test
    void explainNamesTheSheetRowOfEachThreshold() throws Exception {
        // Given the shipped rules with their thresholds as a workbook
        Path dir = RulesCopy.shipped();
        RulesCopy.csvToXlsx(dir.resolve("thresholds.csv"), dir.resolve("thresholds.xlsx"), "Drempels", rows -> rows);
        Files.delete(dir.resolve("thresholds.csv"));
        // When an application is explained
        var result = be.serv.advies.cli.Shell.shell("explain", "fixtures/2022-2023", "2223-0042", "--rules", dir.toString());
        // Then each threshold figure names the sheet and row it came from, as Excel names a row
        be.serv.advies.cli.Shell.assertThat(result).succeeded().outContains("max. aanbieders 8 (thresholds.xlsx:Drempels!2)");
    }

    @Test
    void shortagesFromAWorkbookLoadAsFromCsv() throws Exception {
        // Given the small batch, and a copy whose shortages.csv is a workbook
        Path batch = RulesCopy.of("src/test/resources/batches/small");
        RulesCopy.csvToXlsx(batch.resolve("shortages.csv"), batch.resolve("shortages.xlsx"), "Tekorten", rows -> rows);
        Files.delete(batch.resolve("shortages.csv"));
        // When both load
        Batch fromCsv = BatchLoader.load(Path.of("src/test/resources/batches/small"));
        Batch fromXlsx = BatchLoader.load(batch);
        // Then the shortages are the same
        assertEquals(fromCsv.getShortages().stream().map(s -> s + " " + s.getText() + " " + s.getPlaces()).toList(),
                fromXlsx.getShortages().stream().map(s -> s + " " + s.getText() + " " + s.getPlaces()).toList());
    }

    @Test
    void aBadCellInTheShortageWorkbookIsNamedBySheetAndCell() throws Exception {
        // Given a shortage workbook with a misspelt province in row 2
        Path batch = RulesCopy.of("src/test/resources/batches/small");
        RulesCopy.csvToXlsx(batch.resolve("shortages.csv"), batch.resolve("shortages.xlsx"), "Tekorten", rows -> {
            rows.get(1).set(rows.get(0).indexOf("province"), "West-Vlaandren");
            return rows;
        });
        Files.delete(batch.resolve("shortages.csv"));
        // When the batch loads
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchLoader.load(batch));
        // Then the problem names the workbook, the sheet and the cell (province is column C)
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("shortages.xlsx:Tekorten!C2: ") && p.contains("West-Vlaandren")), problems.toString());
    }

    @Test
    void csvAndWorkbookSideBySideIsRefused() throws Exception {
        // Given shortages as both CSV and workbook
        Path batch = RulesCopy.of("src/test/resources/batches/small");
        RulesCopy.csvToXlsx(batch.resolve("shortages.csv"), batch.resolve("shortages.xlsx"), "Tekorten", rows -> rows);
        // When the batch loads, Then it is refused: which one counts would be a guess
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchLoader.load(batch));
        assertTrue(e.problems().toString().contains("zowel shortages.csv als shortages.xlsx bestaan"), e.problems().toString());
    }
}
