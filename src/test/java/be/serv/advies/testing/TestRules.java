package be.serv.advies.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A private copy of the shipped rules folder with the test thresholds
 * (src/test/resources/perf/thresholds.csv), so tests can add or change rule files freely.
 */
public final class TestRules {
    private TestRules() {
    }

    public static Path copyTo(Path target) {
        Path source = Path.of("rules");
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : s.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else if (!p.getFileName().toString().equals("thresholds.csv")) Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(Path.of("src/test/resources/perf/thresholds.csv"), target.resolve("thresholds.csv"),
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder's files (one level) into target. */
    public static Path copyBatch(Path source, Path target) {
        try (Stream<Path> s = Files.list(source)) {
            Files.createDirectories(target);
            for (Path p : s.toList()) Files.copy(p, target.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
