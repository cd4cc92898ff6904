package be.serv.advies.seed;

import be.serv.advies.model.Application;
import be.serv.advies.model.Education;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped batch evaluated by the shipped rules gives the SERV's own advice figures for
 * 2022-2023 (seed §3.1 and Tabel 1). The outcomes follow from the facts through the criteria; this
 * test checks the sums, the criterion tests check the reasoning.
 */
class SeedFiguresTest {
    static DraftRun run;

    @BeforeAll
    static void evaluateShippedBatch() throws Exception {
        run = DraftRun.of(Path.of("fixtures/2022-2023"), Path.of("rules"));
    }

    static long count(Predicate<Application> which, Predicate<Advice> advice) {
        return run.advices().stream()
                .filter(a -> which.test(run.batch().application(a.applicationId()).orElseThrow()))
                .filter(advice).count();
    }

    static Predicate<Application> so() {
        return a -> a.getEducation() == Education.SO;
    }

    @Test
    void regularSecondaryEducationGetsTheSeedsAdvice() {
        // §3.1: of the 313 SO applications 260 positive, 31 with remarks, 10 negative, 12 no advice
        assertEquals(313, count(so(), a -> true));
        assertEquals(260, count(so(), a -> a.verdict() == Verdict.POSITIVE));
        assertEquals(31, count(so(), a -> a.verdict() == Verdict.POSITIVE_WITH_REMARKS));
        assertEquals(10, count(so(), a -> a.verdict() == Verdict.NEGATIVE));
        assertEquals(12, count(so(), a -> a.verdict() == Verdict.NO_ADVICE));
    }

    @Test
    void negativeAdviceHasTheSeedsReasons() {
        // §3.1: 5 for regional oversupply, 1 for too few workplaces, 4 for infrastructure/learning resources
        assertEquals(5, count(so(), a -> a.verdict() == Verdict.NEGATIVE && a.reasons().equals(List.of("OVERSUPPLY"))));
        assertEquals(1, count(so(), a -> a.verdict() == Verdict.NEGATIVE && a.reasons().equals(List.of("WORKPLACE_SHORTAGE"))));
        assertEquals(4, count(so(), a -> a.verdict() == Verdict.NEGATIVE && a.reasons().equals(List.of("INFRASTRUCTURE"))));
    }

    @Test
    void specialSecondaryEducationIsAllPositive() {
        // §3.1: 70 of 70 BuSO applications positive
        Predicate<Application> buso = a -> a.getEducation() == Education.BUSO;
        assertEquals(70, count(buso, a -> true));
        assertEquals(70, count(buso, a -> a.verdict() == Verdict.POSITIVE));
    }

    @Test
    void theRemarksThatOnlyConfirmAreNotInTabel1() {
        // §3.1: 31 with remarks, of which Tabel 1 lists 22 as points of attention
        assertEquals(22, count(so(), a -> a.verdict() == Verdict.POSITIVE_WITH_REMARKS && !a.remarks().isEmpty()));
    }

    @ParameterizedTest(name = "Tabel 1: {0}")
    @CsvFileSource(resources = "/seed/tabel-1.csv", delimiter = '|', numLinesToSkip = 1)
    void tabel1Row(String sector, int so, int negativeOrNone, int withAttentionPoints, int buso) {
        Predicate<Application> inSector = a -> run.batch().partnershipOf(a).getName().equals(sector);
        assertEquals(so, count(inSector.and(so()), a -> true), "SO applications");
        assertEquals(negativeOrNone, count(inSector.and(so()),
                a -> a.verdict() == Verdict.NEGATIVE || a.verdict() == Verdict.NO_ADVICE), "negative or no advice");
        assertEquals(withAttentionPoints, count(inSector.and(so()),
                a -> a.verdict() == Verdict.POSITIVE_WITH_REMARKS && !a.remarks().isEmpty()), "positive with points of attention");
        assertEquals(buso, count(inSector.and(so().negate()), a -> true), "BuSO applications");
    }

    @Test
    void tabel1NamesEveryPartnershipOfTheBatch() {
        // Every partnership of the batch is one of Tabel 1's 19 rows, so no application escapes the table
        Map<String, Long> bySector = run.batch().getApplications().stream()
                .collect(Collectors.groupingBy(a -> run.batch().partnershipOf(a).getName(), Collectors.counting()));
        assertEquals(383, bySector.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(19, run.batch().getPartnerships().size());
    }
}
