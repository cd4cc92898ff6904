package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import be.serv.advies.load.Problem;
import be.serv.advies.load.Row;
import be.serv.advies.load.Table;
import be.serv.advies.load.TableReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static be.serv.advies.cli.Shell.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * annex.xlsx as evaluate writes it for people who read or print the annex: rows tall enough for their
 * wrapped text, a print area with the reader's columns at a readable size, header labels that break
 * between words, institution numbers as written, the signals in Dutch, and a file LibreOffice opens.
 */
class AnnexForPeopleTest {
    private static Path out;

    @BeforeAll
    static void evaluate(@TempDir Path tmp) {
        // Given evaluate on the shipped batch
        out = tmp.resolve("out");
        assertThat(Shell.shell("evaluate", "fixtures/2022-2023", "--out", out.toString())).succeeded().outContains("annex.xlsx");
    }

    @Test
    void everyRowIsTallEnoughForItsWrappedTextAtItsColumnsWidth() throws Exception {
        // Given a yardstick of its own: the text wrapped by Java's line breaker in DejaVu Sans, in units of the
        // font's digit width, as a column's width is counted (ordinary text is about as wide relative to the
        // digits in DejaVu Sans as in Calibri, the workbook's font)
        Font font;
        try (InputStream in = ReportPdf.class.getResourceAsStream("/be/serv/advies/report/fonts/DejaVuSans.ttf")) {
            font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(11f * 96 / 72);
        }
        FontRenderContext frc = new FontRenderContext(null, true, true);
        float digit = (float) font.getStringBounds("0", frc).getWidth();
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            int motivation = AnnexWorkbook.COLUMNS.indexOf("Motivering");
            int longest = 0, tallest = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                for (Cell cell : row) {
                    if (!cell.getCellStyle().getWrapText() && r > 0) continue;
                    // a column of w characters is w digits plus 5 pixels, less some 3 pixels of padding each side
                    float width = sheet.getColumnWidth(cell.getColumnIndex()) / 256f * digit - digit / 7;
                    int lines = lines(cell.getStringCellValue(), font, frc, width);
                    // Then the row holds that many lines of the default font (15 points each)
                    assertTrue(row.getHeightInPoints() >= lines * 15f,
                            "row " + (r + 1) + " is " + row.getHeightInPoints() + " pt for " + lines + " lines of " + cell.getAddress());
                    if (cell.getColumnIndex() == motivation) {
                        longest = Math.max(longest, cell.getStringCellValue().length());
                        tallest = Math.max(tallest, lines);
                    }
                }
            }
            System.out.println("annex.xlsx: longest motivation " + longest + " characters, " + tallest + " lines");
            assertTrue(longest > 500 && tallest > 8, "no long motivation to check: " + longest);
        }
    }

    @Test
    void theReadersColumnsPrintOnLandscapeA4AtAReadableSizeWithWholeWordHeaders() throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            // Then the print area is the first sheet's columns: id, school, place, trajectory, advice, motivation, review
            String area = wb.getPrintArea(wb.getSheetIndex(sheet));
            assertEquals(AnnexWorkbook.SHEET + "!$A$1:$I$" + (sheet.getLastRowNum() + 1), area);
            assertEquals(List.of("Id", "School", "Gemeente", "Standaardtraject", "Ontwerpadvies", "Motivering", "Bevestigd advies",
                    "Reden van wijziging", "Nagekeken door"), AnnexWorkbook.COLUMNS);
            // and, scaled to one page wide, those columns print at 75% or more (at least 8 points for the 11-point text)
            assertTrue(sheet.getFitToPage() && sheet.getPrintSetup().getFitWidth() == 1 && sheet.getPrintSetup().getLandscape());
            double pixels = 0;
            for (int c = 0; c < AnnexWorkbook.COLUMNS.size(); c++) pixels += sheet.getColumnWidth(c) / 256.0 * 7 + 5;
            double printable = (297 / 25.4 - sheet.getMargin(PageMargin.LEFT) - sheet.getMargin(PageMargin.RIGHT)) * 96;
            double scale = Math.min(1, printable / pixels);
            System.out.printf(java.util.Locale.ROOT, "annex.xlsx prints at %.0f%% (%.1f pt text)%n", scale * 100, scale * 11);
            assertTrue(scale >= 0.75, "prints at " + Math.round(scale * 100) + "%");
            // and no header label breaks inside a word, on either sheet (bold text counted 10% wider)
            for (XSSFSheet s : List.of(sheet, wb.getSheet(AnnexWorkbook.DETAILS_SHEET))) {
                for (Cell h : s.getRow(0)) {
                    for (String word : h.getStringCellValue().split(" ")) {
                        assertTrue(word.length() * 1.1 <= s.getColumnWidth(h.getColumnIndex()) / 256.0 - 1,
                                "'" + word + "' breaks in its column on " + s.getSheetName());
                    }
                }
            }
        }
    }

    @Test
    void institutionNumbersKeepTheirZerosAndTheSignalsAreInDutch() throws IOException {
        // Given the institution numbers as applications.csv writes them
        List<Problem> problems = new ArrayList<>();
        Table apps = TableReader.read("applications.csv", Files.readAllBytes(Path.of("fixtures/2022-2023/applications.csv")), problems);
        assertEquals(List.of(), problems);
        Map<String, String> numbers = new HashMap<>();
        for (Row a : apps.rows()) numbers.put(a.get("id"), a.get("institution_number"));
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet details = wb.getSheet(AnnexWorkbook.DETAILS_SHEET);
            DataFormatter f = new DataFormatter();
            int number = AnnexWorkbook.DETAILS.indexOf("Instellingsnummer"), signals = AnnexWorkbook.DETAILS.indexOf("Signalen");
            int zeros = 0, withSignals = 0;
            for (int r = 1; r <= details.getLastRowNum(); r++) {
                var row = details.getRow(r);
                // Then every institution number is text, as written, leading zeros and all
                Cell n = row.getCell(number);
                assertEquals(CellType.STRING, n.getCellType(), "row " + (r + 1));
                assertEquals(numbers.get(f.formatCellValue(row.getCell(0))), n.getStringCellValue(), "row " + (r + 1));
                if (n.getStringCellValue().startsWith("0")) zeros++;
                // and the signals are Dutch words, never codes
                String s = f.formatCellValue(row.getCell(signals));
                assertFalse(s.matches(".*\\b[A-Z]+_[A-Z_]+\\b.*"), "a code among the signals in row " + (r + 1) + ": " + s);
                if (!s.isEmpty()) withSignals++;
            }
            assertTrue(zeros > 100, "institution numbers with a leading zero: " + zeros);
            assertTrue(withSignals > 20, "rows with signals: " + withSignals);
        }
    }

    @Test
    void libreOfficeOpensItWithoutRepair(@TempDir Path tmp) throws Exception {
        // Given LibreOffice (libreoffice-calc-nogui in CI); without it there is nothing to open the file with
        Path soffice = soffice();
        assumeTrue(soffice != null, "soffice is not installed");
        // When it converts the workbook headless (soffice exits 0 even when it cannot load a file, and quietly drops
        // what it cannot read, so the check is its log and the whole sheet in its output)
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore", "-env:UserInstallation=file://" + tmp.resolve("profile"),
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", tmp.toString(), out.resolve("annex.xlsx").toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "soffice did not finish");
        // Then it succeeds without an error, and the first sheet reads back with its header and every application
        assertEquals(0, p.exitValue(), log);
        assertFalse(log.contains("Error"), log);
        String csv = Files.readString(tmp.resolve("annex.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("Id,School,Gemeente,Standaardtraject,Ontwerpadvies,Motivering"), csv.lines().findFirst().orElse(""));
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                String id = sheet.getRow(r).getCell(0).getStringCellValue();
                assertTrue(csv.contains("\n" + id + ","), "LibreOffice lost application " + id);
            }
        }
    }

    private static Path soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "soffice");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static int lines(String text, Font font, FontRenderContext frc, float width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.isEmpty()) {
                lines++;
                continue;
            }
            AttributedString s = new AttributedString(paragraph);
            s.addAttribute(TextAttribute.FONT, font);
            LineBreakMeasurer m = new LineBreakMeasurer(s.getIterator(), frc);
            while (m.getPosition() < paragraph.length()) {
                m.nextLayout(width);
                lines++;
            }
        }
        return lines;
    }
}
