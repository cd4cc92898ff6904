package be.serv.advies.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code bench --cold-start} times the commands people repeat: each command it times is one a user
 * can run on the shipped batch and rules, and ends well, so a figure is never the time of an error.
 */
class ColdStartCommandsTest {
    @Test
    void everyTimedCommandSucceedsOnTheShippedBatch(@TempDir Path tmp) throws Exception {
        // Given the shipped batch, the shipped rules and a second copy of them
        Path batch = Path.of("fixtures/2022-2023");
        Path rules = Path.of("rules");
        // When the bench lists what it times
        List<ColdStart.Step> unchanged = ColdStart.unchanged(batch, "2223-0001", rules, rules, tmp.resolve("out"));
        List<ColdStart.Step> edited = ColdStart.afterEdit(batch, rules, tmp.resolve("out2"));
        // Then the five repeated commands are timed, and evaluate and test after an edit
        assertEquals(List.of("evaluate", "validate", "test", "explain", "diff"), unchanged.stream().map(ColdStart.Step::label).toList());
        assertEquals(List.of("evaluate", "test"), edited.stream().map(ColdStart.Step::label).toList());
        // And when each is run as a user would
        for (ColdStart.Step s : unchanged) assertThat(shell(s.args().toArray(String[]::new))).succeeded();
        for (ColdStart.Step s : edited) assertThat(shell(s.args().toArray(String[]::new))).succeeded();
        // Then each ended with exit 0 (checked above) and evaluate wrote its annex
        assertEquals(true, Files.isRegularFile(tmp.resolve("out").resolve("annex.json")));
    }
}
