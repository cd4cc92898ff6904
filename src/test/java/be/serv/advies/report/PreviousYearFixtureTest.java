package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.report.ShippedReport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * fixtures/2021-2022, evaluated with the shipped rules, has the public summary's figures for that
 * year: 488 SO applications, 457 positive (with or without remarks), 19 negative, 12 no advice.
 */
class PreviousYearFixtureTest {

    @Test
    void thePreviousYearHasThePublicSummarysVerdicts(@TempDir Path tmp) throws IOException {
        // Given the report on the previous year alone
        Path out = tmp.resolve("out");
        assertThat(Shell.shell("report", ShippedReport.PREVIOUS.toString(), "--out", out.toString())).succeeded()
                .outContains("Rapport 2021-2022: 488 aanvragen SO, 77 BuSO");
        JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode so = r.path("advice").path("so");
        // Then 457 positive, 19 negative, 12 no advice, and every BuSO application positive
        assertEquals(457, count(so, "POSITIVE") + count(so, "POSITIVE_WITH_REMARKS"));
        assertEquals(19, count(so, "NEGATIVE"));
        assertEquals(12, count(so, "NO_ADVICE"));
        assertEquals(77, count(r.path("buso").path("verdicts"), "POSITIVE") + count(r.path("buso").path("verdicts"), "POSITIVE_WITH_REMARKS"));
    }

    private static int count(JsonNode verdicts, String verdict) {
        return row(verdicts, "verdict", verdict).path("applications").path("count").asInt();
    }
}
