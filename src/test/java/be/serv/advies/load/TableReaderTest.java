package be.serv.advies.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV as Excel in Flanders writes it. */
class TableReaderTest {
    private static Table read(String name, byte[] bytes, List<Problem> problems) {
        return TableReader.read(name, bytes, problems);
    }

    @Test
    void semicolonsWithBomQuotesAndAccentsAreRead() {
        // Given a BOM, semicolons, a quoted cell holding a separator, a doubled quote and a line break
        String csv = "\uFEFFplace;text\r\nIeper;\"Zorg; met \"\"hart\"\"\r\nen ziel\"\r\nTielt-Winge;gewoon\r\n";
        List<Problem> problems = new ArrayList<>();
        // When
        Table t = read("x.csv", csv.getBytes(StandardCharsets.UTF_8), problems);
        // Then
        assertEquals(List.of(), problems);
        assertEquals(List.of("place", "text"), t.header());
        assertEquals("Zorg; met \"hart\"\r\nen ziel", t.rows().get(0).raw("text"));
        assertEquals(4, t.rows().get(1).number(), "row numbers count physical lines, as Excel shows them");
    }

    @Test
    void commasAreDetectedFromTheHeader() {
        // Given a comma-separated file
        List<Problem> problems = new ArrayList<>();
        // When
        Table t = read("x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), problems);
        // Then
        assertEquals("2", t.rows().get(0).get("b"));
    }

    @Test
    void invalidUtf8IsNamedWithItsLine() {
        // Given Latin-1 bytes on line 3
        byte[] bytes = "a;b\nx;y\nSint-Niklaas;caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        List<Problem> problems = new ArrayList<>();
        // When
        read("x.csv", bytes, problems);
        // Then
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).toString().startsWith("x.csv:3:17: geen geldige UTF-8-tekst; het bestand wordt niet gelezen"), problems.toString());
    }

    @Test
    void aWorkbookRenamedToCsvIsNamedForWhatItIs() {
        // Given the first bytes of an .xlsx file
        List<Problem> problems = new ArrayList<>();
        // When
        read("applications.csv", new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0}, problems);
        // Then
        assertEquals("applications.csv: is geen tekstbestand maar een zip-archief (een Excel-werkmap?); bewaar het als CSV (UTF-8)",
                problems.get(0).toString());
    }

    @Test
    void anUnclosedQuoteAndARowWithTooManyCellsAreReported() {
        // Given a row with an extra cell and an unclosed quote at the end
        String csv = "a;b\n1;2;3\n4;\"open\n";
        List<Problem> problems = new ArrayList<>();
        // When
        read("x.csv", csv.getBytes(StandardCharsets.UTF_8), problems);
        // Then
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.toString().startsWith("x.csv:2: deze regel heeft 3 cellen, de kopregel 2")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.toString().startsWith("x.csv:3: een aanhalingsteken")), problems.toString());
    }
}
