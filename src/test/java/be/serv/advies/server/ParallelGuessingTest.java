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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stranger sends wrong passwords for a reviewer's name (names are in every decision history) from 20
 * addresses, wave after wave, while the reviewer signs in from her own: she gets in every time, and
 * the stranger's password checks stay within the stated bound — {@link LoginThrottle#NAME_BUDGET}
 * plus one per clean address. Every refusal carries Retry-After.
 */
class ParallelGuessingTest {
    @TempDir
    Path tmp;

    @Test
    void aStrangerFromTwentyAddressesNeitherKeepsTheOwnerOutNorGetsMoreChecksThanTheBound() throws Exception {
        ServerOptions options = ReviewFixture.quiet().withPublicUrl(URI.create("https://advies.test/"));
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, options, "anna")) {
            LoginAttacker stranger = new LoginAttacker(fx.base);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> retryAfter = new ArrayList<>();
            AtomicBoolean done = new AtomicBoolean();
            int[] sent = {0};
            // Given a stranger guessing anna's password from 20 addresses at once, wave after wave
            Thread guessing = new Thread(() -> {
                int wave = 0;
                while (!done.get() || wave < 10) {
                    List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
                    for (int i = 0; i < 20; i++) guesses.add(stranger.login("anna", "gok-" + wave + "-" + i, "10.1.0." + i));
                    for (CompletableFuture<HttpResponse<String>> g : guesses) {
                        HttpResponse<String> r = g.join();
                        synchronized (statuses) {
                            statuses.merge(r.statusCode(), 1, Integer::sum);
                            if (r.statusCode() == 429) retryAfter.add(r.headers().firstValue("Retry-After").orElse("ontbreekt"));
                            sent[0]++;
                        }
                    }
                    wave++;
                }
            });
            guessing.start();

            // When anna signs in five times from her own address meanwhile
            int in = 0;
            for (int i = 0; i < 5; i++) {
                WebClient anna = fx.client();
                anna.forwardedFor = "198.51.100.7";
                if (anna.login("anna", ReviewFixture.PASSWORD).status() == 303) in++;
            }
            done.set(true);
            guessing.join();
            long strangerChecks = fx.server.passwordChecksRun() - 5;
            System.out.printf("[guessing] %d guesses from 20 addresses: answers %s; stranger's password checks %d (bound %d); anna in %d of 5%n",
                    sent[0], statuses, strangerChecks, LoginThrottle.NAME_BUDGET + 20, in);

            // Then anna got in every time
            assertEquals(5, in);
            // And the stranger's checks stayed within the bound, the rest refused unseen with Retry-After
            assertTrue(sent[0] >= 200, "the stranger sent more than the bound allows: " + sent[0]);
            assertTrue(strangerChecks <= LoginThrottle.NAME_BUDGET + 20, "checks: " + strangerChecks);
            assertEquals(Map.of(401, (int) strangerChecks, 429, sent[0] - (int) strangerChecks), statuses);
            assertTrue(retryAfter.stream().allMatch(v -> v.matches("[1-9][0-9]*")), retryAfter.toString());
        }
    }
}
