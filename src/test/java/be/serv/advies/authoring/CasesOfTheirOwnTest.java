package be.serv.advies.authoring;

import be.serv.advies.cli.Shell;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each rule file has its cases file, and each rule fires in one of that file's own cases; a new
 * criterion starts from a scaffold that passes.
 */
class CasesOfTheirOwnTest {
    @Test
    void aRuleFileWithoutCasesFails() throws Exception {
        // Given the shipped rules without the Horeca cases
        Path dir = RulesCopy.shipped();
        Files.delete(dir.resolve("sectors/horeca.cases.yaml"));
        // When the cases run
        var result = Shell.shell("test", "--rules", dir.toString());
        // Then the run fails, naming the file to create
        Shell.assertThat(result).exitedWith(1).outContains("regel 'HorecaUnknownSchoolRemark' heeft geen gevallen: maak sectors/horeca.cases.yaml");
    }

    @Test
    void aRuleThatFiresOnlyInAnotherFilesCaseFails() throws Exception {
        // Given a new Horeca signal whose own cases never make it fire, while the Horeca cases do
        Path dir = RulesCopy.shipped();
        Shell.assertThat(Shell.shell("new", "horeca-extra", "--sector", "HORECA", "--soort", "signaal", "--rules", dir.toString())).succeeded();
        Files.writeString(dir.resolve("sectors/horeca-extra.cases.yaml"), """
                cases:
                  - note: Alleen voor Horeca
                    trajectory: {partnership: ANDERE_SECTOR}
                    want: {verdict: positief, not_found: [HORECA_EXTRA]}
                """);
        // When the cases run
        var result = Shell.shell("test", "--rules", dir.toString());
        // Then the run fails, naming the rule and its own cases file
        Shell.assertThat(result).exitedWith(1).outContains("regel 'HorecaExtraSignal' vuurt in geen enkel geval van "
                + "sectors/horeca-extra.cases.yaml (alleen in gevallen van andere bestanden)");
    }

    @Test
    void aScaffoldPassesAndIsNeverWrittenOverAnything() throws Exception {
        // Given the shipped rules
        Path dir = RulesCopy.shipped();
        // When a new remark of the Bouw sector is scaffolded
        Shell.assertThat(Shell.shell("new", "bouw-dakwerken", "--sector", "BOUW", "--soort", "bemerking", "--rules", dir.toString()))
                .succeeded().outContains("sectors/bouw-dakwerken.drl").outContains("sectors/bouw-dakwerken.cases.yaml");
        // Then the folder checks, every case passes (the shipped ones too), and the new rule fires in its own case
        Shell.assertThat(Shell.shell("validate", "--rules", dir.toString(), "--batch", "fixtures/2022-2023")).succeeded();
        Shell.assertThat(Shell.shell("test", "--rules", dir.toString())).succeeded().outContains(" 0 mislukt");
        // and a second scaffold of that name writes nothing
        String precedence = Files.readString(dir.resolve("precedence.yaml"));
        String rule = Files.readString(dir.resolve("sectors/bouw-dakwerken.drl"));
        Shell.assertThat(Shell.shell("new", "bouw-dakwerken", "--sector", "BOUW", "--soort", "negatief", "--rules", dir.toString()))
                .exitedWith(2).errContains("sectors/bouw-dakwerken.drl bestaat al");
        assertEquals(precedence, Files.readString(dir.resolve("precedence.yaml")));
        assertEquals(rule, Files.readString(dir.resolve("sectors/bouw-dakwerken.drl")));
    }
}
