package be.serv.advies.load;

import be.serv.advies.cli.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Arrays;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code batch.json} may vouch for: a seal (each file's SHA-256, printed or written by
 * {@code advies seal}) under which a file must be exactly as sealed, and may then end without a line
 * break; and a table that is empty on purpose.
 */
class BatchJsonVouchesTest extends OnShippedCopy {
    private void seal() {
        assertThat(shell("seal", copy.batch.toString(), "--write")).succeeded().outContains("Verzegeld: ");
    }

    @Test
    void sealPrintsTheBatchJsonWithEachFilesSha256() throws Exception {
        // Given the shipped batch
        // When its seal is printed
        Shell.Result r = assertThat(shell("seal", copy.batch.toString())).succeeded();
        // Then it keeps batch.json's fields and adds the SHA-256 of every table file, as sha256sum gives it
        JsonNode printed = new ObjectMapper().readTree(r.out());
        assertEquals("2022-2023", printed.get("school_year").asText());
        assertEquals(383, printed.get("rows").get("applications").asInt());
        assertEquals(Hashes.sha256(Files.readAllBytes(copy.file("capacity.csv"))), printed.get("sha256").get("capacity.csv").asText());
        assertEquals(5, printed.get("sha256").size(), r.out());
    }

    @Test
    void aSealedFileThatChangedIsRefused() throws Exception {
        // Given a sealed copy, then capacity.csv cut at a line end (which no count or line rule would see: rows are not stated)
        copy.write("batch.json", "{\"school_year\": \"2022-2023\"}\n");
        seal();
        String csv = copy.text("capacity.csv");
        copy.write("capacity.csv", csv.substring(0, csv.lastIndexOf('\n', csv.length() - 2) + 1));
        // When / Then
        copy.refused("capacity.csv: is niet meer het bestand dat batch.json verzegelt (sha256 verschilt)");
    }

    @Test
    void aSealedFileMayEndWithoutALineBreak() throws Exception {
        // Given capacity.csv without its final line break, then the folder sealed as it is
        byte[] b = Files.readAllBytes(copy.file("capacity.csv"));
        copy.writeBytes("capacity.csv", Arrays.copyOf(b, b.length - 1));
        seal();
        // When / Then it is evaluated: the seal vouches that this is the whole file
        assertThat(copy.evaluate()).succeeded();
    }

    @Test
    void aSealForAFileThatIsNotThereIsRefused() throws Exception {
        // Given a sealed copy whose shortages.csv was then saved as shortages.xlsx
        seal();
        Workbooks.fromCsv(copy, "shortages", "Tekorten", (wb, cell, row, column, value) -> false);
        // When / Then both the unsealed workbook's absence from the seal and the missing sealed file are said
        copy.refused("batch.json: sha256 verzegelt shortages.csv, maar dat bestand is er niet");
    }

    @Test
    void aTableStatedEmptyIsAccepted() throws Exception {
        // Given shortages.csv with only its header, and batch.json stating that it is empty
        String csv = copy.text("shortages.csv");
        copy.write("shortages.csv", csv.substring(0, csv.indexOf('\n') + 1));
        copy.write("batch.json", copy.text("batch.json").replace("\"shortages\": 111", "\"shortages\": 0"));
        // When / Then
        assertThat(copy.evaluate()).succeeded().outContains("shortages.csv 0 rijen");
        assertTrue(Files.exists(copy.out.resolve("annex.json")));
    }
}
