package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text from input files is text in the report too: the payloads of the review server's escaping test
 * (src/test/resources/batches/script: a trajectory name, a sector name and a shortage text holding
 * {@code <script>}, {@code <img onerror>} and a quote that would close an attribute) go through
 * report.html and report.pdf.
 */
class ReportEscapingTest {
    @TempDir
    Path tmp;

    @Test
    void markupInInputFilesIsShownAsTextInTheReportPageAndPdf() throws IOException {
        // Given the batch with markup in its texts
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/batches/script"))) {
            for (Path p : files.toList()) Files.copy(p, batch.resolve(p.getFileName()));
        }
        // When the report is made
        Path out = tmp.resolve("out");
        assertThat(Shell.shell("report", batch.toString(), "--out", out.toString())).succeeded();
        // Then the page shows the markup as text and runs none of it
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Verzorgende &lt;script&gt;alert('traject')&lt;/script&gt; duaal"), "trajectory name");
        assertTrue(html.contains("Social Profit \"&gt;&lt;img src=x onerror=alert(2)&gt;"), "sector name");
        assertTrue(html.contains("Te weinig aanbieders &lt;script&gt;alert('tekort')&lt;/script&gt; &amp; meer"), "shortage text");
        assertFalse(html.contains("<script"), "a script tag");
        assertFalse(html.contains("<img"), "an img tag");
        // and the PDF, laid out from the same page, carries the texts as typed
        try (PDDocument doc = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            PDFTextStripper strip = new PDFTextStripper();
            strip.setSortByPosition(true);
            String text = strip.getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("<script>alert('tekort')"), "shortage text in the PDF: " + text);
            // (a table cell may wrap the name between its words)
            assertTrue(text.contains("Social Profit \"><img") && text.contains("onerror=alert(2)"), "sector name in the PDF: " + text);
        }
    }
}
