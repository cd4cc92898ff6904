package be.serv.advies.rules;

import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Batch;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's guards behind the rule language check: code the door refuses is compiled here without it, to
 * show that the run still ends, with the rule named at its file and line in Dutch, if such code ever
 * got through. (The door's refusal itself is shown by BadRulesTest and OneDoorTest.)
 */
class RunTimeGuardsTest {
    @TempDir
    Path tmp;

    @AfterEach
    void resetTimeout() {
        System.clearProperty("advies.firingTimeoutMillis");
    }

    private String failure(String drl) throws Exception {
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.writeString(rules.resolve("criteria/guard.drl"), "package advies.guard\nimport be.serv.advies.model.*;\n" + drl);
        RuleSet set = RuleSet.compileWithoutChecks(rules);
        Batch batch = BatchLoader.load(Path.of("src/test/resources/batches/small"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> Evaluator.evaluate(set, batch));
        String said = e.problems().toString();
        for (String javaText : new String[]{"Exception", "Error", "\tat ", "mvel", "java."}) {
            assertFalse(said.contains(javaText), "no Java text (" + javaText + ") in " + said);
        }
        return said;
    }

    @Test
    void recursionIsReportedAsTheRulesProblem() throws Exception {
        String said = failure("""
                function int deep(int n) { return deep(n + 1) + 1; }
                rule "Recurses" when $a : Application(id == "A1") then
                    insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "%d", deep(1)));
                end
                """);
        assertTrue(said.contains("criteria/guard.drl:4: regel 'Recurses' faalde bij aanvraag A1: zij roept zichzelf eindeloos op"), said);
    }

    @Test
    void aHugeAllocationIsReportedAsTheRulesProblem() throws Exception {
        String said = failure("""
                rule "Allocates" when $a : Application(id == "A2") then
                    long[] big = new long[Integer.MAX_VALUE];
                    insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "%d", big.length));
                end
                """);
        assertTrue(said.contains("criteria/guard.drl:3: regel 'Allocates' faalde bij aanvraag A2: zij vraagt meer geheugen dan er is"), said);
    }

    @Test
    void aFiringThatDoesNotEndIsGivenUpAndNamed() throws Exception {
        // The loop yields to an interrupt only so that it does not keep a core busy for the rest of the suite;
        // the watchdog does not rely on that: it gives up waiting and names the rule.
        System.setProperty("advies.firingTimeoutMillis", "500");
        String said = failure("""
                rule "Hangs" when $a : Application(id == "A1") then
                    while (!Thread.currentThread().isInterrupted()) { }
                    insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "x"));
                end
                """);
        assertTrue(said.contains("criteria/guard.drl:3: regel 'Hangs' is bij aanvraag A1 na 0.5 s nog niet klaar met één vuring"), said);
    }
    @Test
    void aConditionThatDoesNotEndIsGivenUpAndItsRuleNamed() throws Exception {
        // Given a condition that never finishes (an eval; the door refuses the loop, here it is compiled without the door)
        System.setProperty("advies.firingTimeoutMillis", "500");
        String said = failure("""
                function boolean slow() { while (!Thread.currentThread().isInterrupted()) { } return true; }
                rule "HangsInCondition" when $a : Application(id == "A1") eval(slow()) then
                    insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "x"));
                end
                """);
        // Then the watchdog, which covers conditions too, names the rule at its file and line
        assertTrue(said.contains("criteria/guard.drl:4: regel 'HangsInCondition' is na 0.5 s nog niet klaar met het nagaan van haar voorwaarden"), said);
    }

    @Test
    void anApplicationWithBothConclusionsOfAComplementIsRefusedNamingBothRules() throws Exception {
        // Given an "applies" and a "cleared" rule for one code whose conditions overlap (A1 gets both)
        String said = failure("""
                rule "GuardApplies" when $a : Application(id == "A1") then
                    insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "geldt"));
                end
                rule "GuardCleared" when $a : Application() then
                    insert(Finding.doesNotApply($a, "HORECA_SCHOOL_UNKNOWN", "geldt niet"));
                end
                """);
        // Then the run fails naming both rules and the application
        assertTrue(said.contains("criteria/guard.drl:3: regel 'GuardApplies' en regel 'GuardCleared' besluiten allebei over "
                + "HORECA_SCHOOL_UNKNOWN bij aanvraag A1"), said);
    }
}
