package be.serv.advies.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A printed report (report.pdf, or report.html printed by a browser) read page by page with PDFBox,
 * and the layout checks both must pass: tables keep their header on every page and Tabel 1 its
 * totals, and no page is left less than half filled.
 */
final class PrintedPages {
    /** The page body between the top and bottom margins of report.jte's @page rule (15 mm, 13 mm). */
    static final float TOP = 15 / 25.4f * 72, BOTTOM = 842 - 13 / 25.4f * 72;

    /** Each page's text, white space folded. */
    final List<String> pages = new ArrayList<>();
    /** Each page's lines as extracted, in reading order. */
    final List<List<String>> lines = new ArrayList<>();
    /** Per page, the lowest text in the page body, from the top of the page in points. */
    final List<Float> lowest = new ArrayList<>();

    private PrintedPages() {
    }

    static PrintedPages read(Path pdf) throws IOException {
        PrintedPages out = new PrintedPages();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
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
                out.pages.add(text.replaceAll("\\s+", " "));
                out.lines.add(text.lines().map(String::strip).toList());
                out.lowest.add(low[0]);
            }
        }
        return out;
    }

    /** The page with Tabel 1's "Totaal" row also shows the table's column headers. */
    void assertTabel1TotalsWithHeader() {
        int totals = -1;
        for (int p = 0; p < pages.size(); p++) if (pages.get(p).contains("Totaal 313 ")) totals = p;
        assertTrue(totals >= 0, "no Tabel 1 totals row");
        assertTrue(pages.get(totals).contains("Sectoraal partnerschap") && pages.get(totals).contains("Motivatie"),
                "Tabel 1's totals on page " + (totals + 1) + " without its header: " + pages.get(totals));
    }

    /**
     * Each table of the page that prints (not those folded away on screen) shows its first header cell
     * on every page with one of its rows. A row is on the page where a line starts with its first cell,
     * counted only when exactly one line of the print does (a wrapped cell or a name used elsewhere
     * proves nothing).
     */
    void assertTableHeadersOnEveryPage(Path html) throws IOException {
        int checked = 0, spanning = 0;
        for (Element table : Jsoup.parse(html.toFile()).select("table")) {
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
            for (int p : rowPages.stream().distinct().toList()) {
                assertTrue(pages.get(p).contains(header), "page " + (p + 1) + " continues the table headed '" + header + "' without its header");
            }
        }
        System.out.println(checked + " tables checked, " + spanning + " of them over more than one page");
        assertTrue(checked >= 10, "tables checked: " + checked);
        assertTrue(spanning >= 1, "no table spans two pages, so the check proves nothing about repeated headers");
    }

    /** Every page is at least half filled, except the last before Bijlage 1 (which starts a page) and the last. */
    void assertPagesHalfFilled() {
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
        System.out.println("page fill:" + fills);
    }
}
