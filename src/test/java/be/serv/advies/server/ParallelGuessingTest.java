package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Defect 3: 20 simultaneous guesses for one name were all checked. The attack, again, from 20
 * addresses: only one guess is looked at, the others are refused unseen, and the name is then closed
 * even for the right password.
 */
class ParallelGuessingTest {
    @TempDir
    Path tmp;

    @Test
    void twentySimultaneousGuessesForOneNameGetOneCheck() throws Exception {
        ServerOptions options = ReviewFixture.quiet().withLoginDelay(Duration.ofSeconds(10))
                .withPublicUrl(URI.create("https://advies.test/")).withPasswordChecks(4);
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, options, "anna")) {
            LoginAttacker attacker = new LoginAttacker(fx.base);
            // When 20 wrong guesses for anna arrive at once, each from its own address
            List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) guesses.add(attacker.login("anna", "gok-" + i, "10.1.0." + i));
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (CompletableFuture<HttpResponse<String>> g : guesses) statuses.merge(g.get().statusCode(), 1, Integer::sum);
            System.out.println("[guessing] 20 parallel guesses for one name: " + statuses);

            // Then one was checked (401) and 19 refused unseen (429)
            assertEquals(Map.of(401, 1, 429, 19), statuses);
            // And the right password right after is refused too: the name is closed
            assertEquals(429, attacker.login("anna", ReviewFixture.PASSWORD, "10.1.0.99").get().statusCode());
            assertEquals(0, fx.server.sessionCount());
        }
    }
}
