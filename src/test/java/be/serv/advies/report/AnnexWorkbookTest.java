package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
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
    void oneRowPerApplicationWithDutchReasonsBlankReviewCellsAndPrintSetup() throws IOException {
        // Given the report on the shipped batch
        Path xlsx = ShippedReport.dir().resolve("annex.xlsx");
        JsonNode annexIds = ShippedReport.json().path("totals");
        int applications = annexIds.path("so").path("count").asInt() + annexIds.path("buso").path("count").asInt();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            XSSFSheet details = wb.getSheet(AnnexWorkbook.DETAILS_SHEET);
            assertNotNull(sheet, "sheet " + AnnexWorkbook.SHEET);
            assertNotNull(details, "sheet " + AnnexWorkbook.DETAILS_SHEET);
            DataFormatter f = new DataFormatter();
            // Then the first sheet's header is what a reader needs, the second's the rest, each frozen with a filter over every column
            List<String> names = headers(sheet, f), more = headers(details, f);
            assertEquals(AnnexWorkbook.COLUMNS, names);
            assertEquals(AnnexWorkbook.DETAILS, more);
            assertTrue(more.containsAll(List.of("Instellingsnummer", "Vestigingsplaats", "Provincie", "Net", "Niveau",
                    "Sectoraal partnerschap", "Redenen", "Codes", "Signalen")));
            for (XSSFSheet s : List.of(sheet, details)) {
                PaneInformation pane = s.getPaneInformation();
                assertNotNull(pane, "no frozen pane");
                assertTrue(pane.isFreezePane());
                assertEquals(1, pane.getHorizontalSplitPosition());
                assertNotNull(s.getCTWorksheet().getAutoFilter(), "no auto-filter");
            }
            assertEquals("A1:I" + (applications + 1), sheet.getCTWorksheet().getAutoFilter().getRef());
            assertEquals("A1:" + (char) ('A' + AnnexWorkbook.DETAILS.size() - 1) + (applications + 1), details.getCTWorksheet().getAutoFilter().getRef());
            // and one row per application on each, each with a draft and a motivation
            assertEquals(applications, sheet.getLastRowNum());
            assertEquals(applications, details.getLastRowNum());
            int reasons = more.indexOf("Redenen"), codes = more.indexOf("Codes");
            int withReasons = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertEquals(f.formatCellValue(row.getCell(0)), f.formatCellValue(details.getRow(r).getCell(0)), "the same application in row " + r);
                assertFalse(f.formatCellValue(row.getCell(names.indexOf("Ontwerpadvies"))).isBlank(), "row " + r);
                assertFalse(f.formatCellValue(row.getCell(names.indexOf("Motivering"))).isBlank(), "row " + r);
                // and the reasons in Dutch words, their codes in a column of their own
                String label = f.formatCellValue(details.getRow(r).getCell(reasons)), code = f.formatCellValue(details.getRow(r).getCell(codes));
                assertEquals(label.isEmpty(), code.isEmpty(), "row " + r);
                if (!label.isEmpty()) {
                    withReasons++;
                    assertFalse(label.matches(".*\\b[A-Z]+_[A-Z_]+\\b.*"), "a code among the labels in row " + r + ": " + label);
                    assertTrue(code.matches("[A-Z_]+(, [A-Z_]+)*"), "row " + r + ": " + code);
                }
                // and the three review cells are no cells at all until someone decides
                for (int c : new int[]{AnnexWorkbook.CONFIRMED_COLUMN, AnnexWorkbook.REASON_COLUMN, AnnexWorkbook.REVIEWER_COLUMN}) {
                    Cell cell = row.getCell(c);
                    assertTrue(cell == null || cell.getCellType() == CellType.BLANK, "row " + r + " column " + names.get(c) + " is not blank");
                }
            }
            assertTrue(withReasons > 50, "rows with reasons: " + withReasons);
            assertTrue(containsLabel(details, reasons, "reeds voldoende opleidingsaanbod in de regio"), "a Dutch label of the shipped batch");
            // and the reviewer picks the confirmed advice from the four advices
            assertEquals(1, sheet.getDataValidations().size());
            assertEquals(List.of("positief", "positief met bemerkingen", "negatief", "geen advies"),
                    List.of(sheet.getDataValidations().get(0).getValidationConstraint().getExplicitListValues()));
            // and both sheets print landscape on A4, one page wide, the header row on every page, marked as a draft
            for (XSSFSheet s : List.of(sheet, details)) {
                PrintSetup ps = s.getPrintSetup();
                assertTrue(ps.getLandscape(), "landscape");
                assertEquals(PrintSetup.A4_PAPERSIZE, ps.getPaperSize());
                assertTrue(s.getFitToPage(), "fit to page");
                assertEquals(1, ps.getFitWidth());
                assertEquals(0, ps.getFitHeight());
                assertEquals("1:1", s.getRepeatingRows().formatAsString().replace("$", ""));
                assertTrue(s.getHeader().getLeft().contains("ONTWERP, geen definitief advies"), s.getHeader().getLeft());
            }
        }
    }

    private static List<String> headers(XSSFSheet sheet, DataFormatter f) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(f.formatCellValue(c)));
        return names;
    }

    @Test
    void formulaLikeTextFromTheInputStaysTextWithoutAVisibleApostrophe(@TempDir Path tmp) throws IOException {
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
        // Then the cell holds the text as typed, as a string with the quote-prefix style, never a formula
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            int school = AnnexWorkbook.COLUMNS.indexOf("School");
            int found = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Cell cell = sheet.getRow(r).getCell(school);
                assertEquals(CellType.STRING, cell.getCellType());
                assertFalse(cell.getStringCellValue().startsWith("'"), "a visible apostrophe in row " + r);
                if (cell.getStringCellValue().contains("HYPERLINK")) {
                    assertEquals("=HYPERLINK(\"http://x\")", cell.getStringCellValue());
                    assertTrue(cell.getCellStyle().getQuotePrefixed(), "quote-prefix style on row " + r);
                    found++;
                } else {
                    assertFalse(cell.getCellStyle().getQuotePrefixed(), "quote-prefix on ordinary text in row " + r);
                }
            }
            assertTrue(found > 0, "the formula-like school name is not in the workbook");
        }
    }

    private static boolean containsLabel(XSSFSheet sheet, int column, String label) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Cell c = sheet.getRow(r).getCell(column);
            if (c != null && c.getStringCellValue().contains(label)) return true;
        }
        return false;
    }
}
