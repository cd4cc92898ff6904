package be.serv.advies.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.docx of the shipped batch, read back with POI as Word opens it: the seed's sections in its
 * order as Word headings, Tabel 1 as a Word table with its 76 figures, the charts as images, a marked
 * place for the secretariat's text, and the draft mark in the page header.
 */
class ReportDocxTest {
    /** The seed's structure: its headings in order, each with its level (1-3). */
    static final List<String> SECTIONS = List.of(
            "1 Brief aan de minister", "1 Krachtlijnen", "1 Advies",
            "1 1. Aanbevelingen voor toekomstige programmatie", "2 1.1 Honoreer sectorale adviezen en suggesties",
            "2 1.2 Voorzie nieuwe programmatieprocedure",
            "1 2. Analyse aanvragen", "2 2.1 Aanvragen per koepel, net of aanbieder", "2 2.2 Spreiding over Vlaanderen",
            "2 2.3 Nieuwe standaardtrajecten", "2 2.4 Aanvragen per niveau en finaliteit", "2 2.5 Zwakke aanvragen",
            "1 3. Advies", "2 3.1 Advies per aanvraag", "2 3.2 Sectoren duiden tekorten",
            "2 3.3 Sectorale initiatieven naar scholen rond programmatie, organisatie of instroom van leerlingen",
            "1 Bijlagen", "2 Bijlage 1. Programmatie-inspiratie: tekorten in het huidig aanbod", "1 Colofon");

    @Test
    void theAdviceSkeletonHasTheSeedsSectionsTabel1AsATableTheChartsAndTheDraftHeader() throws IOException {
        // Given the report made from the shipped batch, nothing decided
        JsonNode json = ShippedReport.json();
        try (InputStream in = Files.newInputStream(ShippedReport.dir().resolve("report.docx")); XWPFDocument doc = new XWPFDocument(in)) {
            // Then its headings, in Word's heading styles, are the seed's sections in the seed's order
            List<String> headings = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (p.getStyle() != null && p.getStyle().matches("Heading[1-3]")) headings.add(p.getStyle().substring(7) + " " + p.getText());
            }
            List<String> sections = headings.stream().filter(h -> !h.startsWith("3 SP ")).toList();
            assertEquals(SECTIONS, sections);
            // and each heading style carries its outline level, which Word's navigation pane and table of contents read
            for (int level = 1; level <= 3; level++) {
                var style = doc.getStyles().getStyle("Heading" + level).getCTStyle();
                assertEquals(level - 1, style.getPPr().getOutlineLvl().getVal().intValue(), "Heading" + level);
            }
            // and the headline of §3.1 stated in words
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(text.contains("93% van de aanvragen in het SO en 100% van de aanvragen in het BuSO krijgen volgens het ontwerpadvies een positief advies van de SERV."), "the headline");
            // and a marked place for the secretariat's text in every chapter
            long marked = doc.getParagraphs().stream().filter(p -> ReportDocx.COMMENTARY_STYLE.equals(p.getStyle())).count();
            assertTrue(marked >= 12, "marked paragraphs: " + marked);

            // and Tabel 1 is a Word table after its caption, its header repeated on each page, with the 76 figures of report.json
            XWPFTable t1 = tableAfter(doc, "Tabel 1: Aantal aanvragen en advisering volgens sectoraal partnerschap");
            assertEquals(List.of("Sectoraal partnerschap", "Aantal aanvragen SO", "Negatieve appreciatie of geen advies",
                    "Positief met aandachtspunten", "Aantal aanvragen BuSO", "Motivatie"), cells(t1.getRow(0)));
            assertTrue(t1.getRow(0).isRepeatHeader(), "Tabel 1's header row does not repeat");
            JsonNode sectors = json.path("tabel_1");
            assertEquals(sectors.size() + 2, t1.getRows().size(), "header, one row per sector, totals");
            int figures = 0;
            for (int i = 0; i < sectors.size(); i++) {
                JsonNode s = sectors.get(i);
                List<String> row = cells(t1.getRow(i + 1));
                assertEquals(s.path("name").asText(), row.get(0));
                List<String> expected = List.of(s.path("so_applications").asText(), s.path("negative_or_no_advice").path("count").asText(),
                        s.path("positive_with_attention_points").path("count").asText(), s.path("buso_applications").asText());
                assertEquals(expected, row.subList(1, 5), s.path("name").asText());
                assertEquals(s.path("motivation").asText(), row.get(5));
                figures += expected.size();
            }
            assertEquals(76, figures);
            assertEquals(List.of("Totaal", "313", "22", "22", "70", ""), cells(t1.getRow(sectors.size() + 1)));

            // and the three charts are images in the document
            assertEquals(3, doc.getAllPictures().size());
            // and Bijlage 1 lists the 111 shortages as the sectors wrote them
            int shortages = 0;
            boolean inBijlage = false;
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p && p.getText().startsWith("Bijlage 1.")) inBijlage = true;
                if (e instanceof XWPFParagraph p && p.getText().equals("Colofon")) inBijlage = false;
                if (inBijlage && e instanceof XWPFTable t) shortages += t.getRows().size() - 1;
            }
            assertEquals(111, shortages);

            // and every page's header says it is a draft
            assertEquals("ONTWERP, geen definitief advies · 0 van 383 aanvragen beslist", headerText(doc));
        }
    }

    /** The text of the document's page headers, empty when it has none. */
    static String headerText(XWPFDocument doc) {
        StringBuilder b = new StringBuilder();
        for (XWPFHeader h : doc.getHeaderList()) b.append(h.getText().strip());
        return b.toString();
    }

    private static XWPFTable tableAfter(XWPFDocument doc, String caption) {
        boolean seen = false;
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p && p.getText().equals(caption)) {
                assertEquals("Caption", p.getStyle(), "caption style of " + caption);
                seen = true;
            } else if (seen && e instanceof XWPFTable t) {
                return t;
            }
        }
        throw new AssertionError("no table after '" + caption + "'");
    }

    private static List<String> cells(XWPFTableRow row) {
        assertNotNull(row);
        return row.getTableCells().stream().map(c -> c.getText().strip()).toList();
    }
}
