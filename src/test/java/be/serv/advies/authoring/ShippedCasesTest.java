package be.serv.advies.authoring;

import be.serv.advies.rules.RuleInfo;
import be.serv.advies.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The cases beside the shipped rules, run by Maven as they are by {@code advies test}: one test per case. */
class ShippedCasesTest {
    private static RuleSet rules;
    private static CaseRunner.Run run;

    @BeforeAll
    static void load() throws Exception {
        rules = RuleSet.load(Path.of("rules"));
        run = CaseRunner.run(rules);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGetsTheAdviceItWants() {
        // Given the case files beside the shipped rules
        assertTrue(run.problems().isEmpty(), () -> "case files do not read: " + run.problems());
        return run.results().stream().map(r -> DynamicTest.dynamicTest(r.c().where() + " " + r.c().note(), () -> {
            // When the case runs, Then its advice is the one it wants
            if (!r.passed()) {
                StringWriter s = new StringWriter();
                CaseReport.failures(new CaseRunner.Run(List.of(r), List.of(), Map.of(), List.of(), Map.of(), java.util.Set.of()), new PrintWriter(s, true));
                fail(s.toString());
            }
        }));
    }

    @Test
    void everyShippedRuleFiresInOneCaseOfItsFileAndNotInAnother() {
        // Given the cases grouped by the rule file they sit beside
        Map<String, List<CaseRunner.Result>> byFile = new HashMap<>();
        for (CaseRunner.Result r : run.results()) {
            String drl = r.c().file().substring(0, r.c().file().length() - CaseFile.SUFFIX.length()) + ".drl";
            byFile.computeIfAbsent(drl, k -> new ArrayList<>()).add(r);
        }
        // When each rule is looked up in its own file's cases
        List<String> missing = new ArrayList<>();
        for (RuleInfo rule : rules.rules()) {
            List<CaseRunner.Result> own = byFile.getOrDefault(rule.file(), List.of());
            long fired = own.stream().filter(r -> r.fired().contains(rule.name())).count();
            if (fired == 0) missing.add(rule.name() + " (" + rule.file() + ") never fires in its cases");
            if (fired == own.size()) missing.add(rule.name() + " (" + rule.file() + ") fires in every one of its cases");
        }
        // Then every rule has a case that makes it fire and one that does not
        assertEquals(List.of(), missing);
    }
}
