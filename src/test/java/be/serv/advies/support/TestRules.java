package be.serv.advies.support;

import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import be.serv.advies.testing.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Copies of the shipped rules (rules/**) for tests: with thresholds chosen by a test, so a criterion's
 * test states its own figures and does not depend on the numbers the sectors happen to ship, or with
 * the test thresholds of src/test/resources/perf/thresholds.csv; and copies of batch folders, so tests
 * can add or change files freely.
 */
public final class TestRules {
    public static final String HEADER = "partnership;trajectory;province;max_providers;min_students_per_provider;"
            + "min_free_workplaces;room_for_schools;sector_chooses;min_expected_students;limited_offer_providers;"
            + "min_partner_companies;same_text_similarity;note\n";
    /** Defaults the criterion tests reason with. */
    public static final String DEFAULTS = HEADER + "*;*;*;6;3;2;;nee;4;2;2;80;test defaults\n";

    private TestRules() {
    }

    /** Copies the shipped rules to a temporary folder and writes the given thresholds.csv there. */
    public static Path copyWithThresholds(String thresholdsCsv) {
        try {
            Path dir = TempDirs.create("advies-rules-");
            Path src = Path.of("rules");
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path to = dir.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(dir.resolve("thresholds.csv"), thresholdsCsv);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Map<String, RuleSet> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Compiled once per thresholds text for the whole test run: compiling is the slow part. */
    public static RuleSet load(String thresholdsCsv) {
        return LOADED.computeIfAbsent(thresholdsCsv, TestRules::compile);
    }

    private static RuleSet compile(String thresholdsCsv) {
        try {
            return RuleSet.load(copyWithThresholds(thresholdsCsv));
        } catch (RuleSetException e) {
            throw new AssertionError("shipped rules do not load: " + e.problems(), e);
        }
    }

    /** Copies the shipped rules into target, with the test thresholds (src/test/resources/perf/thresholds.csv). */
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
