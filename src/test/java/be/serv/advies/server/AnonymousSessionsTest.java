package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 7: every visit to the login form without a cookie created a session, and past 10,000 each new
 * one scanned them all. Now the login form keeps nothing on the server; a session exists only after a
 * right password.
 */
class AnonymousSessionsTest {
    @TempDir
    Path tmp;

    @Test
    void visitsAndFailedLoginsCreateNoSession() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            // When 3,000 visitors without a cookie open the login form
            List<Long> first = new ArrayList<>();
            List<Long> last = new ArrayList<>();
            // (one connection, its cookies dropped before each visit, so the test does not open 3,000 connections)
            WebClient visitor = fx.client();
            for (int i = 0; i < 3_000; i++) {
                visitor.forgetCookies();
                long start = System.nanoTime();
                WebClient.Page p = visitor.get("/aanmelden").expect(200);
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (i < 100) first.add(ms);
                if (i >= 2_900) last.add(ms);
                assertTrue(p.response().headers().allValues("Set-Cookie").stream().noneMatch(h -> h.startsWith(Sessions.COOKIE + "=")));
            }
            // and one fails to log in (under another name: a wrong password closes its name for a moment,
            // and anna signs in right after)
            fx.client().login("bert", "fout").expect(401);
            System.out.printf("[anonymous] 3000 login forms: p50 first 100 %d ms, last 100 %d ms; sessions %d%n",
                    LoginFloodBenchmark.median(first), LoginFloodBenchmark.median(last), fx.server.sessionCount());

            // Then the server holds no session; a right password makes the first
            assertEquals(0, fx.server.sessionCount());
            fx.signedIn("anna");
            assertEquals(1, fx.server.sessionCount());
        }
    }
}
