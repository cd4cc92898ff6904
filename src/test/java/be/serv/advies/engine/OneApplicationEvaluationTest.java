package be.serv.advies.engine;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.verdict.Advice;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@code explain} runs: one application evaluated on its own, against the facts of the whole
 * batch, gives exactly the draft and the findings it gets in a run over the whole batch.
 */
class OneApplicationEvaluationTest {
    @Test
    void everyApplicationOnItsOwnGetsTheDraftOfTheWholeRun() throws Exception {
        // Given the shipped batch, drafted whole
        Batch batch = BatchLoader.load(Path.of("fixtures/2022-2023"));
        RuleSet rules = RuleSet.load(Path.of("rules"), batch);
        Evaluator.Prepared prepared = Evaluator.prepare(batch);
        DraftRun whole = DraftRun.of(prepared, rules, Evaluator.Options.FULL_TRACE);
        for (Application a : batch.getApplications()) {
            // When only that application is evaluated
            DraftRun alone = DraftRun.of(prepared, rules, Evaluator.Options.only(Set.of(a.getId())));
            // Then it is the only draft, and the same draft with the same findings and fired rules
            assertEquals(1, alone.advices().size(), a.getId());
            Advice expected = whole.advice(a.getId()).orElseThrow();
            Advice got = alone.advices().get(0);
            assertEquals(expected.verdict(), got.verdict(), a.getId());
            assertEquals(expected.reasons(), got.reasons(), a.getId());
            assertEquals(expected.motivation(), got.motivation(), a.getId());
            assertEquals(describe(whole.evaluation().findings(a.getId())), describe(alone.evaluation().findings(a.getId())), a.getId());
            assertEquals(rules(whole, a), rules(alone, a), a.getId());
        }
    }

    @Test
    void aSmallBatchSharedOverTwoThreadsFindsWhatOneSessionFinds() throws Exception {
        // Given the shipped batch (a few hundred applications, below one part)
        Batch batch = BatchLoader.load(Path.of("fixtures/2022-2023"));
        RuleSet rules = RuleSet.load(Path.of("rules"), batch);
        Evaluator.Options two = Evaluator.Options.findingsOnly(2);
        assertEquals(2, Partitions.split(batch, Evaluator.partSize(batch, two)).size(), "shared out over both threads");
        // When it is evaluated in one session and shared over two
        Evaluation one = Evaluator.evaluate(rules, batch, new Evaluator.Options(Set.of(), 0));
        Evaluation shared = Evaluator.evaluate(rules, batch, two);
        // Then every application has the same findings
        for (Application a : batch.getApplications()) {
            assertEquals(describe(one.findings(a.getId())), describe(shared.findings(a.getId())), a.getId());
        }
        assertEquals(one.firedCount(), shared.firedCount());
    }

    private static java.util.List<String> rules(DraftRun run, Application a) {
        return run.evaluation().firings(a.getId()).stream().map(f -> f.rule()).toList();
    }

    private static java.util.List<String> describe(java.util.List<be.serv.advies.model.Finding> findings) {
        return findings.stream().map(f -> f.getRule() + " " + f.getCode() + " " + f.isApplies() + " " + f.getText()).toList();
    }
}
