package be.serv.advies.rules;

import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Batch;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A condition that does not end, wherever in a rule it is written, ends the run with exit 1 within
 * the budget; the message names the file being evaluated when the engine's stack shows it, and
 * otherwise says it cannot tell, never a file that was not being evaluated. The conditions are
 * compiled without the door (which refuses the loop), as code that slipped past every check would be.
 */
class SlowConditionWatchdogTest {
    @TempDir
    Path tmp;

    @AfterEach
    void resetTimeout() {
        System.clearProperty("advies.firingTimeoutMillis");
    }

    private static final String SLOW = "function boolean slow() { while (!Thread.currentThread().isInterrupted()) { } return true; }\n"
            + "function int slowNumber(int n) { while (!Thread.currentThread().isInterrupted()) { } return n; }\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a pattern constraint|$a : Application(id == \"A1\") TrajectoryInProvince(key == $a.trajectoryInProvince, slow())",
            "eval|$a : Application(id == \"A1\") eval(slow())",
            "from|$a : Application(id == \"A1\") $n : Integer() from slowNumber(1)",
            "accumulate|$a : Application(id == \"A1\") $n : Number() from accumulate(Capacity($p : providers), sum(slowNumber($p)))"})
    void aHangingConditionIsStoppedWithoutNamingAWrongFile(String where, String when) throws Exception {
        // Given the shipped rules and one file whose condition never ends, in the given place
        System.setProperty("advies.firingTimeoutMillis", "500");
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.writeString(rules.resolve("criteria/guard.drl"), "package advies.guard\nimport be.serv.advies.model.*;\n" + SLOW
                + "rule \"HangsIn\" when " + when + " then\n    insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"x\"));\nend\n");
        RuleSet set = RuleSet.compileWithoutChecks(rules);
        Batch batch = BatchLoader.load(Path.of("src/test/resources/batches/small"));

        // When it runs
        long start = System.nanoTime();
        RuleSetException e = assertThrows(RuleSetException.class, () -> Evaluator.evaluate(set, batch));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        // Then it ends within 30 s, either at the hanging rule's file or saying it cannot tell which, and no other file
        String said = e.problems().toString();
        assertTrue(seconds < 30, "stopped after " + seconds + " s");
        List<String> files = e.problems().stream().map(be.serv.advies.load.Problem::file).toList();
        boolean named = files.equals(List.of("criteria/guard.drl")) && said.contains("regel 'HangsIn'");
        boolean unsure = files.equals(List.of(rules.toString())) && said.contains("kan het programma hier niet met zekerheid zeggen");
        assertTrue(named || unsure, where + ": " + said);
    }
}
