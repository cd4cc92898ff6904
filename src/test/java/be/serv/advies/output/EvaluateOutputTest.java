package be.serv.advies.output;

import be.serv.advies.support.TestRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What evaluate writes: the annex as JSON and CSV and the summary, stamped with the rules and input hashes. */
class EvaluateOutputTest {
    @TempDir
    Path tmp;

    @Test
    void writesAnnexAndSummaryStampedWithBothHashes() throws IOException {
        // Given the small batch
        Path out = tmp.resolve("out");
        String rules = TestRules.copyWithThresholds(TestRules.DEFAULTS).toString();
        // When
        assertThat(shell("evaluate", "src/test/resources/batches/small", "--out", out.toString(), "--rules", rules))
                .succeeded().outContains("5 aanvragen beoordeeld (2022-2023)");
        // Then
        ObjectMapper json = new ObjectMapper();
        JsonNode annex = json.readTree(out.resolve("annex.json").toFile());
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertEquals(64, annex.get("rules_hash").asText().length());
        assertEquals(annex.get("rules_hash"), summary.get("rules_hash"));
        assertEquals(annex.get("input_hash"), summary.get("input_hash"));
        assertEquals(5, annex.get("applications").size());
        JsonNode a2 = annex.get("applications").get(1);
        assertEquals("A2", a2.get("id").asText());
        assertEquals("SO", a2.get("education").asText());
        assertEquals("Social Profit en Lokale Besturen", a2.get("sector").asText());
        assertEquals("NEGATIVE", a2.get("verdict").asText());
        assertEquals("INFRASTRUCTURE", a2.get("reasons").get(0).asText());
        assertTrue(a2.get("motivation").asText().startsWith("Negatief advies."));
        assertEquals(1, summary.get("by_verdict").get("SO").get("NO_ADVICE").asInt());
        List<String> csv = Files.readAllLines(out.resolve("annex.csv"), StandardCharsets.UTF_8);
        assertEquals(6, csv.size());
        assertTrue(csv.get(0).startsWith("\uFEFFid;institution_number;"), csv.get(0));
        assertTrue(csv.get(0).endsWith(";rules_hash;input_hash"));
        assertTrue(csv.get(2).contains(annex.get("rules_hash").asText()));
    }

    @Test
    void theSameInputAndRulesGiveTheSameFilesAndAnyChangeChangesTheStamp() throws IOException {
        // Given two runs on the same batch, and a third on a batch with one figure changed
        String rules = TestRules.copyWithThresholds(TestRules.DEFAULTS).toString();
        Path changed = tmp.resolve("changed");
        Files.createDirectories(changed);
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/batches/small"))) {
            for (Path p : s.toList()) Files.copy(p, changed.resolve(p.getFileName()));
        }
        Files.writeString(changed.resolve("capacity.csv"), Files.readString(changed.resolve("capacity.csv")).replace("4,9,30", "4,9,31"));
        // When
        shell("evaluate", "src/test/resources/batches/small", "--out", tmp.resolve("a").toString(), "--rules", rules).succeeded();
        shell("evaluate", "src/test/resources/batches/small", "--out", tmp.resolve("b").toString(), "--rules", rules).succeeded();
        shell("evaluate", changed.toString(), "--out", tmp.resolve("c").toString(), "--rules", rules).succeeded();
        // Then
        assertEquals(Files.readString(tmp.resolve("a/annex.json")), Files.readString(tmp.resolve("b/annex.json")));
        ObjectMapper json = new ObjectMapper();
        assertTrue(!json.readTree(tmp.resolve("a/annex.json").toFile()).get("input_hash")
                .equals(json.readTree(tmp.resolve("c/annex.json").toFile()).get("input_hash")));
    }

    @Test
    void theStreamedAnnexIsTheSameDocumentAsTheAnnexBuiltInMemory() throws Exception {
        // Given the shipped batch drafted once
        var run = be.serv.advies.pipeline.DraftRun.of(Path.of("fixtures/2022-2023"), Path.of("rules"));
        // When the annex is written (streamed one application at a time)
        Annex.write(run, tmp.resolve("streamed"));
        // Then it is exactly the document the in-memory tree gives
        assertEquals(Annex.JSON.writeValueAsString(Annex.annexJson(run)),
                Files.readString(tmp.resolve("streamed/annex.json"), StandardCharsets.UTF_8));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        // Given cells from input starting with =, +, -, @, tab
        for (String bad : List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx")) {
            // When / Then
            assertEquals("'" + bad, SafeCells.neutralise(bad));
        }
        assertEquals("Sint-Niklaas", SafeCells.neutralise("Sint-Niklaas"));
    }
}
