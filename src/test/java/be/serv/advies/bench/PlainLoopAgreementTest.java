package be.serv.advies.bench;

import be.serv.advies.engine.Evaluator;
import be.serv.advies.generate.BatchGenerator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Batch;
import be.serv.advies.output.AtomicOutput;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.TestRules;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Drafter;
import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule files and the plain Java loop the benchmark measures them against reach the same verdict
 * for every application: the throughput ratio compares equal work.
 */
class PlainLoopAgreementTest {
    @TempDir
    Path tmp;

    @Test
    void engineAndPlainLoopGiveTheSameVerdictOnAGeneratedBatch() throws Exception {
        // Given a generated batch of 12,000 applications (so it is split into parts, as at scale)
        AtomicOutput out = new AtomicOutput(tmp.resolve("batch"));
        BatchGenerator.generate(12_000, 3).forEach(out::add);
        out.commit();
        RuleSet rules = RuleSet.load(TestRules.copyTo(tmp.resolve("rules")));
        Batch batch = Evaluator.resolveShortages(BatchLoader.load(tmp.resolve("batch")), rules);
        // When the engine drafts its advice over two threads, and the plain loop computes its verdicts
        List<Advice> advice = new Drafter(rules.precedence()).draftAll(batch, Evaluator.evaluate(rules, batch, Evaluator.Options.findingsOnly(2)));
        List<Verdict> plain = PlainLoop.verdicts(batch, rules.thresholds());
        // Then every application has the same verdict, and every verdict occurs, so all are compared
        assertEquals(batch.getApplications().size(), advice.size());
        Set<Verdict> seen = EnumSet.noneOf(Verdict.class);
        for (int i = 0; i < advice.size(); i++) {
            assertEquals(plain.get(i), advice.get(i).verdict(), batch.getApplications().get(i).getId());
            seen.add(plain.get(i));
        }
        assertEquals(EnumSet.allOf(Verdict.class), seen, "every verdict occurs in the batch");
    }
}
