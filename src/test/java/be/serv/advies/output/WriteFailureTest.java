package be.serv.advies.output;

import be.serv.advies.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Results that cannot be written end with their own exit status (4), not with 2, which says the input
 * is bad; a symbolic link given as {@code --out} is followed, and the link stays a link.
 */
class WriteFailureTest {
    static final Path BATCH = Path.of("fixtures/2022-2023");

    @TempDir
    Path tmp;

    @Test
    void aFolderNoOneMayWriteInEndsWithTheWriteStatus() {
        // Given an output folder inside /proc, where no process (not even root) may make a folder
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        Path out = Path.of("/proc/advies-out");
        // When evaluated
        var r = shell("evaluate", BATCH.toString(), "--out", out.toString());
        // Then exit 4, said in Dutch, and nothing there
        assertThat(r).exitedWith(ExitCodes.WRITE).errContains("advies: kan niet schrijven naar /proc/advies-out: ")
                .errContains("er is niets geschreven").errHasNo("Exception");
        assertFalse(Files.exists(out));
    }

    @Test
    void theWriteStatusDiffersFromBadInput() {
        // The documented statuses: a script tells "fix the batch" from "fix the disk"
        assertEquals(2, ExitCodes.INPUT);
        assertEquals(4, ExitCodes.WRITE);
        assertThat(shell("--help")).outContains("4 schrijven mislukt");
    }

    @Test
    void aSymlinkAsOutIsFollowedAndStaysALink() throws Exception {
        // Given --out a symbolic link to an existing empty folder
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        // When evaluated twice (the second replaces the first result)
        assertThat(shell("evaluate", BATCH.toString(), "--out", link.toString())).succeeded();
        assertThat(shell("evaluate", BATCH.toString(), "--out", link.toString())).succeeded();
        // Then the results are where the link points, and the link is still a link to it
        assertTrue(Files.isSymbolicLink(link), "the link was replaced");
        assertEquals(real, Files.readSymbolicLink(link));
        assertTrue(Files.exists(real.resolve("annex.json")));
    }

    @Test
    void aSymlinkToNothingIsRefused() throws Exception {
        // Given --out a link to a folder that does not exist
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("gone"));
        // When / Then refused as a bad argument, the link left alone
        assertThat(shell("evaluate", BATCH.toString(), "--out", link.toString())).exitedWith(ExitCodes.INPUT)
                .errContains("is een symbolische koppeling naar een map die niet bestaat");
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(tmp.resolve("gone")));
    }
}
