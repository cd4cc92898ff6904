package be.serv.advies.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Only regular files are read, checked before they are opened (a FIFO would block, a device never
 * end); a file that cannot be read says why, in Dutch; a UTF-8 error is named on its own line.
 */
class InputFileKindsTest extends OnShippedCopy {
    private void fifo(Path p) throws Exception {
        Files.delete(p);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
    }

    @Test
    void aFifoNamedApplicationsCsvIsRefusedWithoutBlocking() throws Exception {
        // Given applications.csv replaced by a named pipe nobody writes to
        fifo(copy.file("applications.csv"));
        // When / Then: refused at once (opening it would wait forever)
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                copy.refused("applications.csv: is geen gewoon bestand (maar bv. een pipe of apparaat) en wordt niet gelezen"));
    }

    @Test
    void aFifoNamedBatchJsonIsRefusedWithoutBlocking() throws Exception {
        // Given batch.json replaced by a named pipe
        fifo(copy.file("batch.json"));
        // When / Then
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                copy.refused("batch.json: is geen gewoon bestand (maar bv. een pipe of apparaat) en wordt niet gelezen"));
    }

    @Test
    void aDeviceAsCapacityCsvIsRefusedAtOnce() throws Exception {
        // Given capacity.csv a link to /dev/zero (an endless stream of zero bytes)
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Files.delete(copy.file("capacity.csv"));
        Files.createSymbolicLink(copy.file("capacity.csv"), Path.of("/dev/zero"));
        // When / Then
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                copy.refused("capacity.csv: is geen gewoon bestand (maar bv. een pipe of apparaat) en wordt niet gelezen"));
    }

    @Test
    void aFolderNamedLikeATableIsNamedAsAFolder() throws Exception {
        // Given shortages.csv a folder
        Files.delete(copy.file("shortages.csv"));
        Files.createDirectory(copy.file("shortages.csv"));
        // When / Then
        copy.refused("shortages.csv: is een map, geen bestand");
    }

    @Test
    void anUnreadableFileGivesTheSystemsReasonInDutch() throws Exception {
        // Given applications.csv without read permission (root reads it anyway, so this needs another user)
        Path file = copy.file("applications.csv");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        assumeTrue(!Files.isReadable(file), "running as root: permissions do not stop reading");
        // When / Then
        copy.refused("applications.csv: kan niet gelezen worden: geen toestemming om te lezen of te schrijven (toegang geweigerd)");
    }

    @Test
    void theSystemsReasonsAreSaidInDutch() {
        // Given the exceptions Java raises for a refused or failed read / When / Then
        assertEquals("geen toestemming om te lezen of te schrijven (toegang geweigerd)",
                InputFiles.reason(new AccessDeniedException("/x/applications.csv")));
        assertEquals("de schijf is vol", InputFiles.reason(new FileSystemException("/x/annex.json", null, "No space left on device")));
        assertEquals("lees- of schrijffout van de schijf", InputFiles.reason(new FileSystemException("/x", null, "Input/output error")));
        assertEquals("het systeem meldt: Stale file handle", InputFiles.reason(new FileSystemException("/x", null, "Stale file handle")));
    }

    @Test
    void anInvalidUtf8SequenceIsNamedOnItsOwnLine() throws Exception {
        // Given an overlong encoding (C0 80) and a lone surrogate (ED A0 80) in the text on line 100
        byte[] csv = Files.readAllBytes(copy.file("applications.csv"));
        int line = 1;
        int at = 0;
        while (line < 100) if (csv[at++] == '\n') line++;
        int end = at;
        while (csv[end] != ';') end++;
        byte[] damaged = new byte[csv.length + 5];
        System.arraycopy(csv, 0, damaged, 0, end);
        byte[] bad = {(byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        System.arraycopy(bad, 0, damaged, end, bad.length);
        System.arraycopy(csv, end, damaged, end + bad.length, csv.length - end);
        Files.write(copy.file("applications.csv"), damaged);
        // When
        var r = copy.refused("applications.csv:100:10: geen geldige UTF-8-tekst; het bestand wordt niet gelezen");
        // Then only that line is named for it
        assertEquals(1, r.err().lines().filter(l -> l.contains("UTF-8")).count(), r.err());
        assertEquals(new String(csv, StandardCharsets.UTF_8).lines().count(), new String(damaged, StandardCharsets.UTF_8).lines().count());
    }
}
