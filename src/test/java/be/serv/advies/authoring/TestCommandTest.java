package be.serv.advies.authoring;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code advies test}: passes on the shipped rules, fails with wanted and actual when a rule is broken. */
class TestCommandTest {
    @Test
    void shippedRulesPassTheirCases() {
        // Given the shipped rules, When their cases run
        var result = shell("test", "--rules", "rules");
        // Then every case passes and the summary line says so
        assertThat(result).succeeded().outContains(" geslaagd, 0 mislukt");
        assertTrue(result.out().strip().lines().reduce((a, b) -> b).orElse("").matches("[1-9]\\d* geslaagd, 0 mislukt"), result.out());
    }

    @Test
    void aBrokenRuleFailsWithWantedAndActualAdvice() {
        // Given a copy of the rules where oversupply needs 100 students fewer than it should, on both of
        // its sides (the applies and the cleared rule stay each other's opposite)
        Path dir = RulesCopy.shipped();
        RulesCopy.edit(dir, "criteria/regional-oversupply.drl", s -> s
                .replace("$c.students < $c.providers * $n.minStudentsPerProvider)", "$c.students < $c.providers * $n.minStudentsPerProvider - 100)")
                .replace("$c.students >= $c.providers * $n.minStudentsPerProvider)", "$c.students >= $c.providers * $n.minStudentsPerProvider - 100)"));
        // When the cases run
        var result = shell("test", "--rules", dir.toString());
        // Then the run fails, naming the case with wanted and actual verdict
        assertThat(result).exitedWith(1)
                .outContains("FAALT criteria/regional-oversupply.cases.yaml:5: Limburg telt al 8 aanbieders")
                .outContains("verwacht: negatief, redenen [OVERSUPPLY]")
                .outContains("gekregen: positief, redenen []")
                .outContains(" mislukt");
        assertTrue(result.out().strip().lines().reduce((a, b) -> b).orElse("").matches("\\d+ geslaagd, [1-9]\\d* mislukt"), result.out());
    }

    @Test
    void coverageNamesEveryRuleWithItsCount() {
        // Given a copy of the rules with a rule no case reaches
        Path dir = RulesCopy.shipped();
        RulesCopy.edit(dir, "sectors/horeca.drl", s -> s + "\nrule \"NooitGeraakt\"\nwhen\n    $a : Application(expectedStudents > 100000)\nthen\n"
                + "    insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"nooit\"));\nend\n");
        // When the cases run with --coverage
        var result = shell("test", "--rules", dir.toString(), "--coverage");
        // Then the rule is listed with 0 and named as never fired, and the run fails
        assertThat(result).exitedWith(1).outContains("     0  NooitGeraakt (sectors/horeca.drl)").outContains("Nooit gevuurd: NooitGeraakt");
    }

    @Test
    void aCaseFileWithAMistakeFailsTheRunAndNamesTheWrongWord() {
        // Given a case with an unknown field
        Path dir = RulesCopy.shipped();
        RulesCopy.edit(dir, "sectors/horeca.cases.yaml", s -> s.replace("application: {sector_experience: nee}", "application: {sector_experiense: nee}"));
        // When the cases run
        var result = shell("test", "--rules", dir.toString());
        // Then the line and column of the misspelt field are named, not the case's first line
        assertThat(result).exitedWith(1).outContains("sectors/horeca.cases.yaml:5:19: geval 1 ('De school biedt nog geen horecaopleiding aan'): "
                + "onbekend veld 'application.sector_experiense'");
    }

    @Test
    void rulesThatDoNotCompileFailEveryCase() {
        // Given a copy of the rules with a syntax error
        Path dir = RulesCopy.shipped();
        RulesCopy.edit(dir, "sectors/horeca.drl", s -> s.replace("\nthen\n", "\nthn\n"));
        // When the cases run
        var result = shell("test", "--rules", dir.toString());
        // Then the compile error is located and the summary does not read as a pass
        assertThat(result).exitedWith(1).outContains("sectors/horeca.drl:12:5: syntaxfout")
                .outContains("0 geslaagd, ").outContains(" mislukt (de regels laden niet");
        assertTrue(!result.out().contains("0 geslaagd, 0 mislukt"), result.out());
    }
}
