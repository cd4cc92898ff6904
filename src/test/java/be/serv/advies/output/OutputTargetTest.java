package be.serv.advies.output;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code --out} that cannot hold the result as one unit is refused as bad input before any work;
 * folders get the umask's mode like any other; what a killed run left beside the target is removed.
 */
class OutputTargetTest {
    static final String SMALL = "src/test/resources/batches/small";
    @TempDir
    Path tmp;
    String rules;

    @BeforeEach
    void rules() {
        rules = TestRules.copyWithThresholds(TestRules.DEFAULTS).toString();
    }

    @Test
    void theRootIsRefused() {
        assertThat(shell("evaluate", SMALL, "--out", "/", "--rules", rules)).exitedWith(ExitCodes.INPUT)
                .errContains("advies: --out /: is de hoofdmap van het bestandssysteem").errHasNo("Exception");
    }

    @Test
    void anEmptyOutIsRefused() {
        assertThat(shell("evaluate", SMALL, "--out", "", "--rules", rules)).exitedWith(ExitCodes.INPUT)
                .errContains("de uitvoermap is leeg").errHasNo("Exception");
    }

    @Test
    void aFileIsRefusedAndKept() throws IOException {
        // Given a file where the folder should be
        Path file = Files.writeString(tmp.resolve("out"), "mine");
        // When / Then
        assertThat(shell("evaluate", SMALL, "--out", file.toString(), "--rules", rules)).exitedWith(ExitCodes.INPUT)
                .errContains("bestaat al en is geen map");
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aFolderWithOtherFilesIsRefusedAndKept() throws IOException {
        // Given a folder holding someone's notes: replacing the folder as a whole would lose them
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("notities.txt"), "mine");
        // When / Then
        assertThat(shell("evaluate", SMALL, "--out", out.toString(), "--rules", rules)).exitedWith(ExitCodes.INPUT)
                .errContains("bevat andere bestanden dan een vorig resultaat (notities.txt)");
        assertEquals(List.of("notities.txt"), Files.list(out).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void theReportRefusesTheSameTargets() {
        assertThat(shell("report", SMALL, "--out", "/", "--rules", rules)).exitedWith(ExitCodes.INPUT)
                .errContains("is de hoofdmap van het bestandssysteem");
    }

    @Test
    void foldersGetTheUmasksModeLikeAnyOther() throws IOException {
        // Given the mode this process gives a new folder (the umask applied)
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("usual")));
        // When evaluate creates its output folder and the folder above it
        Path out = tmp.resolve("new").resolve("out");
        assertThat(shell("evaluate", SMALL, "--out", out.toString(), "--rules", rules)).succeeded();
        // Then both have that mode (not 0700 whatever the umask)
        assertEquals(usual, Files.getPosixFilePermissions(out));
        assertEquals(usual, Files.getPosixFilePermissions(out.getParent()));
    }

    @Test
    void leftoversOfKilledRunsAreRemovedAndAMissingResultPutBack() throws Exception {
        // Given what runs killed mid-output leave (pid 2^22+1 runs nowhere: above Linux's pid limit):
        // a staging folder, a half-deleted old set, and an old set moved aside with the target missing
        Path out = tmp.resolve("out");
        assertThat(shell("evaluate", SMALL, "--out", out.toString(), "--rules", rules)).succeeded();
        String hash = OutputSets.inputHashOfWholeSet(out);
        Path aside = tmp.resolve(".out.old-4194305-abc");
        Files.move(out, aside);
        Files.createDirectory(tmp.resolve(".out.tmp-4194305-def"));
        Files.writeString(tmp.resolve(".out.tmp-4194305-def").resolve("annex.json"), "{\"half\":");
        Files.createDirectory(tmp.resolve(".out.del-4194305-123"));
        // When the next run starts its output step
        AtomicOutput.recover(out);
        // Then the old set is back whole and nothing else is left
        assertEquals(hash, OutputSets.inputHashOfWholeSet(out));
        assertEquals(List.of(), OutputSets.leftovers(out));
    }

    @Test
    void theFoldersOfARunThatStillRunsAreLeftAlone() throws Exception {
        // Given a staging folder named for this (running) process
        Path out = tmp.resolve("out");
        Path live = Files.createDirectory(tmp.resolve(".out.tmp-" + ProcessHandle.current().pid() + "-live"));
        // When
        AtomicOutput.recover(out);
        // Then
        assertTrue(Files.isDirectory(live));
        assertFalse(Files.exists(out));
    }
}
