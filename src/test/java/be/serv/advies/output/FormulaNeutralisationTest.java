package be.serv.advies.output;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text from input that a spreadsheet would run as a formula reaches annex.csv as plain text. */
class FormulaNeutralisationTest {
    @TempDir
    Path tmp;

    @Test
    void everyFormulaLeadIsNeutralised() {
        for (String lead : new String[]{"=", "+", "-", "@", "\t", "\r"}) {
            assertEquals("'" + lead + "1+1", SafeCells.neutralise(lead + "1+1"));
        }
        assertEquals("Gent", SafeCells.neutralise("Gent"));
        assertEquals("", SafeCells.neutralise(null));
    }

    @Test
    void inputTextStartingWithAFormulaIsWrittenAsTextInTheAnnex() throws Exception {
        // Given applications whose school name and campus number start like formulas (a place must be a municipality)
        Path batch = TestRules.copyBatch(Path.of("src/test/resources/batches/small"), tmp.resolve("batch"));
        Path apps = batch.resolve("applications.csv");
        String csv = Files.readString(apps, StandardCharsets.UTF_8)
                .replace("CDO Hasselt", "=HYPERLINK(A1)")
                .replace("Syntra West", "@SUM(A1:A9)")
                .replace("Sint-Jozefinstituut", "+cmd|' /C calc'!A0")
                .replace(";2;Brugge;", ";-2+3;Brugge;");
        Files.writeString(apps, csv, StandardCharsets.UTF_8);
        // When evaluated
        shell("evaluate", batch.toString(), "--rules", TestRules.copyTo(tmp.resolve("rules")).toString(),
                "--out", tmp.resolve("out").toString()).succeeded();
        // Then no cell of annex.csv starts with a formula character
        String annex = Files.readString(tmp.resolve("out/annex.csv"), StandardCharsets.UTF_8);
        assertTrue(annex.contains(";'=HYPERLINK(A1);"), annex);
        assertTrue(annex.contains(";'-2+3;"), annex);
        assertTrue(annex.contains("'@SUM(A1:A9)"), annex);
        assertTrue(annex.contains("'+cmd|' /C calc'!A0"), annex);
        for (String line : annex.split("\r\n")) {
            for (String cell : line.split(";")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0, "formula cell: " + cell);
            }
        }
    }
}
