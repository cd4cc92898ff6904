package be.serv.advies.server;

import be.serv.advies.review.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several reviewers deciding at once: every acknowledged decision is in the database, and no two share a version. Prints figures. */
class ConcurrentReviewersTest {
    static final int REVIEWERS = 4;
    static final int APPLICATIONS = 60;

    @TempDir
    Path tmp;

    /** One decision posted; {@code refused} when the page its redirect leads to says it was not recorded. */
    record Attempt(String reviewer, String app, int status, boolean refused, long nanos) {
        boolean accepted() {
            return status == 303 && !refused;
        }
    }

    @Test
    void noDecisionIsLostAndEveryRaceHasOneWinner() throws Exception {
        String[] names = {"r1", "r2", "r3", "r4"};
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", APPLICATIONS, ReviewFixture.quiet(), names)) {
            List<WebClient> clients = new ArrayList<>();
            for (String n : names) clients.add(fx.signedIn(n));
            String rules = clients.get(0).get("/aanvraag/P001").hidden("regels").get(0);
            for (WebClient c : clients) c.get("/");
            List<String> apps = new ArrayList<>();
            for (int i = 1; i <= APPLICATIONS; i++) apps.add(String.format("P%03d", i));

            // Phase 1: each reviewer decides its own quarter, all at once
            List<Attempt> own = run(clients, names, (r, c) -> {
                List<Attempt> out = new ArrayList<>();
                for (int i = r; i < apps.size(); i += REVIEWERS) out.add(decide(c, names[r], apps.get(i), 0, rules, i % 3 == 0));
                return out;
            });
            // Phase 2: every reviewer decides every application on version 1, all at once
            List<Attempt> race = run(clients, names, (r, c) -> {
                List<Attempt> out = new ArrayList<>();
                List<String> order = new ArrayList<>(apps);
                Collections.rotate(order, r * 7);
                for (String a : order) out.add(decide(c, names[r], a, 1, rules, false));
                return out;
            });

            List<Decision> all = fx.store.allDecisions();
            long ownOk = own.stream().filter(Attempt::accepted).count();
            long raceOk = race.stream().filter(Attempt::accepted).count();
            long raceRefused = race.stream().filter(Attempt::refused).count();
            print("own slices", own);
            print("races", race);
            System.out.printf("[concurrency] decisions in the database: %d (acknowledged: %d)%n", all.size(), ownOk + raceOk);

            assertEquals(APPLICATIONS, ownOk, "every decision on an application nobody else touched is accepted");
            assertEquals(APPLICATIONS, raceOk, "exactly one winner per application and version");
            assertEquals((long) APPLICATIONS * (REVIEWERS - 1), raceRefused, "every loser is told");
            assertTrue(race.stream().allMatch(a -> a.status() == 303), "every answer is a redirect, a refusal too");
            assertEquals(ownOk + raceOk, all.size(), "every acknowledged decision is in the database, nothing more");
            Map<String, String> winner = new ConcurrentHashMap<>();
            for (Decision d : all) {
                assertTrue(winner.putIfAbsent(d.applicationId() + "#" + d.version(), d.reviewer()) == null, "one decision per version");
            }
            for (Attempt a : race) {
                if (a.accepted()) assertEquals(a.reviewer(), winner.get(a.app() + "#2"), "the acknowledged reviewer is the one recorded");
            }
        }
    }

    interface Work {
        List<Attempt> run(int reviewer, WebClient client) throws Exception;
    }

    static List<Attempt> run(List<WebClient> clients, String[] names, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Attempt>>> futures = new ArrayList<>();
            for (int r = 0; r < clients.size(); r++) {
                int reviewer = r;
                futures.add(pool.submit(() -> {
                    go.await();
                    return work.run(reviewer, clients.get(reviewer));
                }));
            }
            go.countDown();
            List<Attempt> out = new ArrayList<>();
            for (Future<List<Attempt>> f : futures) out.addAll(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Attempt decide(WebClient c, String name, String app, int version, String rules, boolean override) throws Exception {
        long t0 = System.nanoTime();
        WebClient.Page p = override
                ? c.post("/aanvraag/" + app + "/wijzigen", "versie", String.valueOf(version), "regels", rules, "advies", "NEGATIVE", "reden", "test " + name)
                : c.post("/aanvraag/" + app + "/bevestigen", "versie", String.valueOf(version), "regels", rules);
        long nanos = System.nanoTime() - t0;
        // The page the redirect leads to tells the reviewer whether it was recorded (outside the timed part).
        boolean refused = p.status() == 303 && c.follow(p).body().contains("NIET vastgelegd");
        return new Attempt(name, app, p.status(), refused, nanos);
    }

    static void print(String phase, List<Attempt> attempts) {
        List<Long> ms = attempts.stream().map(a -> a.nanos() / 1_000_000).sorted().toList();
        long total = attempts.stream().mapToLong(Attempt::nanos).sum();
        System.out.printf("[concurrency] %s: %d requests by %d reviewers, %d accepted, %d refused; latency p50 %d ms, p95 %d ms, max %d ms; mean %.1f ms%n",
                phase, attempts.size(), REVIEWERS, attempts.stream().filter(Attempt::accepted).count(),
                attempts.stream().filter(Attempt::refused).count(), ms.get(ms.size() / 2), ms.get(ms.size() * 95 / 100),
                ms.get(ms.size() - 1), total / 1e6 / attempts.size());
    }
}
