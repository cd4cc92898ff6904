package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 2: every login ran a slow PBKDF2 hash, so 150 parallel logins with unique names made a
 * signed-in page take seconds. The attack, again, from 100 addresses at once (behind the proxy, so
 * the per-address throttle does not help and the limit on concurrent password checks must): no more
 * checks run at once than the server allows, a login beyond them is refused before any hashing, and
 * a signed-in reviewer keeps working. How long her pages take under the flood is measured by
 * {@link LoginFloodBenchmark}, not here.
 */
class LoginCpuFloodTest {
    static final int WAVES = 2;
    static final int WAVE = 100;

    @TempDir
    Path tmp;

    @Test
    void loginsBeyondTheLimitAreRefusedBeforeHashingWhileASignedInPageAnswers() throws Exception {
        ServerOptions behindProxy = ReviewFixture.quiet().withPublicUrl(URI.create("https://advies.test/"));
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 40, behindProxy, "anna")) {
            // Given anna signed in
            WebClient anna = fx.client();
            anna.forwardedFor = "198.51.100.7";
            anna.login("anna", ReviewFixture.PASSWORD).expect(303);
            long checksBefore = fx.server.passwordChecksRun();

            // When 2 waves of 100 logins with unique names from 100 addresses arrive at once, while anna reads her work list
            LoginAttacker attacker = new LoginAttacker(fx.base);
            CompletableFuture<Map<Integer, Integer>> flood = CompletableFuture.supplyAsync(() -> {
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (int w = 0; w < WAVES; w++) attacker.wave(w * WAVE, WAVE).forEach((k, v) -> statuses.merge(k, v, Integer::sum));
                return statuses;
            });
            int pagesRead = 0;
            while (!flood.isDone() || pagesRead == 0) {
                anna.get("/").expect(200);
                pagesRead++;
            }
            Map<Integer, Integer> statuses = flood.get(60, TimeUnit.SECONDS);
            long checks = fx.server.passwordChecksRun() - checksBefore;
            System.out.printf("[login flood] %d logins: answers %s, %d password checks, at most %d at once; anna read %d pages%n",
                    WAVES * WAVE, statuses, checks, fx.server.passwordChecksAtOnceMost(), pagesRead);

            // Then every login was refused (401 after a check, 429 before one), some were refused before hashing,
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 401 || s == 429), statuses::toString);
            assertTrue(statuses.getOrDefault(429, 0) > 0, statuses::toString);
            // each password check answered exactly one 401, and no more ran at once than the server allows
            assertEquals(statuses.getOrDefault(401, 0).longValue(), checks, statuses::toString);
            assertTrue(fx.server.passwordChecksAtOnceMost() <= behindProxy.passwordChecks(),
                    "at most " + behindProxy.passwordChecks() + " at once, saw " + fx.server.passwordChecksAtOnceMost());
        }
    }
}
