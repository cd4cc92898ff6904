package be.serv.advies.bench;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.model.Batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Whole-process cold starts of the commands people repeat, run the way a user runs them: through
 * the launcher ({@code bin/advies}, which passes its own path as {@code advies.launcher}) when there
 * is one, otherwise with this Java and the launcher's settings for short commands. Each command runs
 * {@code runs} times with its rules already in the rule cache, then {@code evaluate} and {@code test}
 * run after a rule edit (a DRL file changed before every run, so the rules compile and the cache is
 * written, as after a real edit). Wall time is what a user waits; the processes' CPU time is printed
 * beside it because a shared machine inflates the first and much less the second.
 */
public final class ColdStart {
    /** The launchers' Java settings (bin/advies.jvm), read here when no launcher is known. */
    static final String JVM_SETTINGS = "advies.jvm";

    private final PrintWriter out;
    private final Path rulesDir;
    private final Path batchDir;
    private final List<String> javaOptions;

    public ColdStart(PrintWriter out, Path rulesDir, Path batchDir, List<String> javaOptions) {
        this.out = Objects.requireNonNull(out, "out");
        this.rulesDir = Objects.requireNonNull(rulesDir, "rulesDir");
        this.batchDir = Objects.requireNonNull(batchDir, "batchDir");
        this.javaOptions = List.copyOf(javaOptions);
    }

    /** One measured command: its arguments, and the target the issue sets for it. */
    public record Step(String label, List<String> args, String target) {
    }

    /**
     * The commands measured with unchanged rules: evaluate, validate, test, explain (of the batch's
     * first application) and diff between the rules and an edited copy.
     */
    public static List<Step> unchanged(Path batchDir, String applicationId, Path rules, Path edited, Path out) {
        return List.of(
                new Step("evaluate", List.of("evaluate", batchDir.toString(), "--rules", rules.toString(), "--out", out.toString()), "1.0"),
                new Step("validate", List.of("validate", "--rules", rules.toString()), "1.0"),
                new Step("test", List.of("test", "--rules", rules.toString()), "1.0"),
                new Step("explain", List.of("explain", batchDir.toString(), applicationId, "--rules", rules.toString()), "1.0"),
                new Step("diff", List.of("diff", batchDir.toString(), "--rules", rules.toString(), "--against", edited.toString()), "2.0"));
    }

    /** The commands measured after a rule edit (the edited copy changes before every run). */
    public static List<Step> afterEdit(Path batchDir, Path edited, Path out) {
        return List.of(
                new Step("evaluate", List.of("evaluate", batchDir.toString(), "--rules", edited.toString(), "--out", out.toString()), "2.5"),
                new Step("test", List.of("test", "--rules", edited.toString()), "2.5"));
    }

