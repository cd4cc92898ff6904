package be.serv.advies.report;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.DraftSeen;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Role;
import be.serv.advies.verdict.Advice;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether the advice is a draft is said on every page: on the report's first page in words, at the
 * top of every printed page, on every printed sheet of the annex. Partly decided, the pages count the
 * decided; everything decided, they say so instead of "ontwerp".
 */
class DraftStatusTest {
    @TempDir
    Path tmp;

    @Test
    void partlyDecidedPagesCountTheDecidedAndCallTheRestDrafts() throws Exception {
        // Given a review that decided 10 of the shipped batch's applications
        Path out = reportWithDecisions(10);
        // Then the first page says how many were decided and that the rest are drafts
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("10 van de 383 aanvragen zijn door beoordelaars beslist; de overige 373 adviezen zijn ontwerpen"), "first-page box");
        // and every printed page carries the draft mark with the count
        for (String page : pdfPages(out)) {
            assertTrue(page.contains("ONTWERP, geen definitief advies · 10 van 383 aanvragen beslist"), page);
        }
        assertTrue(sheetHeader(out).contains("ONTWERP, geen definitief advies · 10 van 383 aanvragen beslist"), sheetHeader(out));
        // and the Word document's page header too
        assertEquals("ONTWERP, geen definitief advies · 10 van 383 aanvragen beslist", docxHeader(out));
    }

    @Test
    void everythingDecidedSaysSoInsteadOfDraft() throws Exception {
        // Given a review that decided every application of the shipped batch
        Path out = reportWithDecisions(Integer.MAX_VALUE);
        // Then the first page says the advice is decided, and nothing calls it a draft
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Alle 383 adviezen in dit rapport zijn door beoordelaars beslist"), "first-page box");
        assertFalse(html.contains("ONTWERP"), "a draft mark on a decided report");
        for (String page : pdfPages(out)) {
            assertTrue(page.contains("Beslist advies: alle 383 aanvragen beslist door beoordelaars"), page);
            assertFalse(page.contains("ONTWERP"), page);
        }
        assertTrue(sheetHeader(out).contains("beslist advies: alle 383 aanvragen beslist door beoordelaars"), sheetHeader(out));
        // and the Word document has no draft header: it is the advice the secretariat sends
        assertEquals("", docxHeader(out));
    }

    private static String docxHeader(Path out) throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("report.docx"));
             org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            return ReportDocxTest.headerText(doc);
        }
    }

    private Path reportWithDecisions(int decided) throws Exception {
        DraftRun run = DraftRun.of(Path.of("fixtures/2022-2023"), Path.of("rules"));
        Path db = tmp.resolve("review.db");
        try (ReviewStore store = ReviewStore.open(db)) {
            store.addUser("anna", "not-used-here", Role.SECRETARIAAT, Set.of(), "");
            List<DraftSeen> seen = new ArrayList<>();
            for (Advice a : run.advices()) {
                if (seen.size() == decided) break;
                seen.add(new DraftSeen(a.applicationId(), 0, a.verdict(), a.reasons(), run.rules().hash(), run.batch().getInputHash()));
            }
            store.bulkConfirm(seen, "anna");
        }
        Path out = tmp.resolve("out");
        assertThat(shell("report", "fixtures/2022-2023", "--out", out.toString(), "--db", db.toString())).succeeded();
        return out;
    }

    private static List<String> pdfPages(Path out) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper strip = new PDFTextStripper();
                strip.setSortByPosition(true);
                strip.setStartPage(p);
                strip.setEndPage(p);
                pages.add(strip.getText(doc).replaceAll("\\s+", " "));
            }
        }
        assertFalse(pages.isEmpty());
        return pages;
    }

    private static String sheetHeader(Path out) throws IOException {
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            return wb.getSheet(AnnexWorkbook.SHEET).getHeader().getLeft();
        }
    }
}
