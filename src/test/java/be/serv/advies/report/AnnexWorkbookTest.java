package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** annex.xlsx, read back with POI as a spreadsheet program would open it. */
class AnnexWorkbookTest {

    @Test
    void oneRowPerApplicationWithFrozenHeaderFiltersAndEmptyReviewColumns() throws IOException {
        // Given the report on the shipped batch
        Path xlsx = ShippedReport.dir().resolve("annex.xlsx");
        JsonNode annexIds = ShippedReport.json().path("totals");
        int applications = annexIds.path("so").path("count").asInt() + annexIds.path("buso").path("count").asInt();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            assertNotNull(sheet, "sheet " + AnnexWorkbook.SHEET);
            DataFormatter f = new DataFormatter();
            // Then the header is the annex's columns, frozen, with a filter over every column
            Row header = sheet.getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(f.formatCellValue(c)));
            assertEquals(AnnexWorkbook.COLUMNS, names);
            assertTrue(names.containsAll(List.of("School", "Vestigingsplaats", "Gemeente", "Provincie", "Standaardtraject",
                    "Niveau", "Sectoraal partnerschap", "Ontwerpadvies", "Motivering", "Bevestigd advies", "Nagekeken door")));
            PaneInformation pane = sheet.getPaneInformation();
            assertNotNull(pane, "no frozen pane");
            assertTrue(pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition());
            assertNotNull(sheet.getCTWorksheet().getAutoFilter(), "no auto-filter");
            assertEquals("A1:R" + (applications + 1), sheet.getCTWorksheet().getAutoFilter().getRef());
            // and one row per application, each with a draft and a motivation, the review columns empty
            assertEquals(applications, sheet.getLastRowNum());
            int confirmed = AnnexWorkbook.CONFIRMED_COLUMN;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertFalse(f.formatCellValue(row.getCell(names.indexOf("Ontwerpadvies"))).isBlank(), "row " + r);
                assertFalse(f.formatCellValue(row.getCell(names.indexOf("Motivering"))).isBlank(), "row " + r);
                assertEquals("", f.formatCellValue(row.getCell(confirmed)), "row " + r);
                assertEquals("", f.formatCellValue(row.getCell(confirmed + 1)), "row " + r);
            }
            // and the reviewer picks the confirmed advice from the four advices
            assertEquals(1, sheet.getDataValidations().size());
            assertEquals(List.of("positief", "positief met bemerkingen", "negatief", "geen advies"),
                    List.of(sheet.getDataValidations().get(0).getValidationConstraint().getExplicitListValues()));
        }
    }

    @Test
    void formulaLikeTextFromTheInputStaysText(@TempDir Path tmp) throws IOException {
        // Given a batch whose school name would run as a formula in a spreadsheet
        Path batch = tmp.resolve("batch");
        Files.createDirectories(batch);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/batches/small"))) {
            for (Path p : files.toList()) Files.copy(p, batch.resolve(p.getFileName()));
        }
        Path apps = batch.resolve("applications.csv");
        Files.writeString(apps, Files.readString(apps, StandardCharsets.UTF_8).replace("CDO Hasselt", "=HYPERLINK(\"http://x\")"),
                StandardCharsets.UTF_8);
        // When the report is made
        Path out = tmp.resolve("out");
        assertThat(Shell.shell("report", batch.toString(), "--out", out.toString())).succeeded();
        // Then the cell holds the text with a leading apostrophe, as a string, not a formula
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            int school = AnnexWorkbook.COLUMNS.indexOf("School");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var cell = sheet.getRow(r).getCell(school);
                assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, cell.getCellType());
                if (cell.getStringCellValue().contains("HYPERLINK")) {
                    assertEquals("'=HYPERLINK(\"http://x\")", cell.getStringCellValue());
                    found = true;
                }
            }
            assertTrue(found, "the formula-like school name is not in the workbook");
        }
    }
}
