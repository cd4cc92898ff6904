package be.serv.advies.report;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Education;
import be.serv.advies.model.PreviousAdvice;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §2.1's re-applications broken down by last year's outcome, on the shipped batch and last year's final annex. */
class ReapplicationBreakdownTest {
    private static final Path BATCH = Path.of("fixtures/2022-2023");
    private static final Path ANNEX = Path.of("fixtures/2021-2022/final-annex.csv");

    @Test
    void theBreakdownAddsUpToTheSixtyReapplicationsWithTheSeedsThreeReasons() throws Exception {
        // Given the shipped batch with last year's final annex
        Batch batch = BatchLoader.load(BATCH, ANNEX);
        long reapplications = batch.getApplications().stream()
                .filter(a -> a.getEducation() == Education.SO && a.isReapplication()).count();
        // When
        ReapplicationBreakdown b = ReapplicationBreakdown.of(batch);
        // Then it counts the seed's 60 re-applications (§2.1), each once
        assertEquals(60, reapplications);
        assertEquals(60, b.total());
        // And each of the seed's three reasons occurs
        Map<String, Integer> by = b.byOutcome();
        assertTrue(by.get(PreviousAdvice.NEGATIVE) > 0, by.toString());
        assertTrue(by.get(PreviousAdvice.NOT_ORGANISED) > 0, by.toString());
        assertTrue(by.get(PreviousAdvice.NO_STUDENTS) > 0, by.toString());
        // And every re-application links: unknown only where last year's advice says nothing (no advice)
        for (Application a : batch.getApplications()) {
            if (a.getEducation() == Education.SO && a.isReapplication()) {
                assertTrue(batch.previousAdvice(a.getId()).isPresent(), a.getId() + " has no link");
            }
        }
        assertTrue(b.sentence().startsWith("Van de 60 her-aanvragen volgen er volgens de finale annex van vorig jaar "), b.sentence());
    }

    @Test
    void theReportsSection21CarriesTheBreakdown(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // Given the report of the shipped batch with last year's final annex
        Path out = tmp.resolve("out");
        be.serv.advies.cli.Shell.assertThat(be.serv.advies.cli.Shell.shell("report", BATCH.toString(), "--out", out.toString(),
                "--previous-advice", ANNEX.toString())).succeeded();
        // Then report.json breaks the 60 re-applications down, and §2.1 says it in a sentence
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("report.json").toFile());
        var by = json.get("reapplications_by_previous_outcome");
        int sum = 0;
        for (String o : PreviousAdvice.OUTCOMES) sum += by.get(o).asInt();
        assertEquals(60, sum, by.toString());
        String html = java.nio.file.Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Van de 60 her-aanvragen volgen er volgens de finale annex van vorig jaar "), "sentence missing in report.html");
    }

    @Test
    void withoutLastYearsAdviceThereIsNoBreakdown() throws Exception {
        // Given the shipped batch alone / When / Then
        ReapplicationBreakdown b = ReapplicationBreakdown.of(BatchLoader.load(BATCH));
        assertTrue(b.isEmpty());
        assertEquals("", b.sentence());
    }
}
