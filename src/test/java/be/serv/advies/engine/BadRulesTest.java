package be.serv.advies.engine;

import be.serv.advies.cli.Shell;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule that would harm the run is refused before it runs (validate and every command) or stopped
 * while running, with exit 1, the rule named at its file and line, in Dutch, and nothing written.
 */
class BadRulesTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "package advies.bad\nimport be.serv.advies.model.*;\n";

    private Path rulesWith(String drl) throws Exception {
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.createDirectories(rules.resolve("bad"));
        Files.writeString(rules.resolve("bad/bad.drl"), HEAD + drl);
        return rules;
    }

    private Shell.Result evaluate(Path rules, String batch) {
        long t0 = System.nanoTime();
        Shell.Result r = shell("evaluate", batch, "--rules", rules.toString(), "--out", tmp.resolve("out").toString());
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        System.out.println("evaluate refused in " + seconds + " s");
        // The bound, loosely: a harmful rule must not hold the command for long.
        assertTrue(seconds < 30, "stopped within 30 s, took " + seconds + " s");
        return r;
    }

    private Shell.Result evaluate(Path rules) {
        return evaluate(rules, "src/test/resources/batches/small");
    }

    static void plainDutch(Shell.Result r) {
        for (String text : new String[]{r.out(), r.err()}) {
            for (String javaText : new String[]{"Exception", "Error:", "Error\n", "\tat ", "mvel", "[Near", "Throwable", "StackOverflow", "OutOfMemory"}) {
                assertFalse(text.contains(javaText), "no Java or mvel text (" + javaText + ") in:\n" + text);
            }
        }
    }

    private void nothingWritten(Shell.Result r) {
        assertThat(r).exitedWith(1).errContains("er is niets geschreven");
        plainDutch(r);
        assertFalse(Files.exists(tmp.resolve("out")), "no output folder");
    }

    /** Refused by the door: validate says so and evaluate stops before any rule runs. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "exit         | System.exit(0);                                   | 'System' is niet toegestaan",
            "qualified    | java.lang.System.exit(0);                         | 'java' is niet toegestaan",
            "halt         | Runtime.getRuntime().halt(0);                     | 'Runtime' is niet toegestaan",
            "thread       | new Thread(() -> {}).start();                     | 'new' is alleen toegestaan voor een bevinding",
            "allocation   | long[] big = new long[2000000000];                | 'new' is alleen toegestaan voor een bevinding",
            "endless loop | while (true) { }                                  | een lus ('while') is niet toegestaan",
            "for loop     | for (int i = 0; i < 100; i++) { insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"x\")); } | een lus ('for')",
            "throw        | throw new IllegalStateException(\"kapot\");       | 'throw' is niet toegestaan",
            "reflection   | $a.getClass().getClassLoader();                   | de methode 'getClass' is niet toegestaan",
            "engine       | drools.halt();                                    | 'drools' (de motor zelf) is niet toegestaan",
            "escape       | \\u0053ystem.exit(0);                              | een \\u-code is niet toegestaan",
    })
    void harmfulCodeInAConsequenceIsRefusedBeforeItRuns(String name, String action, String message) throws Exception {
        // Given a rule whose then part does something a rule must not do
        Path rules = rulesWith("rule \"Harm\" when $a : Application(id == \"A1\") then\n    " + action
                + "\n    insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"x\"));\nend\n");
        // When validate and evaluate run
        Shell.Result v = shell("validate", "--rules", rules.toString());
        Shell.Result e = evaluate(rules);
        // Then both refuse at the rule's line with the same Dutch message, and nothing is written
        assertThat(v).exitedWith(1).outContains("bad/bad.drl:4:").outContains(message);
        assertThat(e).errContains("bad/bad.drl:4:").errContains(message);
        nothingWritten(e);
    }

    @Test
    void aFunctionThatCallsAFunctionIsRefusedSoNothingRecurses() throws Exception {
        Path rules = rulesWith("""
                function int deep(int n) { return deep(n + 1); }
                rule "Recurse" when $a : Application(id == "A1") then
                    insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "diepte %d", deep(1)));
                end
                """);
        Shell.Result e = evaluate(rules);
        assertThat(e).errContains("bad/bad.drl:3:").errContains("een functie mag geen functie oproepen");
        nothingWritten(e);
    }

    @Test
    void importsOtherThanTheFactsAreRefused() throws Exception {
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.createDirectories(rules.resolve("bad"));
        Files.writeString(rules.resolve("bad/bad.drl"), "package advies.bad\nimport be.serv.advies.model.*;\nimport static java.lang.System.exit;\n"
                + "import java.lang.Runtime;\nrule \"Imports\" when $a : Application(id == \"A1\") then\n"
                + "    insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"x\"));\nend\n");
        Shell.Result e = evaluate(rules);
        assertThat(e).errContains("bad/bad.drl:3:1: 'import static' is niet toegestaan")
                .errContains("bad/bad.drl:4:1: 'import java.lang.Runtime' is niet toegestaan");
        nothingWritten(e);
    }

    @Test
    void aRuleThatKeepsTriggeringItselfIsStoppedAndNamed() throws Exception {
        // Given a rule whose own finding matches it again, forever
        Path rules = rulesWith("""
                rule "Seed" when $a : Application() then insert(new Finding($a.getId(), "HORECA_SCHOOL_UNKNOWN", true, "begin")); end
                rule "EchoForever" when $f : Finding(code == "HORECA_SCHOOL_UNKNOWN") then insert(new Finding($f.getApplicationId(), "HORECA_SCHOOL_UNKNOWN", true, "nog eens")); end
                """);
        Shell.Result r = evaluate(rules);
        // Then a limit stops it, naming the rule at its file and line
        assertThat(r).errContains("bad/bad.drl:4: regel 'EchoForever' ");
        nothingWritten(r);
    }

    @Test
    void aRuleThatThrowsForSomeValuesIsReportedWithRuleAndApplication() throws Exception {
        // Given a rule that divides by a figure that is zero for one application only (A1: 4 providers)
        Path rules = rulesWith("""
                rule "DividesByZero" when $a : Application() $c : Capacity(trajectory == $a.trajectory, province == $a.province) then
                    insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "%d per plaats", $c.getStudents() / ($c.getProviders() - 4)));
                end
                """);
        Shell.Result r = evaluate(rules, "src/test/resources/batches/small");
        assertThat(r).errContains("bad/bad.drl:3: regel 'DividesByZero' faalde bij aanvraag").errContains("zij deelt door nul");
        nothingWritten(r);
    }

    @Test
    void aBadFormatInAFindingFailsInsideTheRuleThatWroteIt() throws Exception {
        // Texts are formatted lazily; a format that does not fit its figures must still fail in the rule's action
        Path rules = rulesWith("""
                rule "BadFormat" when $a : Application(id == "A2") then insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "%d leerlingen", "veel")); end
                """);
        Shell.Result r = evaluate(rules);
        assertThat(r).errContains("bad/bad.drl:3: regel 'BadFormat' faalde bij aanvraag A2").errContains("past niet bij haar waarden");
        nothingWritten(r);
    }

    @Test
    void aRuleThatFloodsAnApplicationWithFindingsIsStopped() throws Exception {
        // Given a rule that inserts 100 findings each time it fires
        StringBuilder then = new StringBuilder();
        for (int i = 0; i < 100; i++) then.append("    insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"nummer ").append(i).append("\"));\n");
        Path rules = rulesWith("rule \"Flood\" when $a : Application() then\n" + then + "end\n");
        Shell.Result r = evaluate(rules);
        assertThat(r).errContains("bad/bad.drl:3: regel 'Flood' voegt te veel bevindingen toe");
        nothingWritten(r);
    }

    @Test
    void aComputedCodeThatPrecedenceDoesNotKnowStopsTheRun() throws Exception {
        // Given a code that validate cannot read (it is computed), and that precedence.yaml does not know
        Path rules = rulesWith("""
                rule "Computed" when $a : Application(id == "A1") then insert(Finding.applies($a, "HORECA_" + $a.getId(), "x")); end
                """);
        Shell.Result r = evaluate(rules);
        assertThat(r).errContains("bad/bad.drl:3: regel 'Computed' geeft redencode 'HORECA_A1', die niet in precedence.yaml staat");
        nothingWritten(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"update", "delete", "insertOther"})
    void aRuleThatTouchesTheInputIsRefused(String what) throws Exception {
        String action = switch (what) {
            case "update" -> "update($a);";
            case "delete" -> "delete($a);";
            default -> "insert(\"geen bevinding\"); insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"x\"));";
        };
        Path rules = rulesWith("rule \"Touches\" no-loop true when $a : Application(id == \"A1\") then " + action + " end\n");
        Shell.Result r = evaluate(rules);
        assertThat(r).errContains("bad/bad.drl:3").errContains("regel 'Touches'")
                .errContains(what.equals("insertOther") ? "regels mogen alleen bevindingen" : "niet wijzigen");
        nothingWritten(r);
    }

    @Test
    void theSameFailureIsReportedWhenTheBatchIsSplitOverTwoThreads() throws Exception {
        // Given a generated batch large enough to be split, and a rule that breaks on one application
        Path batch = tmp.resolve("batch");
        shell("generate", "--applications", "12000", "--seed", "5", "--out", batch.toString()).succeeded();
        Path rules = rulesWith("rule \"Breaks\" when $a : Application(id == \"G0011000\") then\n"
                + "    insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"%d\", 1 / ($a.getExpectedStudents() - $a.getExpectedStudents())));\nend\n");
        // When evaluate runs (parts on all cores)
        Shell.Result r = shell("evaluate", batch.toString(), "--rules", rules.toString(), "--out", tmp.resolve("out").toString());
        // Then the failure names rule and application, and nothing is written
        assertThat(r).errContains("bad/bad.drl:3: regel 'Breaks' faalde bij aanvraag G0011000");
        nothingWritten(r);
    }
}
