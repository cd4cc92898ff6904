package be.serv.advies.report;

import be.serv.advies.load.Problem;
import be.serv.advies.load.Row;
import be.serv.advies.load.TableReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.pdf of the shipped batch in the words of an outside reader: nets by their full names, the
 * Brussels-Capital Region, the seed's headline, no institution number, hash or file name in the body
 * (the colophon has the hashes and files), and the tool's own phrases in correct Dutch.
 */
class ReportWordsTest {

    @Test
    void theBodySpeaksToOutsideReaders() throws IOException {
        // Given report.pdf of the shipped batch, its body being every page before the colophon
        PrintedPages pdf = PrintedPages.read(ShippedReport.dir().resolve("report.pdf"));
        String all = String.join(" ", pdf.pages);
        int colophon = all.lastIndexOf("Colofon Opgesteld met het commando");
        assertTrue(colophon > 0, "no colophon");
        String body = all.substring(0, colophon);
        // Then the nets have their full names and Brussels is the Brussels-Capital Region (read from the page: in
        // print the names wrap in their table cells)
        String page = org.jsoup.Jsoup.parse(ShippedReport.dir().resolve("report.html").toFile()).text();
        for (String name : List.of("Vrij gesubsidieerd onderwijs (VGO)", "Officieel gesubsidieerd onderwijs (OGO)",
                "GO! onderwijs van de Vlaamse Gemeenschap", "Syntra vzw's", "Brussels Hoofdstedelijk Gewest")) {
            assertTrue(page.contains(name), "missing: " + name);
        }
        // and the seed's headline is stated
        assertTrue(body.contains("93% van de aanvragen in het SO en 100% van de aanvragen in het BuSO krijgen volgens het ontwerpadvies een positief advies van de SERV."));
        // and the body names no institution number (they are in the annex)
        List<Problem> problems = new ArrayList<>();
        Set<String> numbers = new TreeSet<>();
        for (Row a : TableReader.read("applications.csv", Files.readAllBytes(ShippedReport.BATCH.resolve("applications.csv")), problems).rows()) {
            numbers.add(a.get("institution_number"));
        }
        assertEquals(List.of(), problems);
        for (String n : numbers) assertFalse(body.matches("(?s).*\\b" + n + "\\b.*"), "institution number " + n + " in the body");
        // and no hash, file name or command: those are in the colophon
        assertFalse(body.matches("(?s).*\\b[0-9a-f]{12,}\\b.*"), "a hash in the body");
        assertFalse(body.matches("(?s).*\\b\\w+\\.(html|pdf|json|docx|xlsx|csv)\\b.*"), "a file name in the body");
        assertTrue(all.substring(colophon).contains("sha256:") || all.substring(colophon).matches("(?s).*[0-9a-f]{64}.*"), "hashes in the colophon");
        // and none of the tool's clumsy phrases
        for (String phrase : List.of("Bemerking: voorwaarde", "omwille van sector", "berekend uit de batch", "daarvan beantwoordt geen enkele")) {
            assertFalse(body.contains(phrase), "'" + phrase + "' in the body");
        }
    }
}
