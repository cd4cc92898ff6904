package be.serv.advies.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static be.serv.advies.cli.Shell.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reader consumes its whole file or refuses it: content after a JSON document, a field given
 * twice, a header without the required columns, a table cut off mid-line, and a table with fewer
 * rows than {@code batch.json} states are each refused (exit 2, the place, nothing written) where
 * they used to lose rows with exit 0. Each damaged file is made from the shipped batch.
 */
class WholeInputTest extends OnShippedCopy {
    @Test
    void contentAfterTheJsonArrayIsRefused() throws IOException {
        // Given partnerships.json closed early: the first 5 partnerships in one array, the rest in a second
        String json = copy.text("partnerships.json");
        int cut = json.indexOf("  {\n    \"code\": \"GRAFISCH\"");
        String damaged = json.substring(0, cut).replaceAll(",\\s*$", "\n]") + "[\n" + json.substring(cut);
        copy.write("partnerships.json", damaged);
        int line = (int) damaged.substring(0, damaged.indexOf("][")).chars().filter(c -> c == '\n').count() + 1;
        // When / Then
        copy.refused("partnerships.json:" + line + ":", "geen geldige JSON: na het einde van de lijst volgt nog inhoud");
    }

    @Test
    void aFieldGivenTwiceIsRefused() throws IOException {
        // Given the first partnership with its name twice
        copy.write("partnerships.json", copy.text("partnerships.json")
                .replaceFirst("\"name\": \"Autosector en aanverwanten\",", "\"name\": \"Autosector en aanverwanten\",\n    \"name\": \"Bouw\","));
        // When / Then: line 5 is the second "name"
        copy.refused("partnerships.json:5:", "veld 'name' staat twee keer in hetzelfde object");
    }

    @Test
    void aFieldGivenTwiceInAnotherCaseIsRefused() throws IOException {
        // Given the first partnership with "name" and "Name"
        copy.write("partnerships.json", copy.text("partnerships.json")
                .replaceFirst("\"name\": \"Autosector en aanverwanten\",", "\"name\": \"Autosector en aanverwanten\",\n    \"Name\": \"Bouw\","));
        // When / Then: element 1, field name
        copy.refused("partnerships.json:1:name: veld 'Name' staat twee keer in dit object (ook als 'name')");
    }

    @Test
    void aBlankHeaderLineIsRefused() throws IOException {
        // Given applications.csv whose first line is empty (CRLF alone)
        String csv = copy.text("applications.csv");
        copy.write("applications.csv", "\r\n" + csv.substring(csv.indexOf("\r\n") + 2));
        // When / Then
        copy.refused("applications.csv:1: de kopregel bevat geen kolomnamen");
    }

    @Test
    void aHeaderOfSeparatorsOnlyIsRefusedInOneLine() throws IOException {
        // Given applications.csv whose header is ";;;"
        String csv = copy.text("applications.csv");
        copy.write("applications.csv", ";;;\r\n" + csv.substring(csv.indexOf("\r\n") + 2));
        // When
        var r = copy.refused("applications.csv:1: de kopregel bevat geen kolomnamen");
        // Then its 383 rows are not each reported as well
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("applications.csv")).count(), r.err());
    }

    @Test
    void aTableCutOffMidLineIsRefusedAtTheCut() throws IOException {
        // Given applications.csv cut off after the 5th column of its 42nd line, without a line end
        String csv = copy.text("applications.csv");
        String[] lines = csv.split("\r\n");
        String[] cells = lines[41].split(";");
        String cut = String.join("\r\n", Arrays.copyOf(lines, 41)) + "\r\n" + String.join(";", Arrays.copyOf(cells, 5));
        copy.write("applications.csv", cut);
        // When / Then
        copy.refused("applications.csv:42:5: de laatste regel eindigt niet met een regeleinde: het bestand lijkt afgebroken");
    }

    @Test
    void aTableWithFewerRowsThanBatchJsonStatesIsRefused() throws IOException {
        // Given the shipped batch.json, which states the rows per table, and shortages.csv cut at a line end
        // after 55 of its rows
        String csv = copy.text("shortages.csv");
        String[] lines = csv.split("\n");
        copy.write("shortages.csv", String.join("\n", Arrays.copyOf(lines, 56)) + "\n");
        int stated = new com.fasterxml.jackson.databind.ObjectMapper().readTree(copy.text("batch.json")).get("rows").get("shortages").asInt();
        // When / Then
        copy.refused("shortages.csv: heeft 55 rijen, maar batch.json zegt " + stated);
    }

    @Test
    void anApplicationsTableCutAtALineEndIsCaughtByTheExportTotal() throws IOException {
        // Given a batch.json with the department's export total, and applications.csv cut right after
        // its 42nd line: every line is whole, so only the count can tell
        copy.write("batch.json", "{\"school_year\": \"2022-2023\", \"export_total\": 383}\n");
        byte[] all = Files.readAllBytes(copy.file("applications.csv"));
        String csv = new String(all, StandardCharsets.UTF_8);
        int afterLine42 = 0;
        for (int i = 0; i < 42; i++) afterLine42 = csv.indexOf("\r\n", afterLine42) + 2;
        copy.write("applications.csv", csv.substring(0, afterLine42));
        // When / Then
        copy.refused("applications.csv: heeft 41 aanvragen, maar de export van het departement telt er 383 (export_total in batch.json)");
    }

    @Test
    void theShippedBatchStatesItsRowsAndEvaluatePrintsWhatItRead() {
        // Given the shipped batch (its batch.json states the row counts)
        // When
        var r = copy.evaluate();
        // Then
        assertThat(r).succeeded().outContains("Gelezen: partnerships.json 19 rijen, trajectories.csv 181 rijen, capacity.csv 469 rijen, "
                + "shortages.csv 111 rijen, applications.csv 383 rijen");
    }
}
