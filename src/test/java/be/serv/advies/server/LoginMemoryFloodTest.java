package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 1: failed logins with huge unique names made the throttle keep every name (heap 47 → 340 MB,
 * then 500 OutOfMemoryError), and the 401 page echoed the whole name. The attack, again: 500 unique
 * 100 KB names (and a few of 1.5 MB), 16 at a time. What the server keeps is asserted as a count of
 * entries; the heap it uses is measured by {@link LoginFloodBenchmark}.
 */
class LoginMemoryFloodTest {
    @TempDir
    Path tmp;

    @Test
    void hugeUniqueNamesLeaveSessionsAndThrottleBoundedAndAreNeverAnError() throws Exception {
        // Behind the proxy, so the attacker's address and anna's differ as they would in real use
        ServerOptions behindProxy = ReviewFixture.quiet().withPublicUrl(URI.create("https://advies.test/"));
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, behindProxy, "anna")) {
            // Given a server where the attacker's address failed once
            LoginAttacker attacker = new LoginAttacker(fx.base);
            attacker.login("anna", "fout", ATTACKER).get();

            // When 500 unique 100 KB names and 10 of 1.5 MB fail to log in
            Map<Integer, Integer> statuses = new TreeMap<>();
            boolean echoed = false;
            int attempts = 510;
            for (int from = 0; from < attempts; from += 16) {
                List<CompletableFuture<HttpResponse<String>>> wave = new ArrayList<>();
                for (int i = from; i < Math.min(attempts, from + 16); i++) {
                    // the test keeps no name: what stays on the heap is what the server kept
                    wave.add(attacker.login(name(i, i < 500 ? 100_000 : 1_500_000), "fout", ATTACKER));
                }
                for (CompletableFuture<HttpResponse<String>> f : wave) {
                    HttpResponse<String> r = f.get();
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    echoed |= r.body().contains("x".repeat(200));
                }
            }
            System.out.printf("[flood] 510 huge names: answers %s; sessions %d; throttle entries %d%n",
                    statuses, fx.server.sessionCount(), fx.server.throttleEntries());

            // Then every answer is 401, 413 or 429 (never 500), the name is not echoed, and nothing piles up
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 401 || s == 413 || s == 429), statuses::toString);
            assertFalse(echoed, "a page showed back a long name");
            assertEquals(0, fx.server.sessionCount());
            assertTrue(fx.server.throttleEntries() <= 3, "entries (anna, the one address and the pair of them): " + fx.server.throttleEntries());

            // And the attacker's address is closed, while anna signs in from hers
            assertEquals(429, attacker.login("anna", ReviewFixture.PASSWORD, ATTACKER).get().statusCode());
            WebClient anna = fx.client();
            anna.forwardedFor = "198.51.100.7";
            anna.login("anna", ReviewFixture.PASSWORD).expect(303);
            anna.get("/").expect(200);
        }
    }

    static final String ATTACKER = "203.0.113.9";

    private static String name(int i, int length) {
        String prefix = "n" + i + "-";
        return prefix + "x".repeat(length - prefix.length());
    }
}
