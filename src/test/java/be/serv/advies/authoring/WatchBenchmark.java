package be.serv.advies.authoring;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures edit-to-result time of {@code advies test --watch}: from the moment a rule file is
 * written to the moment the cases' result is printed, over several edits in one running JVM.
 * Run: {@code java -cp target/test-classes:target/classes:<deps> be.serv.advies.authoring.WatchBenchmark [edits] [warm-ups]}.
 */
public final class WatchBenchmark {
    private WatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        // 0 measures watch mode as it was before the warm-up.
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : Watcher.WARM_UPS;
        Path dir = RulesCopy.shipped();
        long c0 = System.nanoTime();
        Watcher.once(dir, new PrintWriter(new StringWriter()));
        long coldMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c0);
        BlockingQueue<Long> done = new LinkedBlockingQueue<>();
        List<Long> rebuild = new ArrayList<>();
        try (Watcher w = new Watcher(dir)) {
            long w0 = System.nanoTime();
            w.warmUp(warmUps);
            long warmMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - w0);
            Thread t = new Thread(() -> {
                try {
                    w.loop(new PrintWriter(new StringWriter()), o -> {
                        rebuild.add(o.rebuildMillis());
                        done.add(System.nanoTime());
                    });
                } catch (Exception ignored) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            List<Long> editToResult = new ArrayList<>();
            Path file = dir.resolve("criteria/regional-oversupply.drl");
            for (int i = 0; i < edits; i++) {
                Thread.sleep(300);
                long t0 = System.nanoTime();
                Files.writeString(file, Files.readString(file) + "\n// bewerking " + i + "\n");
                Long t1 = done.poll(60, TimeUnit.SECONDS);
                if (t1 == null) throw new IllegalStateException("no result after edit " + i);
                editToResult.add(TimeUnit.NANOSECONDS.toMillis(t1 - t0));
            }
            System.out.println("cold build + cases (first run in this JVM): " + coldMs + " ms; then " + warmUps
                    + " silent warm-up rebuilds: " + warmMs + " ms");
            System.out.println("edit-to-result over " + edits + " edits: median " + median(editToResult) + " ms, min "
                    + Collections.min(editToResult) + " ms, max " + Collections.max(editToResult) + " ms " + editToResult);
            System.out.println("of which rebuild + cases: median " + median(rebuild) + " ms (the rest is the "
                    + Watcher.QUIET_MS + " ms quiet period and the file event)");
        }
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
