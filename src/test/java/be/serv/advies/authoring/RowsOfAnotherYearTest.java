package be.serv.advies.authoring;

import be.serv.advies.cli.Shell;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One rules folder serves two school years: a thresholds row for a trajectory the year's catalogue
 * lacks is a warning naming the row, in every command; a slip of a trajectory the year has stops.
 */
class RowsOfAnotherYearTest {
    private static Path withRow(String row) throws Exception {
        Path dir = RulesCopy.shipped();
        Files.writeString(dir.resolve("thresholds.csv"), row + "\n", java.nio.file.StandardOpenOption.APPEND);
        return dir;
    }

    private static Shell.Result evaluate(String batch, Path rules) throws Exception {
        return Shell.shell("evaluate", batch, "--out", Files.createTempDirectory("advies-out").toString(), "--rules", rules.toString());
    }

    @Test
    void aRowForATrajectoryOfAnotherYearIsAWarning() throws Exception {
        // Given the rules with a row for OK2_MEDEWERKER_DAKWERKEN, which the 2022-2023 catalogue has and 2021-2022 does not
        Path dir = withRow("*;OK2_MEDEWERKER_DAKWERKEN;*;;;;;;;;;;dakwerken");
        String warning = "thresholds.csv:9: waarschuwing: trajectory: traject 'OK2_MEDEWERKER_DAKWERKEN' staat niet in de catalogus "
                + "van deze batch (trajectories); deze rij geldt dit jaar voor geen enkele aanvraag";
        // When the 2021-2022 batch is evaluated, explained and compared
        // Then each exits 0 with the warning naming the row, and no code of that year is suggested
        Shell.assertThat(evaluate("fixtures/2021-2022", dir)).succeeded().errContains(warning).errHasNo("bedoelt u");
        Shell.assertThat(Shell.shell("explain", "fixtures/2021-2022", "2122-0001", "--rules", dir.toString())).succeeded();
        Shell.assertThat(Shell.shell("diff", "fixtures/2021-2022", "--rules", "rules", "--against", dir.toString())).succeeded()
                .outContains("0 van 565 aanvragen veranderen");
        Shell.assertThat(Shell.shell("validate", "--rules", dir.toString(), "--batch", "fixtures/2021-2022")).succeeded()
                .outContains("OK2_MEDEWERKER_DAKWERKEN");
        // and the 2022-2023 batch, which has the trajectory, hears nothing about it
        Shell.assertThat(evaluate("fixtures/2022-2023", dir)).succeeded().errHasNo("waarschuwing");
    }

    @Test
    void aOneLetterSlipOfATrajectoryOfThisYearStops() throws Exception {
        // Given a row for OK2_MEDEWERKER_DAKWERKEM, one letter from a 2022-2023 trajectory
        Path dir = withRow("*;OK2_MEDEWERKER_DAKWERKEM;*;;;;;;;;;;tikfout");
        // When the 2022-2023 batch is evaluated
        var result = evaluate("fixtures/2022-2023", dir);
        // Then it stops at the row with the trajectory meant
        assertEquals(1, result.exitCode(), result.err());
        Shell.assertThat(result).errContains("thresholds.csv:9: trajectory: traject 'OK2_MEDEWERKER_DAKWERKEM' bestaat niet in de batch "
                + "(trajectories); bedoelt u 'OK2_MEDEWERKER_DAKWERKEN'?");
    }
}
