package be.serv.advies.load;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Values are read as written or refused: digits are 0-9 only, ids and codes hold no control or
 * invisible character, every format has the same cell-length limit, and a workbook formula without
 * a stored result is refused instead of read as 0. Each damaged file is made from the shipped batch.
 */
class StrictValuesTest extends OnShippedCopy {
    /** The first data row from {@code from} on without a quoted separator (so splitting on ';' finds its cells). */
    int plainRow(int from) throws IOException {
        String[] lines = copy.text("applications.csv").split("\r\n", -1);
        for (int r = from; r <= lines.length; r++) if (lines[r - 1].split(";", -1).length == 22) return r;
        throw new AssertionError("no plain row from " + from);
    }

    /** Sets one cell (row as Excel counts, the header is row 1; column 1-based) of applications.csv. */
    void setApplicationCell(int row, int column, String value) throws IOException {
        String csv = copy.text("applications.csv");
        String[] lines = csv.split("\r\n", -1);
        String[] cells = lines[row - 1].split(";", -1);
        if (cells.length != 22) throw new AssertionError("row " + row + " holds a quoted separator; pick another row");
        cells[column - 1] = value;
        lines[row - 1] = String.join(";", cells);
        copy.write("applications.csv", String.join("\r\n", lines));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661\u0662", "\uff11\uff12", "1 2", "1\u00a02", "12.0", "1e1"})
    void onlyTheDigitsZeroToNineAreANumber(String written) throws IOException {
        // Given expected_students written as Arabic-Indic or full-width digits, or with a space
        setApplicationCell(2, 13, written);
        // When / Then
        copy.refused("applications.csv:2:13: expected_students: '", "is geen geheel getal (alleen de cijfers 0-9");
    }

    @Test
    void aSignedNumberIsStillANumber() throws IOException {
        // Given "+13" for the 13 expected students of row 2
        setApplicationCell(2, 13, "+13");
        // When / Then
        org.junit.jupiter.api.Assertions.assertEquals(0, copy.evaluate().exitCode());
    }

    @Test
    void anIdWithAZeroWidthSpaceBesideTheCleanIdIsRefused() throws IOException {
        // Given a row with row 2's id and a zero-width space after it
        String id = copy.text("applications.csv").split("\r\n")[1].split(";")[0];
        int row = plainRow(3);
        setApplicationCell(row, 1, id + "\u200b");
        // When / Then
        copy.refused("applications.csv:" + row + ":1: id: '" + id + "<U+200B>' bevat een onzichtbaar of onbekend teken (U+200B) op positie 10");
    }

    @Test
    void aCodeWithAControlCharacterIsRefused() throws IOException {
        // Given an institution number with a bell character in it
        int row = plainRow(3);
        setApplicationCell(row, 2, "0107\u000748");
        // When / Then
        copy.refused("applications.csv:" + row + ":2: institution_number: '0107<U+0007>48' bevat een stuurteken (U+0007) op positie 5");
    }

    @Test
    void aNulInATextAfterTheFirstEightKilobytesIsRefused() throws IOException {
        // Given a NUL inside the application text of row 100 (far beyond the binary sniffing of the first 8 KB)
        int row = plainRow(100);
        String text = copy.text("applications.csv").split("\r\n")[row - 1].split(";", -1)[21];
        setApplicationCell(row, 22, text.substring(0, 10) + "\u0000" + text.substring(10));
        // When / Then
        copy.refused("applications.csv:" + row + ":22: application_text: '", "bevat een stuurteken (U+0000) op positie 11");
    }

    @Test
    void aJsonCellHasTheSameLengthLimitAsACsvCell() throws IOException {
        // Given a partnership name of 100,001 characters in partnerships.json
        copy.write("partnerships.json", copy.text("partnerships.json")
                .replaceFirst("\"Autosector en aanverwanten\"", "\"" + "a".repeat(TableReader.MAX_CELL + 1) + "\""));
        // When / Then
        copy.refused("partnerships.json:1:name: de cel is langer dan 100.000 tekens, de grens voor elke cel");
    }

    @Test
    void aCsvCellOverTheLimitIsRefusedWithTheSameMessage() throws IOException {
        // Given an application text of 100,001 characters
        setApplicationCell(2, 22, "b".repeat(TableReader.MAX_CELL + 1));
        // When / Then
        copy.refused("applications.csv:2:22: de cel is langer dan 100.000 tekens, de grens voor elke cel");
    }

    @Test
    void aCellAtTheLimitIsAccepted() throws IOException {
        // Given an application text of exactly 100,000 characters
        setApplicationCell(2, 22, "c".repeat(TableReader.MAX_CELL));
        // When / Then
        org.junit.jupiter.api.Assertions.assertEquals(0, copy.evaluate().exitCode());
    }

    @Test
    void aWorkbookFormulaWithoutAStoredResultIsRefused() throws IOException {
        // Given applications.xlsx made from applications.csv, with expected_students of row 2 the
        // formula =6+7 as a program writes it that does not calculate (no cached value)
        List<Problem> none = new ArrayList<>();
        Table table = TableReader.read("applications.csv", Files.readAllBytes(copy.file("applications.csv")), none);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(copy.file("applications.xlsx"))) {
            Sheet sheet = wb.createSheet("Aanvragen");
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int c = 0; c < table.header().size(); c++) head.createCell(c).setCellValue(table.header().get(c));
            for (int r = 0; r < table.rows().size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
                for (int c = 0; c < table.header().size(); c++) {
                    Cell cell = row.createCell(c);
                    String name = table.header().get(c);
                    if (r == 0 && name.equals("expected_students")) cell.setCellFormula("6+7");
                    else cell.setCellValue(table.rows().get(r).values().getOrDefault(name, ""));
                }
            }
            wb.write(out);
        }
        Files.delete(copy.file("applications.csv"));
        // When / Then
        copy.refused("applications.xlsx:Aanvragen!M2: de formule =6+7 heeft geen berekende waarde in het bestand; "
                + "open en bewaar het bestand in Excel");
    }
}