    public void run(int runs) throws IOException, InterruptedException, InvalidInputException {
        Batch batch = BatchLoader.load(batchDir);
        if (batch.getApplications().isEmpty()) throw new IOException("no applications in " + batchDir);
        String first = batch.getApplications().get(0).getId();
        Path work = Files.createTempDirectory("advies-bench-cold");
        try {
            Path cache = Files.createDirectories(work.resolve("cache"));
            Path edited = work.resolve("rules-edited");
            copy(rulesDir, edited);
            Path drl = editable(edited);
            // diff compares two different rule sets, each in the cache after its first run.
            Files.writeString(drl, "\n// bench edit\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Path outDir = work.resolve("out");
            String loadBefore = load();
            out.printf(Locale.ROOT, "cold start %s, %s; whole processes, median of %d (wall = what a user waits, cpu = all threads)%n",
                    batchDir, launcher() != null ? "through " + launcher() : "java " + String.join(" ", shortCommandOptions()), runs);
            List<Step> steps = unchanged(batchDir.toAbsolutePath(), first, rulesDir.toAbsolutePath(), edited, outDir);
            for (Step s : steps) process(s.args(), cache); // fills the rule cache for both folders
            for (Step s : steps) report(s, "rules unchanged", measure(s, runs, cache, null));
            for (Step s : afterEdit(batchDir.toAbsolutePath(), edited, outDir)) {
                report(s, "after a rule edit", measure(s, runs, cache, drl));
            }
            out.printf(Locale.ROOT, "  load average before %s, after %s (%d cores)%n", loadBefore, load(),
                    Runtime.getRuntime().availableProcessors());
            out.flush();
        } finally {
            Bench.delete(work);
        }
    }

    private long[][] measure(Step step, int runs, Path cache, Path editFile) throws IOException, InterruptedException {
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            if (editFile != null) {
                // A changed file is a changed rule set: the rules compile and a new cache entry is written.
                Files.writeString(editFile, "\n// bench edit " + System.nanoTime() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            long[] r = process(step.args(), cache);
            wall[i] = r[0];
            cpu[i] = r[1];
        }
        return new long[][] {wall, cpu};
    }

    private void report(Step step, String when, long[][] figures) {
        long cpu = Bench.median(figures[1]);
        out.printf(Locale.ROOT, "  %-9s %-18s %6.2f s   cpu %s   (target <= %s s)%n", step.label(), when,
                Bench.median(figures[0]) / 1e9, cpu < 0 ? "?" : String.format(Locale.ROOT, "%5.2f s", cpu / 1e9), step.target());
        out.flush();
    }

    /** Wall and CPU nanoseconds of one whole process; CPU is -1 where the system does not say. */
    private long[] process(List<String> args, Path cache) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String launcher = launcher();
        if (launcher != null) {
            command.add(launcher);
        } else {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(shortCommandOptions());
            Path jsa = archiveBesideJar();
            if (jsa != null) command.add("-XX:SharedArchiveFile=" + jsa);
            command.addAll(javaOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "be.serv.advies.cli.AdviesCommand"));
        }
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("ADVIES_CACHE", cache.toString());
        if (launcher != null && !javaOptions.isEmpty()) pb.environment().put("ADVIES_JAVA_OPTS", String.join(" ", javaOptions));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long c0 = childrenCpu();
        long t0 = System.nanoTime();
        int code = pb.start().waitFor();
        long t = System.nanoTime() - t0;
        long c1 = childrenCpu();
        if (code != 0) throw new IOException(args.get(0) + " exited " + code + ": " + String.join(" ", command));
        return new long[] {t, c0 < 0 || c1 < 0 ? -1 : c1 - c0};
    }

    /** The settings the launchers give every short command: the lines {@code all} and {@code short} of bin/advies.jvm. */
    public static List<String> shortCommandOptions() throws IOException {
        Path file = Path.of("bin", JVM_SETTINGS);
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq < 0) continue;
            String kind = line.substring(0, eq);
            if (!kind.equals("all") && !kind.equals("short")) continue;
            for (String option : line.substring(eq + 1).strip().split("\\s+")) if (!option.isEmpty()) options.add(option);
        }
        return options;
    }

    /** The launcher bin/advies names when it starts this JVM; null when started otherwise. */
    static String launcher() {
        String l = System.getProperty("advies.launcher");
        return l != null && !l.isBlank() && Files.isExecutable(Path.of(l)) ? l : null;
    }

    private static Path archiveBesideJar() {
        String cp = System.getProperty("java.class.path", "");
        String first = cp.split(java.io.File.pathSeparator, 2)[0];
        if (!first.endsWith(".jar")) return null;
        Path jsa = Path.of(first).resolveSibling("advies.jsa");
        return Files.isRegularFile(jsa) ? jsa : null;
    }

    /**
     * CPU time of this process's finished children (Linux: cutime + cstime of /proc/self/stat, in
     * clock ticks of 10 ms); -1 elsewhere.
     */
    static long childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command name: state is field 3 of the whole line, cutime 16 and cstime 17.
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The first DRL file of the copy: where the bench's edits go (a comment, so the advice stays the same). */
    private static Path editable(Path rules) throws IOException {
        try (Stream<Path> s = Files.walk(rules)) {
            return s.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no .drl file in " + rules));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
