package be.serv.advies.load;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application's place must be a municipality of Flanders or Brussels (or a part of one people
 * write, such as Heule) in the province its row says; otherwise the batch is refused (exit 2) with
 * the cell and the nearest names.
 */
class PlaceValidationTest {
    /** Columns of applications.csv in the small batch, as a spreadsheet counts them. */
    private static final int PLACE = 5;
    private static final int PROVINCE = 6;

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

    private void setCell(int row, int column, String value) throws IOException {
        Path p = batch.resolve("applications.csv");
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String[] cells = lines.get(row - 1).split(";", -1);
        cells[column - 1] = value;
        lines.set(row - 1, String.join(";", cells));
        Files.write(p, lines, StandardCharsets.UTF_8);
    }

    @Test
    void aMisspeltPlaceIsRefusedAtItsCellWithTheNearestName() throws IOException {
        // Given row 4 (A3, West-Vlaanderen) says "Oostnde"
        setCell(4, PLACE, "Oostnde");
        // When / Then
        assertThat(shell("evaluate", batch.toString(), "--out", out.toString(), "--rules", rules))
                .exitedWith(ExitCodes.INPUT)
                .errContains("applications.csv:4:" + PLACE + ": onbekende gemeente 'Oostnde'; bedoelt u Oostende?")
                .errHasNo("Exception");
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aPlaceOutsideTheProvinceItsRowSaysIsRefused() throws IOException {
        // Given row 2 (A1) says Genk, Antwerpen
        setCell(2, PLACE, "Genk");
        setCell(2, PROVINCE, "Antwerpen");
        // When / Then
        assertThat(shell("evaluate", batch.toString(), "--out", out.toString(), "--rules", rules))
                .exitedWith(ExitCodes.INPUT)
                .errContains("applications.csv:2:" + PROVINCE + ": Genk ligt in Limburg, niet in Antwerpen")
                .errHasNo("Exception");
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aPartOfAMunicipalityPeopleWriteIsAccepted() throws IOException {
        // Given row 4 (A3, West-Vlaanderen) says Heule, part of Kortrijk
        setCell(4, PLACE, "Heule");
        // When / Then the batch is evaluated
        assertThat(shell("evaluate", batch.toString(), "--out", out.toString(), "--rules", rules)).succeeded();
        assertTrue(Files.exists(out.resolve("annex.json")));
    }
}
