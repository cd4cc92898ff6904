package be.serv.advies.server;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Figures for the two login floods whose behaviour {@link LoginCpuFloodTest} and
 * {@link LoginMemoryFloodTest} assert: how long a signed-in reviewer's work list takes while waves of
 * 100 unique logins arrive, against a quiet server, and how much live heap 510 failed logins with
 * huge names leave behind. A program, not a test; it prints and asserts nothing. Run it as
 * {@code java -cp target/test-classes:target/classes:<deps> be.serv.advies.server.LoginFloodBenchmark [waves]}.
 */
public final class LoginFloodBenchmark {
    private LoginFloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int waves = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path tmp = Files.createTempDirectory("advies-login-flood");
        ServerOptions behindProxy = ReviewFixture.quiet().withPublicUrl(URI.create("https://advies.test/"));
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 40, behindProxy, "anna")) {
            WebClient anna = fx.client();
            anna.forwardedFor = "198.51.100.7";
            anna.login("anna", ReviewFixture.PASSWORD).expect(303);
            for (int i = 0; i < 10; i++) anna.get("/").expect(200);
            List<Long> quiet = times(anna, 200);

            LoginAttacker attacker = new LoginAttacker(fx.base);
            CompletableFuture<Map<Integer, Integer>> flood = CompletableFuture.supplyAsync(() -> {
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (int w = 0; w < waves; w++) attacker.wave(w * 100, 100).forEach((k, v) -> statuses.merge(k, v, Integer::sum));
                return statuses;
            });
            List<Long> flooded = new ArrayList<>();
            while (!flood.isDone()) flooded.addAll(times(anna, 1));
            System.out.printf("[login flood] %d logins in %d waves of 100: answers %s; work list p50 quiet %.1f ms, under flood %.1f ms "
                            + "(max %.1f ms, %d pages); load average %s%n", waves * 100, waves, flood.get(), median(quiet) / 1e3,
                    median(flooded) / 1e3, flooded.isEmpty() ? 0 : Collections.max(flooded) / 1e3, flooded.size(), loadAverage());

            String attacker2 = "203.0.113.9";
            long before = usedHeap();
            for (int from = 0; from < 510; from += 16) {
                List<CompletableFuture<?>> wave = new ArrayList<>();
                for (int i = from; i < Math.min(510, from + 16); i++) {
                    String prefix = "n" + i + "-";
                    wave.add(attacker.login(prefix + "x".repeat((i < 500 ? 100_000 : 1_500_000) - prefix.length()), "fout", attacker2));
                }
                for (CompletableFuture<?> f : wave) f.get();
            }
            long after = usedHeap();
            System.out.printf("[huge names] 510 failed logins with 100 KB and 1.5 MB names: live heap %d MB -> %d MB; "
                    + "throttle entries %d; sessions %d%n", before >> 20, after >> 20, fx.server.throttleEntries(), fx.server.sessionCount());
        }
    }

    /** Microseconds of each of {@code n} work-list requests. */
    private static List<Long> times(WebClient c, int n) throws Exception {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            c.get("/").expect(200);
            out.add((System.nanoTime() - start) / 1_000);
        }
        return out;
    }

    static long median(List<Long> xs) {
        if (xs.isEmpty()) return 0;
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Live heap after asking for collections; a benchmark's rough figure, never a test's threshold. */
    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
