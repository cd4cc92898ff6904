package be.serv.advies.engine;

import be.serv.advies.generate.BatchGenerator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.SimilarText;
import be.serv.advies.output.AtomicOutput;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.TestRules;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Drafter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch large enough to be compared and drafted on all cores gives what one core gives, in batch order. */
class LargeBatchOnAllCoresTest {
    @TempDir
    Path tmp;

    @Test
    void textComparisonAndDraftsOnAllCoresEqualThoseOnOne() throws Exception {
        // Given a generated batch of 20,000 applications with shared texts within institutions
        AtomicOutput out = new AtomicOutput(tmp.resolve("batch"));
        BatchGenerator.generate(20_000, 11).forEach(out::add);
        out.commit();
        RuleSet rules = RuleSet.load(TestRules.copyTo(tmp.resolve("rules")));
        Batch batch = Evaluator.resolveShortages(BatchLoader.load(tmp.resolve("batch")), rules);
        // When the texts are compared on all cores and on one
        Map<String, SimilarText> many = TextComparison.mostSimilar(batch, true);
        Map<String, SimilarText> one = TextComparison.mostSimilar(batch, false);
        // Then every application has the same most similar text
        assertEquals(describe(one), describe(many));
        assertTrue(one.values().stream().anyMatch(s -> s.getSimilarity() >= 80), "the batch has shared texts");
        // When the batch is drafted (on all cores, from this size on) and each application drafted on its own
        Evaluation evaluation = Evaluator.evaluate(rules, batch, Evaluator.Options.findingsOnly(2));
        Drafter drafter = new Drafter(rules.precedence());
        List<Advice> all = drafter.draftAll(batch, evaluation);
        List<Advice> each = new ArrayList<>();
        for (Application a : batch.getApplications()) each.add(drafter.draft(a.getId(), evaluation.findings(a.getId())));
        // Then the drafts are the same, in batch order
        assertEquals(each, all);
    }

    private static Map<String, String> describe(Map<String, SimilarText> similar) {
        Map<String, String> out = new TreeMap<>();
        similar.forEach((id, s) -> out.put(id, s.toString()));
        return out;
    }
}
