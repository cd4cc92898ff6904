package be.serv.advies.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.pdf of the shipped batch laid out as a reader turns its pages: tables keep their header on
 * every page and Tabel 1 its totals, no page is left half empty, and the file is tagged, in Dutch,
 * with an outline, and its text copies without ligatures.
 */
class ReportPdfLayoutTest {
    /** The page body between the top and bottom margins of report.jte's @page rule (15 mm, 13 mm). */
    private static final float TOP = 15 / 25.4f * 72, BOTTOM = 842 - 13 / 25.4f * 72;

    private static final List<String> pages = new ArrayList<>();
    private static final List<Float> lowest = new ArrayList<>();
    /** Each page's lines as extracted, in reading order. */
    private static final List<List<String>> lines = new ArrayList<>();

    @BeforeAll
    static void readPages() throws IOException {
        // Given the report made from the shipped batch
        try (PDDocument doc = Loader.loadPDF(ShippedReport.dir().resolve("report.pdf").toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                float[] low = {0};
                PDFTextStripper strip = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) throws IOException {
                        for (TextPosition t : positions) {
                            float y = t.getYDirAdj();
                            if (y > TOP && y < BOTTOM) low[0] = Math.max(low[0], y);
                        }
                        super.writeString(text, positions);
                    }
                };
                strip.setSortByPosition(true);
                strip.setStartPage(p);
                strip.setEndPage(p);
                String text = strip.getText(doc);
                pages.add(text.replaceAll("\\s+", " "));
                lines.add(text.lines().map(String::strip).toList());
                lowest.add(low[0]);
            }
        }
    }

    @Test
    void tabel1sTotalsRowIsOnThePageOfItsHeader() {
        // Then the page with Tabel 1's "Totaal" row also shows the table's column headers
        int totals = -1;
        for (int p = 0; p < pages.size(); p++) if (pages.get(p).contains("Totaal 313 ")) totals = p;
        assertTrue(totals >= 0, "no Tabel 1 totals row");
        assertTrue(pages.get(totals).contains("Sectoraal partnerschap") && pages.get(totals).contains("Motivatie"),
                "Tabel 1's totals on page " + (totals + 1) + " without its header: " + pages.get(totals));
    }

    @Test
    void everyTableThatSpansPagesHasItsHeaderOnEach() throws IOException {
        // Given each table of report.html that prints (not those folded away on screen), its first header
        // cell and the first cell of each row; a row is on the page where a line starts with that cell,
        // counted only when exactly one line of the PDF does (a wrapped cell or a name used elsewhere proves nothing)
        org.jsoup.nodes.Document html = Jsoup.parse(ShippedReport.dir().resolve("report.html").toFile());
        int checked = 0, spanning = 0;
        for (Element table : html.select("table")) {
            if (table.closest("details.screen, .appendix") != null) continue;
            String header = table.select("thead th").first().text();
            List<Integer> rowPages = new ArrayList<>();
            for (Element row : table.select("tbody tr")) {
                String cell = row.select("td").first().text();
                List<Integer> at = new ArrayList<>();
                for (int p = 0; p < lines.size(); p++) {
                    for (String line : lines.get(p)) if (line.equals(cell) || line.startsWith(cell + " ")) at.add(p);
                }
                if (at.size() == 1) rowPages.add(at.get(0));
            }
            if (rowPages.isEmpty()) continue;
            checked++;
            if (rowPages.stream().distinct().count() > 1) spanning++;
            // Then every page with one of its rows shows its header
            for (int p : rowPages.stream().distinct().toList()) {
                assertTrue(pages.get(p).contains(header), "page " + (p + 1) + " continues the table headed '" + header + "' without its header");
            }
        }
        System.out.println("report.pdf: " + checked + " tables checked, " + spanning + " of them over more than one page");
        assertTrue(checked >= 10, "tables checked: " + checked);
        assertTrue(spanning >= 1, "no table spans two pages, so the check above proves nothing about repeated headers");
    }

    @Test
    void noBodyPageIsLessThanHalfFilled() {
        // Then every page is at least half filled, except the last page before Bijlage 1 (which starts a page) and the last page
        int bijlage = -1;
        for (int p = 0; p < pages.size(); p++) if (pages.get(p).contains("Bijlage 1. Programmatie-inspiratie")) bijlage = p;
        assertTrue(bijlage > 0, "Bijlage 1 not found");
        StringBuilder fills = new StringBuilder();
        for (int p = 0; p < pages.size(); p++) {
            float filled = (lowest.get(p) - TOP) / (BOTTOM - TOP);
            fills.append(String.format(java.util.Locale.ROOT, " p%d %.0f%%", p + 1, filled * 100));
            if (p == bijlage - 1 || p == pages.size() - 1) continue;
            assertTrue(filled >= 0.5f, "page " + (p + 1) + " is only " + Math.round(filled * 100) + "% filled");
        }
        System.out.println("report.pdf page fill:" + fills);
    }

    @Test
    void theFileIsTaggedInDutchWithAnOutlineAndCopiesWithoutLigatures() throws IOException {
        try (PDDocument doc = Loader.loadPDF(ShippedReport.dir().resolve("report.pdf").toFile())) {
            // Then the document's language is Dutch
            assertEquals("nl", doc.getDocumentCatalog().getLanguage());
            // and it is tagged: a structure tree a screen reader follows
            assertNotNull(doc.getDocumentCatalog().getStructureTreeRoot(), "no structure tree");
            assertNotNull(doc.getDocumentCatalog().getMarkInfo(), "no mark info");
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked(), "not marked as tagged");
            // and the outline has a bookmark per section, from §2.1 to the colophon
            assertNotNull(doc.getDocumentCatalog().getDocumentOutline(), "no outline");
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) titles.add(item.getTitle());
            for (String section : List.of("2.1 Aanvragen per net en aanbieder", "2.5 Zwakke aanvragen", "3.1 Advies per aanvraag",
                    "Tabel 1: Aantal aanvragen en advisering volgens sectoraal partnerschap",
                    "Bijlage 1. Programmatie-inspiratie: tekorten in het huidig aanbod", "Colofon")) {
                assertTrue(titles.contains(section), "no bookmark '" + section + "' in " + titles);
            }
        }
        // and no ligature (U+FB00-U+FB06) in the text a reader copies
        for (int p = 0; p < pages.size(); p++) {
            String page = pages.get(p);
            assertFalse(page.chars().anyMatch(c -> c >= 0xFB00 && c <= 0xFB06), "a ligature on page " + (p + 1));
            // (a word with "fi" the report always prints, so the check is not on text without such pairs)
        }
        assertTrue(String.join(" ", pages).contains("definitief"), "the draft mark's 'definitief' as plain letters");
    }
}
