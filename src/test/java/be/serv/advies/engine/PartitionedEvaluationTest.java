package be.serv.advies.engine;

import be.serv.advies.generate.BatchGenerator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Finding;
import be.serv.advies.output.AtomicOutput;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spreading a batch over bounded parts and two threads gives exactly the findings of one session. */
class PartitionedEvaluationTest {
    @TempDir
    Path tmp;

    @Test
    void partsOnTwoThreadsFindExactlyWhatOneSessionFinds() throws Exception {
        // Given a generated batch with competing applications and shared texts, split into many small parts
        AtomicOutput out = new AtomicOutput(tmp.resolve("batch"));
        BatchGenerator.generate(3_000, 42).forEach(out::add);
        out.commit();
        Batch batch = BatchLoader.load(tmp.resolve("batch"));
        RuleSet rules = RuleSet.load(TestRules.copyTo(tmp.resolve("rules")));
        int partSize = 100;
        List<Batch> split = Partitions.split(batch, partSize);
        assertTrue(split.size() > 1, "the batch must really be split");
        // When it is evaluated in one session and in parts on two threads
        Evaluation single = Evaluator.evaluate(rules, batch);
        Evaluation parts = Evaluator.evaluate(rules, batch, new Evaluator.Options(java.util.Set.of(), 2, partSize));
        // Then every application has the same findings, in the same order, with the same words and rules
        List<String> codes = new ArrayList<>();
        for (Application a : batch.getApplications()) {
            assertEquals(describe(single.findings(a.getId())), describe(parts.findings(a.getId())), a.getId());
            single.findings(a.getId()).stream().filter(Finding::isApplies).forEach(f -> codes.add(f.getCode()));
        }
        assertEquals(single.firedCount(), parts.firedCount());
        // and the cross-application rules did fire, so the comparison covers them
        assertTrue(codes.contains("COMPETING_APPLICATIONS"), "competing applications in the batch");
        assertTrue(competingGroupSpansParts(split, single), "a group of competing applications is split over parts");
        assertTrue(codes.contains("SAME_TEXT"), "shared texts in the batch");
        assertTrue(codes.contains("LIMITED_OFFER") || codes.contains("SHORTAGE_CONFIRMED"), "batch-wide facts used");
    }

    @Test
    void everyApplicationLandsInExactlyOnePart() throws Exception {
        AtomicOutput out = new AtomicOutput(tmp.resolve("batch"));
        BatchGenerator.generate(2_000, 7).forEach(out::add);
        out.commit();
        Batch batch = BatchLoader.load(tmp.resolve("batch"));
        // When split
        List<Batch> parts = Partitions.split(batch, 150);
        // Then the parts hold each application once (institutions and (province, trajectory) groups may be
        // split: their text similarities and demand are derived from the whole batch)
        List<String> ids = new ArrayList<>();
        for (Batch part : parts) {
            for (Application a : part.getApplications()) ids.add(a.getId());
        }
        assertEquals(batch.getApplications().stream().map(Application::getId).sorted().toList(), ids.stream().sorted().toList());
        // and each part carries the reference facts its applications can reach, no others, in batch order
        for (Batch part : parts) {
            Set<String> codes = part.getApplications().stream().map(Application::getTrajectory).collect(Collectors.toSet());
            assertEquals(batch.getTrajectories().stream().filter(t -> codes.contains(t.getCode())).toList(), part.getTrajectories());
            assertEquals(batch.getCapacity().stream().filter(c -> codes.contains(c.getTrajectory())).toList(), part.getCapacity());
            assertEquals(batch.getShortages().stream().filter(s -> codes.contains(s.getTrajectory())).toList(), part.getShortages());
        }
    }

    @Test
    void largeInstitutionsAreSpreadOverPartsAndFindWhatOneSessionFinds() throws Exception {
        // Given a generated batch of 1,000 applications from institutions of about 200 each
        AtomicOutput out = new AtomicOutput(tmp.resolve("batch"));
        BatchGenerator.generate(1_000, 42, 200).forEach(out::add);
        out.commit();
        Batch batch = BatchLoader.load(tmp.resolve("batch"));
        RuleSet rules = RuleSet.load(TestRules.copyTo(tmp.resolve("rules")));
        int partSize = 100;
        // When split, and evaluated in one session and in parts on two threads
        List<Batch> split = Partitions.split(batch, partSize);
        Evaluation single = Evaluator.evaluate(rules, batch);
        Evaluation parts = Evaluator.evaluate(rules, batch, new Evaluator.Options(java.util.Set.of(), 2, partSize));
        // Then no institution fills a part: each is spread over several, and no part is much over its size
        java.util.Map<String, java.util.Set<Integer>> partsOfInstitution = new java.util.HashMap<>();
        for (int p = 0; p < split.size(); p++) {
            assertTrue(split.get(p).getApplications().size() <= partSize + 10, "part " + p + ": " + split.get(p).getApplications().size());
            for (Application a : split.get(p).getApplications()) {
                partsOfInstitution.computeIfAbsent(a.getInstitutionNumber(), k -> new java.util.HashSet<>()).add(p);
            }
        }
        assertTrue(partsOfInstitution.values().stream().allMatch(s -> s.size() > 1), partsOfInstitution.toString());
        // and every application has the findings of one session, SAME_TEXT among them
        List<String> codes = new ArrayList<>();
        for (Application a : batch.getApplications()) {
            assertEquals(describe(single.findings(a.getId())), describe(parts.findings(a.getId())), a.getId());
            single.findings(a.getId()).stream().filter(Finding::isApplies).forEach(f -> codes.add(f.getCode()));
        }
        assertTrue(codes.contains("SAME_TEXT"), "shared texts in the batch");
    }

    /** True when the applications of one competing (province, trajectory) group sit in different parts. */
    private static boolean competingGroupSpansParts(List<Batch> parts, Evaluation single) {
        java.util.Map<String, java.util.Set<Integer>> partsOfGroup = new java.util.HashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            for (Application a : parts.get(p).getApplications()) {
                boolean competing = single.findings(a.getId()).stream()
                        .anyMatch(f -> f.isApplies() && f.getCode().equals("COMPETING_APPLICATIONS"));
                if (competing) partsOfGroup.computeIfAbsent(a.getProvince() + "|" + a.getTrajectory(), k -> new java.util.HashSet<>()).add(p);
            }
        }
        return partsOfGroup.values().stream().anyMatch(s -> s.size() > 1);
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f + " [" + f.getRule() + " " + f.getRuleFile() + "]").toList();
    }
}
