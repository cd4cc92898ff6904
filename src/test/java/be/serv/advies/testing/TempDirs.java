package be.serv.advies.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary folders for helpers that outlive one test (copies of the rules compiled once for the
 * whole run, outputs shared by several tests), removed when the test JVM exits: a JUnit
 * {@code @TempDir} would be gone while they are still in use, and without this each run of the
 * suite left thousands of folders in the system's temporary folder.
 */
public final class TempDirs {
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempDirs::deleteAll, "test-temp-cleanup"));
    }

    private TempDirs() {
    }

    /** A new folder in the system's temporary folder, deleted with its content when the test JVM exits. */
    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            CREATED.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        for (Path dir : CREATED) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException | UncheckedIOException e) {
                // Best effort at exit: what cannot be removed (a file still open elsewhere) stays.
            }
        }
    }
}
