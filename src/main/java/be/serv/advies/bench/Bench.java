package be.serv.advies.bench;

import be.serv.advies.engine.Evaluation;
import be.serv.advies.engine.Evaluator;
import be.serv.advies.generate.BatchGenerator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Batch;
import be.serv.advies.output.AtomicOutput;
import be.serv.advies.rules.RuleBaseCache;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Drafter;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The figures issue 6 asks for, printed with the machine they were measured on: compiling versus
 * reading the rule cache, evaluation time per application at growing sizes and heap ({@link ColdStart} times whole processes).
 * Warm figures are medians of repeated runs after warm-up runs in this process.
 */
public final class Bench {
    private final PrintWriter out;
    private final Path rulesDir;

    public Bench(PrintWriter out, Path rulesDir) {
        this.out = Objects.requireNonNull(out, "out");
        this.rulesDir = Objects.requireNonNull(rulesDir, "rulesDir");
    }

    public static String machine() {
        long physical = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        // The collector changes the warm figures by a fifth or more on 2 cores, so it is named with them.
        String collector = String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        return String.format(Locale.ROOT, "%d cores, %s RAM, heap max %s, Java %s (%s), %s %s, collector %s",
                Runtime.getRuntime().availableProcessors(), mb(physical), mb(Runtime.getRuntime().maxMemory()),
                Runtime.version(), System.getProperty("java.vm.vendor"), System.getProperty("os.name"),
                System.getProperty("os.arch"), collector);
    }

    /** Compiling the rules against reading them back from the cache, in this (warm) process. */
    public void rules(int runs) throws RuleSetException, IOException {
        Path cacheDir = Files.createTempDirectory("advies-bench-cache");
        try {
            RuleBaseCache cache = RuleBaseCache.at(cacheDir);
            RuleSet.load(rulesDir, cache); // warm-up and fills the cache
            long[] compile = new long[runs];
            long[] cached = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                RuleSet.load(rulesDir, RuleBaseCache.off());
                compile[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                RuleSet r = RuleSet.load(rulesDir, cache);
                cached[i] = System.nanoTime() - t0;
                if (r.cacheOutcome() != RuleBaseCache.Outcome.HIT) throw new IllegalStateException("cache not hit: " + r.cacheOutcome());
            }
            out.printf(Locale.ROOT, "rules     compile %7.1f ms   from cache %7.1f ms   (median of %d, warm process)%n",
                    median(compile) / 1e6, median(cached) / 1e6, runs);
        } finally {
            delete(cacheDir);
        }
    }

    /** One row per size: load, engine, drafts, heap. */
    public void scale(int[] sizes, long seed, int runs, int partitions) throws Exception {
        RuleSet rules = RuleSet.load(rulesDir);
        out.printf(Locale.ROOT, "%8s %8s %9s %9s %9s %9s %8s %9s%n", "apps", "load ms", "engine ms",
                "drafts ms", "total ms", "cpu ms", "us/app", "peak heap");
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("advies-bench-" + n);
            try {
                AtomicOutput o = new AtomicOutput(dir.resolve("batch"));
                BatchGenerator.generate(n, seed).forEach(o::add);
                o.commit();
                long t0 = System.nanoTime();
                Batch batch = Evaluator.resolveShortages(BatchLoader.load(dir.resolve("batch")), rules);
                long load = System.nanoTime() - t0;
                Evaluator.Options options = Evaluator.Options.findingsOnly(partitions);
                Drafter drafter = new Drafter(rules.precedence());
                int warmups = Math.max(1, Math.min(5, 200_000 / n));
                List<Advice> advices = null;
                for (int i = 0; i < warmups; i++) advices = drafter.draftAll(batch, Evaluator.evaluate(rules, batch, options));
                long[] engine = new long[runs];
                long[] drafts = new long[runs];
                long[] cpu = new long[runs];
                resetPeaks();
                for (int i = 0; i < runs; i++) {
                    // A command evaluates once: the previous run's drafts are not kept alive under this one.
                    advices = null;
                    long c0 = cpuTime();
                    t0 = System.nanoTime();
                    Evaluation e = Evaluator.evaluate(rules, batch, options);
                    long t1 = System.nanoTime();
                    advices = drafter.draftAll(batch, e);
                    long t2 = System.nanoTime();
                    cpu[i] = cpuTime() - c0;
                    engine[i] = t1 - t0;
                    drafts[i] = t2 - t1;
                }
                long heap = peakHeap();
                long total = median(sum(engine, drafts));
                out.printf(Locale.ROOT, "%8d %8.0f %9.0f %9.0f %9.0f %9.0f %8.2f %9s%n", n, load / 1e6,
                        median(engine) / 1e6, median(drafts) / 1e6, total / 1e6, median(cpu) / 1e6, total / 1e3 / n, mb(heap));
                out.flush();
            } finally {
                delete(dir);
            }
        }
    }

    /** CPU time of the whole process (all threads, GC included): a figure other load on the machine does not inflate. */
    private static long cpuTime() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) s[i] = a[i] + b[i];
        return s;
    }

    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%d MB", bytes / (1024 * 1024));
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }
}
