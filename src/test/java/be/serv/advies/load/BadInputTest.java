package be.serv.advies.load;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Bad input is refused before any rule runs: every problem as file:row:column, exit 2, nothing written. */
class BadInputTest {
    @TempDir
    Path tmp;
    Path batch;
    Path out;
    String rules;

    @BeforeEach
    void copySmallBatch() throws IOException {
        batch = tmp.resolve("batch");
        Files.createDirectories(batch);
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/batches/small"))) {
            for (Path p : s.toList()) Files.copy(p, batch.resolve(p.getFileName()));
        }
        out = tmp.resolve("out");
        rules = TestRules.copyWithThresholds(TestRules.DEFAULTS).toString();
    }

    /** Replaces one cell (1-based row as Excel counts, 1-based column) of a semicolon file. */
    void setCell(String file, int row, int column, String value) throws IOException {
        Path p = batch.resolve(file);
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String[] cells = lines.get(row - 1).split(";", -1);
        cells[column - 1] = value;
        lines.set(row - 1, String.join(";", cells));
        Files.write(p, lines, StandardCharsets.UTF_8);
    }

    void assertRefused(String message) {
        assertThat(shell("evaluate", batch.toString(), "--out", out.toString(), "--rules", rules))
                .exitedWith(ExitCodes.INPUT)
                .errContains(message)
                .errContains("er is niets geschreven")
                .errHasNo("Exception");
        assertFalse(Files.exists(out), "no output folder after refused input");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown trajectory code | applications.csv | 2 | 10 | NOPE      | applications.csv:2:10: trajectory: onbekende trajectcode 'NOPE' (niet in trajectories)",
            "unknown region          | applications.csv | 2 | 6  | Henegouwen| applications.csv:2:6: province: onbekende provincie 'Henegouwen'",
            "missing required value  | applications.csv | 2 | 5  | ''        | applications.csv:2:5: place: verplichte waarde ontbreekt",
            "not a number            | applications.csv | 2 | 13 | veel      | applications.csv:2:13: expected_students: 'veel' is geen geheel getal",
            "negative count          | capacity.csv     | 2 | 3  | -4        | capacity.csv:2:3: providers: '-4' is negatief",
            "unknown level           | trajectories.csv | 2 | 3  | OK5       | trajectories.csv:2:3: level: onbekend niveau 'OK5'; toegelaten: OK2, OK3, OK4, SENSE_OK3, SENSE_OK4, OV3",
            "unknown finality        | trajectories.csv | 2 | 4  | TSO       | trajectories.csv:2:4: finality: onbekende finaliteit 'TSO'",
            "level and finality disagree | trajectories.csv | 2 | 4 | DUBBEL | trajectories.csv:2:4: finality: niveau SENSE_OK3 hoort bij finaliteit ARBEIDSMARKT, niet DUBBEL",
            "unknown partnership     | trajectories.csv | 2 | 5  | CHOCOLADE | trajectories.csv:2:5: partnership: onbekend partnerschap 'CHOCOLADE'",
            "not yes or no           | applications.csv | 2 | 11 | misschien | applications.csv:2:11: first_application: 'misschien' is geen ja of nee",
            "unknown network         | applications.csv | 2 | 7  | KATHOLIEK | applications.csv:2:7: network: onbekend net 'KATHOLIEK'; toegelaten: GO, OGO, VGO, SYNTRA",
    })
    void eachKindOfProblemIsLocatedAndNothingIsWritten(String kind, String file, int row, int column, String value, String message)
            throws IOException {
        // Given the small batch with one bad cell
        if (file.equals("capacity.csv")) {
            Path p = batch.resolve(file);
            List<String> lines = Files.readAllLines(p);
            String[] cells = lines.get(row - 1).split(",", -1);
            cells[column - 1] = value;
            lines.set(row - 1, String.join(",", cells));
            Files.write(p, lines);
        } else {
            setCell(file, row, column, value);
        }
        // When / Then
        assertRefused(message);
    }

    @Test
    void duplicateApplicationIdNamesBothRows() throws IOException {
        // Given row 4 reuses the id of row 2
        setCell("applications.csv", 4, 1, "A1");
        // When / Then
        assertRefused("applications.csv:4:1: id: 'A1' komt twee keer voor (ook op rij 2)");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        // Given three problems in two files
        setCell("applications.csv", 2, 13, "veel");
        setCell("applications.csv", 5, 6, "Atlantis");
        setCell("trajectories.csv", 3, 3, "OK9");
        // When / Then
        assertThat(shell("evaluate", batch.toString(), "--out", out.toString(), "--rules", rules))
                .exitedWith(ExitCodes.INPUT)
                .errContains("applications.csv:2:13: expected_students")
                .errContains("applications.csv:5:6: province")
                .errContains("trajectories.csv:3:3: level")
                .errContains("3 problemen in de invoer")
                .errHasNo("onbekende trajectcode"); // the refused catalogue row is not blamed on its applications
    }

    @Test
    void aMissingColumnAndAMissingFileAreNamed() throws IOException {
        // Given the shortage list is gone and the capacity file lost a column
        Files.delete(batch.resolve("shortages.csv"));
        Files.writeString(batch.resolve("capacity.csv"), "province,trajectory,providers,students\nLimburg,SENSE3_KAPPER,4,9\n");
        // When / Then
        assertThat(shell("evaluate", batch.toString(), "--out", out.toString(), "--rules", rules))
                .exitedWith(ExitCodes.INPUT)
                .errContains("shortages.csv: bestand ontbreekt (verwacht shortages.csv of shortages.json)")
                .errContains("capacity.csv:1: verplichte kolom 'workplaces' ontbreekt in de kopregel");
        assertFalse(Files.exists(out));
    }

    @Test
    void aJsonTableIsLocatedByElementAndField() throws IOException {
        // Given the partnerships as JSON with a bad boolean in the second element
        Files.delete(batch.resolve("partnerships.csv"));
        Files.writeString(batch.resolve("partnerships.json"), """
                [{"code": "HAARZORG", "name": "Haarzorg (en Fitness)", "has_partnership": "ja"},
                 {"code": "SOCIAL", "name": "Social Profit", "has_partnership": "soms"},
                 {"code": "ELEK", "name": "Elektriciens", "has_partnership": true},
                 {"code": "GEEN_SP", "name": "Sectoren zonder SP", "has_partnership": "nee"}]
                """);
        // When / Then
        assertRefused("partnerships.json:2:has_partnership: has_partnership: 'soms' is geen ja of nee");
    }

    @Test
    void anExistingOutputFolderIsLeftUntouched() throws IOException {
        // Given an output folder with last run's annex
        Files.createDirectories(out);
        Files.writeString(out.resolve("annex.json"), "previous");
        setCell("applications.csv", 2, 13, "veel");
        // When
        assertThat(shell("evaluate", batch.toString(), "--out", out.toString(), "--rules", rules)).exitedWith(ExitCodes.INPUT);
        // Then
        org.junit.jupiter.api.Assertions.assertEquals("previous", Files.readString(out.resolve("annex.json")));
    }
}
