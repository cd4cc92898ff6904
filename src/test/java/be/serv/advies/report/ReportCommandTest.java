package be.serv.advies.report;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.cli.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code advies report}: what it writes, what --previous accepts, and that a failure writes nothing. */
class ReportCommandTest {

    @Test
    void writesTheThreeFilesAndSaysWhatItCounted(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        assertThat(shell("report", TestBatches.SMALL.toString(), "--out", out.toString()))
                .succeeded()
                .outContains("Rapport 2022-2023: 5 aanvragen SO, 0 BuSO")
                .outContains("report.html");
        for (String name : ReportFiles.NAMES) assertTrue(Files.isRegularFile(out.resolve(name)), name);
    }

    @Test
    void thePreviousYearAsReportJsonGivesTheSameChangesAsItsBatchFolder(@TempDir Path tmp) throws IOException {
        // Given last year's report, made from the 2021-2022 batch
        Path previousOut = tmp.resolve("prev");
        assertThat(shell("report", ShippedReport.PREVIOUS.toString(), "--out", previousOut.toString())).succeeded();
        // When this year's report takes that report.json as --previous
        Path out = tmp.resolve("out");
        assertThat(shell("report", ShippedReport.BATCH.toString(), "--previous", previousOut.resolve("report.json").toString(),
                "--out", out.toString())).succeeded().outContains("vergeleken met 2021-2022");
        // Then every figure and change equals the report made with the batch folder as --previous
        JsonNode viaJson = read(out.resolve("report.json"));
        JsonNode viaBatch = ShippedReport.json();
        assertEquals(viaBatch.path("by_province"), viaJson.path("by_province"));
        assertEquals(viaBatch.path("by_network"), viaJson.path("by_network"));
        assertEquals(viaBatch.path("by_level"), viaJson.path("by_level"));
        assertEquals(viaBatch.path("totals"), viaJson.path("totals"));
    }

    @Test
    void aSummaryJsonGivesTheTotalsChangeOnly(@TempDir Path tmp) throws IOException {
        // Given last year's summary.json from 'advies evaluate'
        Path evaluated = tmp.resolve("eval");
        assertThat(shell("evaluate", ShippedReport.PREVIOUS.toString(), "--out", evaluated.toString())).succeeded();
        // When it is the previous year
        Path out = tmp.resolve("out");
        assertThat(shell("report", ShippedReport.BATCH.toString(), "--previous", evaluated.resolve("summary.json").toString(),
                "--out", out.toString())).succeeded();
        // Then the totals change is there and the per-province change is unknown, not made up
        JsonNode r = read(out.resolve("report.json"));
        assertEquals(488, r.path("totals").path("so").path("previous").asInt());
        assertEquals(-36, r.path("totals").path("so").path("change_percent").asInt());
        assertTrue(ShippedReport.row(r.path("by_province"), "province", "Antwerpen").path("change_percent").isNull());
    }

    @Test
    void aPreviousThatIsNeitherBatchNorReportIsRefusedAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "{\"hello\": 1}", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        assertThat(shell("report", TestBatches.SMALL.toString(), "--previous", junk.toString(), "--out", out.toString()))
                .exitedWith(ExitCodes.INPUT)
                .errContains("--previous: geen report.json of summary.json van advies")
                .errContains("er is niets geschreven")
                .errHasNo("Exception");
        assertFalse(Files.exists(out));
        assertThat(shell("report", TestBatches.SMALL.toString(), "--previous", tmp.resolve("missing").toString(), "--out", out.toString()))
                .exitedWith(ExitCodes.INPUT)
                .errContains("--previous: bestaat niet");
        assertFalse(Files.exists(out));
    }

    @Test
    void aBadBatchWritesNothingAndKeepsAnEarlierReport(@TempDir Path tmp) throws IOException {
        // Given an earlier report in the output folder
        Path out = tmp.resolve("out");
        assertThat(shell("report", TestBatches.SMALL.toString(), "--out", out.toString())).succeeded();
        byte[] before = Files.readAllBytes(out.resolve("report.json"));
        // When the next batch is refused
        Path bad = TestBatches.copyOfSmall(tmp.resolve("bad"));
        TestBatches.append(bad, "applications", "A9;1;X;1;Gent;Atlantis;GO;VT;SO;OK3_ELEK;nee;nee;5;2;0;ja;voldoende;voldoende;ja;specifiek;afgestemd;");
        assertThat(shell("report", bad.toString(), "--out", out.toString()))
                .exitedWith(ExitCodes.INPUT)
                .errContains("applications.csv")
                .errContains("er is niets geschreven");
        // Then the earlier report is untouched
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8));
    }

    private static JsonNode read(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }
}
