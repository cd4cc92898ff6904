package be.serv.advies.review;

import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The review database holds password hashes and unpublished decisions: only its owner may read it. */
class DatabaseFileModeTest {
    @TempDir
    Path tmp;

    @Test
    void aFreshDatabaseAndItsWalAndShmAreOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"));
        // Given a fresh database with a reviewer and a decision (so the write-ahead log exists)
        Path db = tmp.resolve("review.db");
        try (ReviewStore store = ReviewStore.open(db)) {
            store.addUser("anna", "-", Role.SECRETARIAAT, Set.of(), "");
            store.decide(new DraftSeen("A1", 0, Verdict.POSITIVE, List.of(), "r", "i"), Decision.Kind.CONFIRM, Verdict.POSITIVE, "", "anna");
            // Then, while it is open, stat shows -rw------- for the file, its -wal and its -shm
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path f = Path.of(db + suffix);
                String stat = stat(f);
                System.out.println("stat -c '%A %n': " + stat);
                assertEquals("-rw-------", stat.split(" ")[0], f.toString());
            }
        }
    }

    @Test
    void aLooserExistingDatabaseIsTightenedWhenOpened() throws Exception {
        assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"));
        Path db = tmp.resolve("review.db");
        ReviewStore.open(db).close();
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        ReviewStore.open(db).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    }

    /** The coreutils' own view where it exists, the JDK's otherwise. */
    private static String stat(Path f) throws Exception {
        try {
            Process p = new ProcessBuilder("stat", "-c", "%A %n", f.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0) return out;
        } catch (java.io.IOException noStat) {
            // fall through
        }
        return "-" + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)) + " " + f;
    }
}
