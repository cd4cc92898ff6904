package be.serv.advies.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
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
    private static PrintedPages pdf;

    @BeforeAll
    static void readPages() throws IOException {
        // Given the report made from the shipped batch
        pdf = PrintedPages.read(ShippedReport.dir().resolve("report.pdf"));
    }

    @Test
    void tabel1sTotalsRowIsOnThePageOfItsHeader() {
        pdf.assertTabel1TotalsWithHeader();
    }

    @Test
    void everyTableThatSpansPagesHasItsHeaderOnEach() throws IOException {
        pdf.assertTableHeadersOnEveryPage(ShippedReport.dir().resolve("report.html"));
    }

    @Test
    void noBodyPageIsLessThanHalfFilled() {
        pdf.assertPagesHalfFilled();
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
        for (int p = 0; p < pdf.pages.size(); p++) {
            String page = pdf.pages.get(p);
            assertFalse(page.chars().anyMatch(c -> c >= 0xFB00 && c <= 0xFB06), "a ligature on page " + (p + 1));
        }
        // and the draft mark's "definitief" is there as plain letters, so the check is on text with an "fi" in it
        assertTrue(String.join(" ", pdf.pages).contains("definitief"), "the draft mark's 'definitief' as plain letters");
    }
}
