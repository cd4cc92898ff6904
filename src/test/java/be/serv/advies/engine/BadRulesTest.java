package be.serv.advies.engine;

import be.serv.advies.cli.Shell;
import be.serv.advies.testing.TestRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A misbehaving rule stops the run with exit 1, names the rule, and nothing is written. */
class BadRulesTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "package advies.bad\nimport be.serv.advies.model.*;\n";

    private Shell.Result evaluateWith(String drl, String... extra) throws Exception {
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.createDirectories(rules.resolve("bad"));
        Files.writeString(rules.resolve("bad/bad.drl"), HEAD + drl);
        String[] args = {"evaluate", "src/test/resources/batches/small", "--rules", rules.toString(), "--out", tmp.resolve("out").toString()};
        return shell(args);
    }

    private void nothingWritten(Shell.Result r) {
        r.exitedWith(1).errContains("er is niets geschreven").errHasNo("Exception\n").errHasNo("\tat ");
        assertFalse(Files.exists(tmp.resolve("out")), "no output folder");
    }

    @Test
    void aRuleThatKeepsTriggeringItselfIsStoppedAndNamed() throws Exception {
        // Given a rule whose own finding matches it again, forever
        Shell.Result r = evaluateWith("""
                rule "Seed" when $a : Application() then insert(new Finding($a.getId(), "LOOP", true, "begin")); end
                rule "EchoForever" when $f : Finding(code == "LOOP") then insert(new Finding($f.getApplicationId(), "LOOP", true, "nog eens")); end
                """);
        // Then the firing limit stops it, naming the rule and its file
        assertThat(r).errContains("bad/bad.drl: regel 'EchoForever' blijft vuren");
        nothingWritten(r);
    }

    @Test
    void aRuleWhoseActionThrowsIsReportedWithRuleAndApplication() throws Exception {
        Shell.Result r = evaluateWith("""
                rule "Breaks" when $a : Application(id == "A3") then throw new IllegalStateException("kapot"); end
                """);
        assertThat(r).errContains("bad/bad.drl: regel 'Breaks' faalde bij aanvraag A3").errContains("kapot");
        nothingWritten(r);
    }

    @Test
    void aBadFormatInAFindingFailsInsideTheRuleThatWroteIt() throws Exception {
        // Texts are formatted lazily; a format that does not fit its figures must still fail in the rule's action
        Shell.Result r = evaluateWith("""
                rule "BadFormat" when $a : Application(id == "A2") then insert(Finding.applies($a, "X", "%d leerlingen", "veel")); end
                """);
        assertThat(r).errContains("regel 'BadFormat' faalde bij aanvraag A2");
        nothingWritten(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"update", "delete", "insertOther"})
    void aRuleThatTouchesTheInputIsRefused(String what) throws Exception {
        String action = switch (what) {
            case "update" -> "update($a);";
            case "delete" -> "delete($a);";
            default -> "insert(\"geen bevinding\");";
        };
        Shell.Result r = evaluateWith("rule \"Touches\" no-loop true when $a : Application(id == \"A1\") then " + action + " end\n");
        assertThat(r).errContains("bad/bad.drl: regel 'Touches' ")
                .errContains(what.equals("insertOther") ? "regels mogen alleen bevindingen" : "regels mogen de invoer niet wijzigen");
        nothingWritten(r);
    }

    @Test
    void theSameFailureIsReportedWhenTheBatchIsSplitOverTwoThreads() throws Exception {
        // Given a generated batch large enough to be split, and a rule that breaks on one application
        Path batch = tmp.resolve("batch");
        shell("generate", "--applications", "12000", "--seed", "5", "--out", batch.toString()).succeeded();
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.createDirectories(rules.resolve("bad"));
        Files.writeString(rules.resolve("bad/bad.drl"), HEAD
                + "rule \"Breaks\" when $a : Application(id == \"G0011000\") then throw new IllegalStateException(\"kapot\"); end\n");
        // When evaluate runs (parts on all cores)
        Shell.Result r = shell("evaluate", batch.toString(), "--rules", rules.toString(), "--out", tmp.resolve("out").toString());
        // Then the failure names rule and application, and nothing is written
        assertThat(r).errContains("regel 'Breaks' faalde bij aanvraag G0011000");
        nothingWritten(r);
    }
}
