package be.serv.advies.authoring;

import be.serv.advies.cli.Shell;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** Without git, diff compares the working copy with the rules this version shipped, kept inside it. */
class DiffAgainstShippedTest {
    @Test
    void anEditedThresholdAgainstTheShippedRules() {
        // Given a working copy where the Elektriciens ask 4 students per provider instead of 5
        Path dir = RulesCopy.shipped();
        RulesCopy.edit(dir, "thresholds.csv", s -> s.replace("ELEK;*;*;;5;", "ELEK;*;*;;4;"));
        // When it is compared with the shipped rules
        var result = Shell.shell("diff", "fixtures/2022-2023", "--shipped", "--against", dir.toString());
        // Then the applications whose motivation cites the threshold change, and the old side is named
        Shell.assertThat(result).succeeded().outContains("Oud: de geleverde regels")
                .outContains("(4,2 per aanbieder, minimum 5)").outContains("minimum 4)");
    }

    @Test
    void withoutGitTheRevisionOptionSaysWhatToUse() {
        // Given a working copy outside any git repository
        Path dir = RulesCopy.shipped();
        // When a revision is asked for
        var result = Shell.shell("diff", "fixtures/2022-2023", "--rules-rev", "HEAD", "--against", dir.toString());
        // Then it says to compare with the shipped rules instead
        Shell.assertThat(result).exitedWith(2).errContains("Zonder git vergelijkt u met de regels van deze versie: advies diff fixtures/2022-2023 --shipped");
    }
}
