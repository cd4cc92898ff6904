package be.serv.advies.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html printed from Chromium, as a reader prints the page: the same stylesheet as report.pdf,
 * so the same layout holds — table headers on every page, Tabel 1's totals with its header, no page
 * less than half filled.
 */
class ReportPrintTest {

    @Test
    void chromiumsPrintOfReportHtmlKeepsTheLayoutOfReportPdf(@TempDir Path tmp) throws Exception {
        // Given report.html of the shipped batch, printed by Chromium
        Path html = ShippedReport.dir().resolve("report.html");
        Path pdf = tmp.resolve("print.pdf");
        Chromium.printToPdf(html, pdf);
        PrintedPages printed = PrintedPages.read(pdf);
        System.out.println("report.html printed by Chromium: " + printed.pages.size() + " pages");
        assertTrue(printed.pages.size() <= 14, "pages: " + printed.pages.size());
        // Then the layout checks of report.pdf hold
        printed.assertTabel1TotalsWithHeader();
        printed.assertTableHeadersOnEveryPage(html);
        printed.assertPagesHalfFilled();
    }
}
