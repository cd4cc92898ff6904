package be.serv.advies.authoring;

import be.serv.advies.cli.Shell;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code report --previous} checks the rules against last year's batch as evaluate, diff and the
 * server check them against theirs: a row for a code only one year has is a warning naming the row,
 * a slip of a code last year had stops the report.
 */
class PreviousYearRowsTest {
    private static Path withRow(String row) throws Exception {
        Path dir = RulesCopy.shipped();
        Files.writeString(dir.resolve("thresholds.csv"), row + "\n", java.nio.file.StandardOpenOption.APPEND);
        return dir;
    }

    private static Shell.Result report(Path rules) throws Exception {
        return Shell.shell("report", "fixtures/2022-2023", "--previous", "fixtures/2021-2022",
                "--out", Files.createTempDirectory("advies-report").toString(), "--rules", rules.toString());
    }

    @Test
    void aRowForATrajectoryOnlyThisYearHasIsAWarningAboutLastYear() throws Exception {
        // Given a row for OK2_MEDEWERKER_DAKWERKEN, which 2022-2023 has and 2021-2022 does not
        Path dir = withRow("*;OK2_MEDEWERKER_DAKWERKEN;*;;;;;;;;;;dakwerken");
        // When the 2022-2023 report is made with 2021-2022 as the previous year
        var result = report(dir);
        // Then it is written, with a warning that names the row and the year it concerns
        Shell.assertThat(result).succeeded().errContains("--previous fixtures/2021-2022: thresholds.csv:9: waarschuwing: trajectory: "
                + "traject 'OK2_MEDEWERKER_DAKWERKEN' staat niet in de catalogus van deze batch (trajectories); "
                + "deze rij geldt dit jaar voor geen enkele aanvraag").errHasNo("bedoelt u");
    }

    @Test
    void aOneLetterSlipOfLastYearsTrajectoryStops() throws Exception {
        // Given a row for OK2_MEDEWERKER_RUWBOUX, one letter from a trajectory only 2021-2022 has
        Path dir = withRow("*;OK2_MEDEWERKER_RUWBOUX;*;;;;;;;;;;tikfout");
        // When the 2022-2023 report is made with 2021-2022 as the previous year
        var result = report(dir);
        // Then it stops at the row with last year's trajectory suggested
        assertEquals(1, result.exitCode(), result.err());
        Shell.assertThat(result).errContains("thresholds.csv:9: trajectory: traject 'OK2_MEDEWERKER_RUWBOUX' bestaat niet in de batch "
                + "(trajectories); bedoelt u 'OK2_MEDEWERKER_RUWBOUW'?");
    }
}
