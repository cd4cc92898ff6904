package be.serv.advies.rules;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A rule problem stops the run with exit 1, names the rule file, and writes nothing. */
class RuleProblemTest {
    @TempDir
    Path tmp;

    @Test
    void aRuleFileThatDoesNotCompileIsNamedWithItsLine() throws IOException {
        // Given a copy of the rules where a condition lost its closing parenthesis on line 12
        Path rules = TestRules.copyWithThresholds(TestRules.DEFAULTS);
        Path file = rules.resolve("criteria/infrastructure.drl");
        Files.writeString(file, Files.readString(file).replace(
                "learningResources == Sufficiency.ONVOLDOENDE)\nthen", "learningResources == Sufficiency.ONVOLDOENDE\nthen"));
        Path out = tmp.resolve("out");
        // When / Then
        assertThat(shell("evaluate", "src/test/resources/batches/small", "--out", out.toString(), "--rules", rules.toString()))
                .exitedWith(ExitCodes.RULES)
                .errContains("criteria/infrastructure.drl:")
                .errContains("er is niets geschreven");
        assertFalse(Files.exists(out));
    }

    @Test
    void aRuleThatModifiesAnInputFactIsRefused() throws IOException {
        // Given a rule that updates the application it matched
        Path rules = TestRules.copyWithThresholds(TestRules.DEFAULTS);
        Files.writeString(rules.resolve("criteria/meddling.drl"), """
                package advies.criteria
                import be.serv.advies.model.*;
                rule "MeddlingRule"
                when
                    $a : Application(id == "A1")
                then
                    update($a);
                end
                """);
        Path out = tmp.resolve("out");
        // When / Then
        assertThat(shell("evaluate", "src/test/resources/batches/small", "--out", out.toString(), "--rules", rules.toString()))
                .exitedWith(ExitCodes.RULES)
                .errContains("criteria/meddling.drl:7:5: regel 'MeddlingRule': 'update' wijzigt of verwijdert een feit");
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingPrecedenceFileIsARuleProblem() throws IOException {
        // Given rules without precedence.yaml
        Path rules = TestRules.copyWithThresholds(TestRules.DEFAULTS);
        Files.delete(rules.resolve("precedence.yaml"));
        // When / Then
        assertThat(shell("evaluate", "src/test/resources/batches/small", "--out", tmp.resolve("out").toString(), "--rules", rules.toString()))
                .exitedWith(ExitCodes.RULES)
                .errContains("precedence.yaml: bestand ontbreekt in de regelmap");
    }
}
