package be.serv.advies.rules;

import be.serv.advies.cli.Shell;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.server.Drafts;
import org.junit.jupiter.api.BeforeAll;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule file cannot run a program: each way to reach a class, a method or the engine from a rule,
 * in each place a rule has code (a pattern constraint, eval, from, accumulate, a function, a
 * consequence), is refused by validate, by every command and by the review server's reload at its
 * file and line, exit 1, before anything runs: the file the attack would create does not exist
 * afterwards, and the server keeps its rules.
 */
class RuleAttacksTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "package advies.bad\nimport be.serv.advies.model.*;\n";
    private static final String FINDING = "insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"x\"));";

    /** Ways to reach code outside the list, each as an expression of some value. {0} is a file the attack would touch. */
    private static final List<String[]> REACHES = List.of(
            new String[]{"class property", "$a.class.classLoader"},
            new String[]{"getClass", "$a.getId().getClass().forName(\"java.lang.Run\".concat(\"time\")).getMethod(\"exec\", String.class).invoke(null, \"touch {0}\")"},
            new String[]{"forName", "Class.forName(\"java.lang.Runtime\")"},
            new String[]{"concatenation", "java.lang.Runtime.getRuntime().exec(\"to\" + \"uch {0}\")"},
            new String[]{"method handle", "java.lang.invoke.MethodHandles.lookup()"},
            new String[]{"method reference", "java.util.Optional.of(\"{0}\").map(java.nio.file.Path::of)"},
            new String[]{"lambda", "java.util.Optional.of(\"{0}\").map(p -> p)"},
            new String[]{"static field", "java.lang.System.out"},
            new String[]{"class literal", "String.class.getName()"},
            new String[]{"files", "java.nio.file.Files.createFile(java.nio.file.Path.of(\"{0}\"))"},
            new String[]{"process", "new ProcessBuilder(\"touch\", \"{0}\").start()"},
            new String[]{"engine", "drools.getKieRuntime()"},
            new String[]{"unicode escape", "\\u0053ystem.getenv()"},
            new String[]{"huge text by format", "String.format(\"%01000000000d\", 1)"},
            new String[]{"huge text by replace", "\"xxxxxxxxxx\".replace(\"\", \"xxxxxxxxxx\").replace(\"\", \"xxxxxxxxxx\")"});

    static Stream<Arguments> attacks() {
        List<Arguments> out = new ArrayList<>();
        for (String[] reach : REACHES) {
            String e = reach[1];
            out.add(Arguments.of(reach[0] + " in a constraint", "rule \"Attack\" when\n    $a : Application(id == \"A1\", " + e + " != null)\nthen\n    " + FINDING + "\nend\n"));
            out.add(Arguments.of(reach[0] + " in eval", "rule \"Attack\" when\n    $a : Application(id == \"A1\") eval(" + e + " != null)\nthen\n    " + FINDING + "\nend\n"));
            out.add(Arguments.of(reach[0] + " in from", "rule \"Attack\" when\n    $a : Application(id == \"A1\") $x : Object() from " + e + "\nthen\n    " + FINDING + "\nend\n"));
            out.add(Arguments.of(reach[0] + " in accumulate", "rule \"Attack\" when\n    $a : Application(id == \"A1\") $n : Number() from accumulate(Capacity($p : providers), sum(" + e + "))\nthen\n    " + FINDING + "\nend\n"));
            out.add(Arguments.of(reach[0] + " in a function", "function Object attack(Application a) {\n    return " + e + ";\n}\nrule \"Attack\" when $a : Application(id == \"A1\") then " + FINDING + " end\n"));
            out.add(Arguments.of(reach[0] + " in a consequence", "rule \"Attack\" when $a : Application(id == \"A1\") then\n    Object o = " + e + ";\n    " + FINDING + "\nend\n"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyCommandRefusesTheAttackAtItsLineAndNothingRuns(String name, String drl) throws Exception {
        // Given a copy of the shipped rules with one attacking rule file; the attack would create this file
        Path victim = tmp.resolve("victim");
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.createDirectories(rules.resolve("bad"));
        Files.writeString(rules.resolve("bad/bad.drl"), HEAD + drl.replace("{0}", victim.toString()));
        Path out = tmp.resolve("out");

        // When validate and the commands that run rules load it
        List<Shell.Result> results = List.of(
                shell("validate", "--rules", rules.toString()),
                shell("evaluate", BATCH, "--rules", rules.toString(), "--out", out.toString()),
                shell("explain", BATCH, "A1", "--rules", rules.toString()),
                shell("report", BATCH, "--rules", rules.toString(), "--out", out.toString()),
                shell("diff", BATCH, "--rules", "rules", "--against", rules.toString()),
                shell("test", "--rules", rules.toString()));

        // Then each refuses at line 4 of the file (where the attack is written), exit 1, and nothing ran
        for (Shell.Result r : results) {
            assertThat(r).exitedWith(1);
            String said = r.out() + r.err();
            assertTrue(said.contains("bad/bad.drl:4:"), r.command() + " names the attack's line:\n" + said);
        }
        assertFalse(Files.exists(victim), "the attack created " + victim);
        assertFalse(Files.exists(out), "nothing written");

        // And the review server's reload refuses it too, keeping its rules and showing the line
        try (ReviewStore store = ReviewStore.open(tmp.resolve("review.db"))) {
            Drafts drafts = new Drafts(shipped, rules, store);
            assertFalse(drafts.reload("test"), "the reload is refused");
            assertEquals(shipped.rules().hash(), drafts.current().rules().hash(), "the running rules stay");
            assertTrue(drafts.state().lastProblems().toString().contains("bad/bad.drl:4:"), drafts.state().lastProblems().toString());
        }
        assertFalse(Files.exists(victim), "the attack created " + victim);
    }

    private static final String BATCH = "src/test/resources/batches/small";
    private static DraftRun shipped;

    @BeforeAll
    static void shippedRules() throws Exception {
        shipped = DraftRun.of(Path.of(BATCH), Path.of("rules"));
    }
}
