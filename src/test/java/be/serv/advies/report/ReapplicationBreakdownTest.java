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
    void withoutLastYearsAdviceThereIsNoBreakdown() throws Exception {
        // Given the shipped batch alone / When / Then
        ReapplicationBreakdown b = ReapplicationBreakdown.of(BatchLoader.load(BATCH));
        assertTrue(b.isEmpty());
        assertEquals("", b.sentence());
    }
}
