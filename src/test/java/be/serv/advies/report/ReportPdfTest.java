package be.serv.advies.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.pdf of the shipped batch, read back with PDFBox as a reader's viewer would: at most twelve A4
 * pages (Bijlage 1 lists all 111 shortages), the draft mark and the page number on each, Tabel 1 with
 * its totals and the three charts, the hashes in the colophon, every font embedded.
 */
class ReportPdfTest {

    @Test
    void theShippedBatchPrintsOnAtMostTwelveA4PagesEachMarkedAsADraft() throws IOException {
        // Given the report made from the shipped batch (no review database: every advice is a draft)
        Path pdf = ShippedReport.dir().resolve("report.pdf");
        JsonNode json = ShippedReport.json();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            System.out.println("report.pdf of fixtures/2022-2023: " + pages + " A4 pages");
            // Then it has at most twelve pages, all A4
            assertTrue(pages >= 1 && pages <= 12, "pages: " + pages);
            for (PDPage page : doc.getPages()) {
                assertEquals(595, Math.round(page.getMediaBox().getWidth()), "A4 width in points");
                assertEquals(842, Math.round(page.getMediaBox().getHeight()), "A4 height in points");
            }
            // and every page says it is a draft and which page of how many it is
            String rules = json.path("rules_hash").asText().replaceFirst("^[a-z0-9-]+:", "").substring(0, 12);
            String input = json.path("input_hash").asText().replaceFirst("^[a-z0-9-]+:", "").substring(0, 12);
            List<String> texts = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper strip = new PDFTextStripper();
                strip.setSortByPosition(true);
                strip.setStartPage(p);
                strip.setEndPage(p);
                String text = strip.getText(doc).replaceAll("\\s+", " ");
                texts.add(text);
                assertTrue(text.contains("ONTWERP, geen definitief advies"), "page " + p + " has no draft mark: " + text);
                assertTrue(text.contains("0 van 383 aanvragen beslist"), "page " + p);
                assertTrue(text.contains("pagina " + p + " van " + pages), "page " + p + " has no page number");
            }
            String all = String.join(" ", texts);
            // and the first page says in words what the advice is
            assertTrue(texts.get(0).contains("Ontwerp: dit is nog niet het advies van de SERV."), texts.get(0));
            assertTrue(texts.get(0).contains("Geen enkele van de 383 aanvragen is al door een beoordelaar beslist"), texts.get(0));
            // and Tabel 1 is there with the totals of report.json
            int so = 0, negative = 0, attention = 0, buso = 0;
            for (JsonNode row : json.path("tabel_1")) {
                so += row.path("so_applications").asInt();
                negative += row.path("negative_or_no_advice").path("count").asInt();
                attention += row.path("positive_with_attention_points").path("count").asInt();
                buso += row.path("buso_applications").asInt();
            }
            assertTrue(all.contains("Tabel 1: Aantal aanvragen en advisering volgens sectoraal partnerschap"), "Tabel 1 heading");
            String totals = "Totaal " + so + " " + negative + " " + attention + " " + buso;
            assertTrue(all.contains(totals), "Tabel 1 totals '" + totals + "' not in the PDF");
            // and the three charts with their captions and their bars' labels
            for (String caption : List.of("Figuur 1. Aanvragen SO per provincie", "Figuur 2. Aandeel van de aanvragen SO per niveau",
                    "Figuur 3. Tabel 1 per sectoraal partnerschap")) {
                assertTrue(all.contains(caption), "chart caption missing: " + caption);
            }
            // and their bars drawn: this year's dark bars per province and level, Tabel 1's three colours
            Map<String, Integer> fills = new HashMap<>();
            for (PDPage page : doc.getPages()) PdfFills.of(page).forEach((colour, n) -> fills.merge(colour, n, Integer::sum));
            int provinces = json.path("by_province").size(), levels = json.path("by_level").size();
            assertTrue(fills.getOrDefault(ReportView.DARK, 0) >= provinces + levels, "dark bars: " + fills);
            assertTrue(fills.getOrDefault(ReportView.LIGHT, 0) >= provinces, "last year's bars: " + fills);
            long sectorsWithNegative = 0, sectorsWithAttention = 0;
            for (JsonNode row : json.path("tabel_1")) {
                if (row.path("negative_or_no_advice").path("count").asInt() > 0) sectorsWithNegative++;
                if (row.path("positive_with_attention_points").path("count").asInt() > 0) sectorsWithAttention++;
            }
            // (+1: each colour's square in the legend)
            assertEquals(sectorsWithNegative + 1, (long) fills.getOrDefault(ReportView.T1_NEGATIVE, 0), "Tabel 1 negative bars: " + fills);
            assertEquals(sectorsWithAttention + 1, (long) fills.getOrDefault(ReportView.T1_ATTENTION, 0), "Tabel 1 attention bars: " + fills);
            // and the last page is the colophon: the rules and input it was made from, by which command, and the other files
            String last = texts.get(pages - 1);
            assertTrue(last.contains("Colofon") && last.contains("advies report"), last);
            assertTrue(last.contains(json.path("rules_hash").asText()) && last.contains(json.path("input_hash").asText()), "hashes in the colophon: " + last);
            assertTrue(last.contains("report.html (met per aantal de aanvragen die het telt)"), last);
            // and no page before it names a hash or a file
            for (int p = 0; p < pages - 1; p++) {
                assertFalse(texts.get(p).contains(rules) || texts.get(p).contains(input), "a hash on page " + (p + 1));
                assertFalse(texts.get(p).matches(".*\\b(report|annex)\\.(html|pdf|json|docx|xlsx|csv)\\b.*"), "a file name on page " + (p + 1));
            }
            // and every font is embedded
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), "font not embedded: " + font.getName());
                }
            }
        }
    }
}
