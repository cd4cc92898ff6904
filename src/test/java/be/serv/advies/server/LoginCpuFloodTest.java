package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 2: every login ran a 600,000-iteration PBKDF2, so 150 parallel logins with unique names made a
 * signed-in page take seconds. The attack, again, from 100 addresses at once (behind the proxy, so the
 * per-address throttle does not help and the limit on concurrent password checks must): a signed-in
 * page must still answer within 1 s of its quiet time. The ratio is printed; the bound is loose.
 */
class LoginCpuFloodTest {
    @TempDir
    Path tmp;

    @Test
    void aSignedInPageStillAnswersWhile100LoginsArriveAtOnce() throws Exception {
        ServerOptions behindProxy = ReviewFixture.quiet().withPublicUrl(URI.create("https://advies.test/"));
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 40, behindProxy, "anna")) {
            // Given anna signed in, and the work list's time on a quiet server
            WebClient anna = fx.client();
            anna.forwardedFor = "198.51.100.7";
            anna.login("anna", ReviewFixture.PASSWORD).expect(303);
            for (int i = 0; i < 10; i++) anna.get("/").expect(200);
            List<Long> quiet = times(anna, 20);

            // When 100 logins with unique names from 100 addresses arrive at once, wave after wave
            LoginAttacker attacker = new LoginAttacker(fx.base);
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            AtomicInteger waves = new AtomicInteger();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            List<Long> refusalMillis = Collections.synchronizedList(new ArrayList<>());
            Thread flood = new Thread(() -> {
                while (flooding.get()) {
                    List<CompletableFuture<HttpResponse<String>>> wave = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        int n = counter.incrementAndGet();
                        long start = System.nanoTime();
                        wave.add(attacker.login("gast" + n, "raden" + n, "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255))
                                .whenComplete((r, e) -> {
                                    if (r != null && r.statusCode() == 429) refusalMillis.add((System.nanoTime() - start) / 1_000_000);
                                }));
                    }
                    for (CompletableFuture<HttpResponse<String>> f : wave) {
                        try {
                            statuses.merge(f.get().statusCode(), 1, Integer::sum);
                        } catch (Exception e) {
                            statuses.merge(-1, 1, Integer::sum);
                        }
                    }
                    waves.incrementAndGet();
                }
            });
            flood.start();
            Thread.sleep(300);
            List<Long> flooded = new ArrayList<>();
            while (waves.get() < 5 || flooded.size() < 20) flooded.addAll(times(anna, 1));
            flooding.set(false);
            flood.join();

            // Then the page answers within 1 s of its quiet time, the excess logins were refused at once, none failed
            long q = median(quiet);
            long f = median(flooded);
            System.out.printf("[login flood] %d logins in %d waves of 100: answers %s; work list p50 quiet %d ms, under flood %d ms (max %d ms), ratio %.1f; "
                            + "429 answered in p50 %d ms; load average %s%n", counter.get(), waves.get(), statuses, q, f, Collections.max(flooded),
                    (double) f / Math.max(1, q), median(refusalMillis), loadAverage());
            assertTrue(f - q < 1_000, "under flood the work list took " + f + " ms against " + q + " ms quiet");
            assertTrue(statuses.getOrDefault(429, 0) > 0, statuses::toString);
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 401 || s == 429), statuses::toString);
        }
    }

    private static List<Long> times(WebClient c, int n) throws Exception {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            c.get("/").expect(200);
            out.add((System.nanoTime() - start) / 1_000_000);
        }
        return out;
    }

    static long median(List<Long> xs) {
        if (xs.isEmpty()) return 0;
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
