package be.serv.advies.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html as a reader sees it: opened from disk in headless Chromium, with the key Dutch
 * headings, the charts, no console errors and nothing fetched. The screenshot is kept as
 * target/report-screenshots/report-2022-2023.png for a person to look at.
 */
class ReportPageTest {
    static final Path SCREENSHOT = Path.of("target/report-screenshots/report-2022-2023.png");
    static final List<String> HEADINGS = List.of("Programmatieaanvragen Duaal Leren 2022-2023", "2.1 Aanvragen per net en aanbieder",
            "2.2 Spreiding over Vlaanderen", "2.3 Nieuwe standaardtrajecten", "2.4 Aanvragen per niveau en finaliteit",
            "2.5 Zwakke aanvragen", "3.1 Advies per aanvraag", "Tabel 1: Aantal aanvragen en advisering volgens sectoraal partnerschap",
            "3.2 Sectoren duiden tekorten", "Bijlage 1. Programmatie-inspiratie: tekorten in het huidig aanbod", "Colofon", "Welke aanvragen?");

    @Test
    void thePageRendersInChromiumWithItsHeadingsChartsAndNoConsoleErrors() throws IOException, InterruptedException {
        // Given the report on the shipped batch
        Path page = ShippedReport.dir().resolve("report.html");
        // When Chromium opens it from disk
        Chromium.Run shot = Chromium.screenshot(page, SCREENSHOT, 1280, 2000);
        Chromium.Run dom = Chromium.dumpDom(page);
        // Then a screenshot is taken
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertTrue(png.length > 20_000, "screenshot suspiciously small: " + png.length + " bytes");
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        // and the rendered page has the key headings, in Dutch, and three charts
        List<String> headings = headings(dom.stdout());
        for (String h : HEADINGS) assertTrue(headings.contains(h), "missing heading '" + h + "' in " + headings);
        assertEquals(3, count(dom.stdout(), "<svg"), "charts");
        assertTrue(dom.stdout().contains("lang=\"nl\""));
        // and the page logged no error and fetched nothing
        assertEquals(List.of(), shot.consoleProblems());
        assertEquals(List.of(), dom.consoleProblems());
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        String html = Files.readString(ShippedReport.dir().resolve("report.html"), StandardCharsets.UTF_8);
        // No script, stylesheet, image, font or link that leaves the page: it opens from disk without a network
        assertFalse(html.contains("<script"), "script");
        assertFalse(html.contains("<link"), "link");
        assertFalse(html.contains(" src="), "src");
        assertFalse(html.contains("url("), "CSS url()");
        Matcher link = Pattern.compile("href=\"(?!#)[^\"]*\"").matcher(html);
        assertFalse(link.find(), () -> "a link off the page: " + link.group());
        assertTrue(html.contains("@page { size: A4"), "A4 print rule");
    }

    @Test
    void aConsoleErrorWouldBeSeen(@TempDir Path tmp) throws IOException, InterruptedException {
        // The check above relies on Chromium's log; a page that does log an error shows it is read.
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><script>console.error('kapot')</script></body></html>", StandardCharsets.UTF_8);
        assertFalse(Chromium.dumpDom(bad).consoleProblems().isEmpty(), "a console.error went unnoticed");
    }

    private static List<String> headings(String dom) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<h[123][^>]*>(.*?)</h[123]>", Pattern.DOTALL).matcher(dom);
        while (m.find()) out.add(m.group(1).replaceAll("<[^>]+>", "").replace("&amp;", "&").strip());
        return out;
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
