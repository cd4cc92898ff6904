package be.serv.advies.load;

import be.serv.advies.cli.Shell;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property: whatever is done to a batch file, {@code evaluate} ends either with results (exit 0, all
 * three files) or with located messages and exit 2 (exit 1 when the damage leaves the thresholds naming
 * a code the batch lacks) — never a stack trace, never a partial output
 * folder. Every kind of damage is tried on every table (deterministic), then random combinations
 * from fixed seeds (bounded: {@link #RANDOM_TRIES} runs), so a failure names its seed and replays.
 */
class MutatedBatchTest {
    static final int RANDOM_TRIES = 40;
    static final Pattern LOCATED = Pattern.compile("^[\\w.-]+\\.(csv|json)(:\\d+(:[\\w]+)?)?: .+");
    static final List<String> FILES = List.of("applications.csv", "capacity.csv", "partnerships.csv", "shortages.csv",
            "trajectories.csv");

    @TempDir
    static Path tmp;
    static Path rules;

    @BeforeAll
    static void rules() {
        rules = TestRules.copyTo(tmp.resolve("rules"));
    }

    enum Damage { CUT_LINE, WRONG_SEPARATOR, STRAY_QUOTE, INVALID_UTF8, HUGE_NUMBER, EMPTY_FILE, BOM_IN_MIDDLE, LONG_CELL, DROP_LINE, BINARY }

    static byte[] damage(byte[] original, Damage d, Random r) {
        String text = new String(original, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = 1 + r.nextInt(Math.max(1, lines.size() - 2));
        String l = lines.get(line);
        switch (d) {
            case CUT_LINE -> lines.set(line, l.substring(0, r.nextInt(Math.max(1, l.length()))));
            case WRONG_SEPARATOR -> lines.set(line, l.replace(';', ','));
            case STRAY_QUOTE -> {
                int at = r.nextInt(l.length() + 1);
                lines.set(line, l.substring(0, at) + '"' + l.substring(at));
            }
            case HUGE_NUMBER -> lines.set(line, l.replaceAll("(?<=;)\\d+(?=;|$)", "99999999999999999999"));
            case EMPTY_FILE -> { return new byte[0]; }
            case BOM_IN_MIDDLE -> {
                int at = r.nextInt(l.length() + 1);
                lines.set(line, l.substring(0, at) + '\uFEFF' + l.substring(at));
            }
            case LONG_CELL -> {
                int at = l.indexOf(';') < 0 ? l.length() : l.indexOf(';');
                lines.set(line, l.substring(0, at) + "x".repeat(10_000) + l.substring(at));
            }
            case DROP_LINE -> lines.remove(r.nextInt(lines.size()));
            case INVALID_UTF8, BINARY -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] b = original;
                int at = r.nextInt(b.length + 1);
                out.write(b, 0, at);
                if (d == Damage.INVALID_UTF8) out.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                else out.writeBytes(new byte[]{0, 1, 2, 0, (byte) 0x89, 'P', 'N', 'G'});
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Runs evaluate on the small batch with one file damaged and checks the property. */
    static void check(String file, Damage d, long seed) throws Exception {
        Path dir = tmp.resolve("run-" + file + "-" + d + "-" + seed);
        TestRules.copyBatch(Path.of("src/test/resources/batches/small"), dir.resolve("batch"));
        Path f = dir.resolve("batch").resolve(file);
        Files.write(f, damage(Files.readAllBytes(f), d, new Random(seed)));
        Path out = dir.resolve("out");
        Shell.Result r = shell("evaluate", dir.resolve("batch").toString(), "--rules", rules.toString(), "--out", out.toString());
        String what = file + " " + d + " seed " + seed + "\n--- err:\n" + r.err();
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("onverwachte fout"), "stack trace: " + what);
        if (r.exitCode() == 0) {
            for (String o : List.of("annex.json", "annex.csv", "summary.json")) assertTrue(Files.exists(out.resolve(o)), o + ": " + what);
            return;
        }
        // A damaged code can leave a batch that reads but lacks a partnership or trajectory the thresholds
        // name: the rules are then refused (exit 1) at the thresholds row, just as located.
        assertTrue(r.exitCode() == 2 || r.exitCode() == 1 && r.err().startsWith("thresholds.csv:"), what);
        assertFalse(Files.exists(out), "partial output: " + what);
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.size() >= 2, what);
        for (String l : lines.subList(0, lines.size() - 1)) {
            if (!LOCATED.matcher(l).matches()) fail("not a file:row:column message: '" + l + "' in " + what);
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("advies: "), what);
    }

    @TestFactory
    Stream<DynamicTest> everyDamageOnEveryTable() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (Damage d : Damage.values()) {
                tests.add(DynamicTest.dynamicTest(file + " " + d, () -> check(file, d, 1)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomDamageFromFixedSeeds() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed = 100; seed < 100 + RANDOM_TRIES; seed++) {
            Random r = new Random(seed);
            String file = FILES.get(r.nextInt(FILES.size()));
            Damage d = Damage.values()[r.nextInt(Damage.values().length)];
            long s = seed;
            tests.add(DynamicTest.dynamicTest("seed " + seed + ": " + file + " " + d, () -> check(file, d, s)));
        }
        return tests.stream();
    }
}
