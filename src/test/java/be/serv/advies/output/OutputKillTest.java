package be.serv.advies.output;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code evaluate} killed at each step of its output over an existing result leaves the complete old
 * set or the complete new set (told apart by the input hash inside every file), never a mix; the next
 * run puts an old set back that was moved aside, and removes what the killed run left.
 */
class OutputKillTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({"writing, old", "staged, old", "aside, old", "placed, new", "cleaning, new"})
    void aKillAtAnyStepLeavesTheOldSetOrTheNewSet(String step, String expected) throws Exception {
        // Given a result of batch A in out, and batch B (one figure changed, so another input hash)
        Path rules = TestRules.copyWithThresholds(TestRules.DEFAULTS);
        Path a = TestRules.copyBatch(Path.of("src/test/resources/batches/small"), tmp.resolve("a"));
        Path b = TestRules.copyBatch(a, tmp.resolve("b"));
        String capacity = Files.readString(b.resolve("capacity.csv"), StandardCharsets.UTF_8);
        Files.writeString(b.resolve("capacity.csv"), capacity.replace("Limburg,SENSE3_KAPPER,4,9,30", "Limburg,SENSE3_KAPPER,4,9,31"));
        Path out = tmp.resolve("out");
        assertThat(shell("evaluate", a.toString(), "--out", out.toString(), "--rules", rules.toString())).succeeded();
        String oldHash = OutputSets.inputHashOfWholeSet(out);

        // When evaluate of B into out is killed at the step
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KilledAtStep.class.getName(), step, "evaluate", b.toString(), "--out", out.toString(), "--rules", rules.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), said);
        assertTrue(said.contains("gestopt bij stap " + step), said);

        // Then the folder holds one whole set (when the kill came between the two renames, the folder is
        // missing until the next run puts the old set back: that is what the next run does first)
        if (!Files.exists(out)) {
            assertEquals("aside", step, "only a kill between the two renames leaves no folder");
            AtomicOutput.recover(out);
        }
        String hash = OutputSets.inputHashOfWholeSet(out);
        assertEquals(expected.equals("old") ? oldHash : hash, hash);
        if (expected.equals("new")) assertFalse(hash.equals(oldHash), "the new set has the new input hash");
        System.out.printf("[kill] at %-8s -> %s set, leftovers %s%n", step, expected, OutputSets.leftovers(out));

        // And the next run cleans up what the killed one left and writes the new set whole
        assertThat(shell("evaluate", b.toString(), "--out", out.toString(), "--rules", rules.toString())).succeeded();
        assertFalse(OutputSets.inputHashOfWholeSet(out).equals(oldHash));
        assertEquals(List.of(), OutputSets.leftovers(out));
    }
}
