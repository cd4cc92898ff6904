package be.serv.advies.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages a person can read: of each kind of problem the first 20 with their places, then how many
 * more ("en 8.046 andere problemen van dezelfde soort in applications.csv"); one damaged file gives
 * one line, not one per row that refers to it; Dutch, without the JSON parser's internals.
 */
class ProblemMessagesTest extends OnShippedCopy {
    @Test
    void eachKindShowsItsFirstTwentyThenACount() {
        // Given 8,066 problems of one kind and 2 of another
        List<Problem> problems = new ArrayList<>();
        for (int r = 2; r < 2 + 8066; r++) problems.add(new Problem("applications.csv", r, "1", "id: '2223-" + r + "' komt twee keer voor (ook op rij " + (r - 1) + ")"));
        problems.add(new Problem("capacity.csv", 3, "3", "providers: 'x' is geen geheel getal"));
        problems.add(new Problem("capacity.csv", 4, "3", "providers: 'y' is geen geheel getal"));
        // When
        List<String> lines = ProblemReport.lines(problems);
        // Then
        assertEquals(20 + 2 + 1, lines.size(), String.join("\n", lines));
        assertEquals("applications.csv:2:1: id: '2223-2' komt twee keer voor (ook op rij 1)", lines.get(0));
        assertTrue(lines.get(22).startsWith("en 8.046 andere problemen van dezelfde soort in applications.csv"), lines.get(22));
    }

    @Test
    void aBatchWithEveryRowTwiceGivesAScreenNotThousandsOfLines() throws IOException {
        // Given applications.csv with every row written twice
        String csv = copy.text("applications.csv");
        String body = csv.substring(csv.indexOf("\r\n") + 2);
        copy.write("applications.csv", csv + body);
        // When
        var r = copy.refused("applications.csv:385:1: id: '2223-0001' komt twee keer voor (ook op rij 2)",
                "en 363 andere problemen van dezelfde soort in applications.csv");
        // Then
        assertTrue(r.err().lines().count() <= 25, r.err());
    }

    @Test
    void aMissingHeaderLineGivesTheHeaderProblemsOnly() throws IOException {
        // Given applications.csv without its header line
        String csv = copy.text("applications.csv");
        copy.write("applications.csv", csv.substring(csv.indexOf("\r\n") + 2));
        // When
        var r = copy.refused("applications.csv:1: verplichte kolom 'id' ontbreekt in de kopregel");
        // Then the 382 rows are not checked one by one against a header that is not one
        assertTrue(r.err().lines().count() <= 45, r.err());
    }

    @Test
    void aTrailingCommaInAJsonTableGivesOneLineInDutch() throws IOException {
        // Given partnerships.json with a comma after the last field of the first object
        copy.write("partnerships.json", copy.text("partnerships.json").replaceFirst("\"has_partnership\": \"ja\"", "\"has_partnership\": \"ja\","));
        // When
        var r = copy.refused("partnerships.json:6:3: geen geldige JSON: onverwacht teken '}': hier hoort een veldnaam tussen dubbele aanhalingstekens");
        // Then the trajectories that name a partnership are not each reported as unknown
        assertEquals(2, r.err().lines().count(), r.err());
    }

    @Test
    void aBadBatchJsonIsToldInDutchWithoutParserInternals() throws IOException {
        // Given batch.json with a trailing comma
        copy.write("batch.json", "{\n  \"school_year\": \"2022-2023\",\n}\n");
        // When / Then (ShippedCopy.refused also checks that no "at [Source" or "REDACTED" is shown)
        var r = copy.refused("batch.json:3:1: geen geldige JSON: onverwacht teken '}'");
        assertTrue(r.err().lines().noneMatch(l -> l.contains("StreamReadFeature") || l.contains("line: ")), r.err());
    }

    @Test
    void batchJsonRefusesUnknownFieldsAndCountsThatAreNoCounts() throws IOException {
        // Given batch.json with a misspelt field and a count in words
        copy.write("batch.json", "{\"school_year\": \"2022-2023\", \"row\": {}, \"rows\": {\"applications\": \"veel\", \"aanvragen\": 3}}\n");
        // When / Then
        copy.refused("batch.json: onbekend veld 'row'; bekende velden: school_year, rows, export_total",
                "batch.json: rows.applications: '\"veel\"' is geen aantal",
                "batch.json: rows: onbekende tabel 'aanvragen'");
    }
}
