package be.serv.advies.server;

import be.serv.advies.review.Decision;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Killing the server process in the middle of a bulk confirmation leaves all of it or none in the database. */
class BulkKillTest {
    static final int POSITIVES = 30;
    @TempDir
    Path tmp;

    /** A {@link StallingServer} in its own JVM, with the test classpath; its output lines go to a queue. */
    record Server(Process process, BlockingQueue<String> lines, String base) {
        static Server start(Path batch, Path rules, Path db, int stopAtRow) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), StallingServer.class.getName(),
                    batch.toString(), rules.toString(), db.toString(), Integer.toString(stopAtRow)));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) lines.add(line);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            String line = waitFor(lines, "luistert op http://", p);
            Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/").matcher(line);
            assertTrue(m.find(), line);
            return new Server(p, lines, m.group(1));
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        }
    }

    static String waitFor(BlockingQueue<String> lines, String text, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.contains(text)) return line;
            } else if (!p.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("the server never said '" + text + "'; output:\n" + seen);
    }

    @Test
    void aKillMidBulkLeavesNoneAndARetryCommitsAll() throws Exception {
        // Given a batch with 30 open positive drafts and a reviewer
        Path batch = ReviewFixture.batch(tmp, "small", POSITIVES);
        Path rules = ReviewFixture.rules(tmp);
        Path db = tmp.resolve("review.db");
        try (ReviewStore store = ReviewStore.open(db)) {
            store.addUser("anna", Passwords.hash(ReviewFixture.PASSWORD.toCharArray()), Role.SECRETARIAAT, Set.of(), "");
        }

        // When a server that stops at the 10th row of a bulk confirmation is killed there
        Server slow = Server.start(batch, rules, db, 10);
        WebClient c = new WebClient(slow.base());
        c.login("anna", ReviewFixture.PASSWORD).expect(303);
        c.get("/?q=campus").expect(200).contains("Bevestig de " + POSITIVES + " ontwerpadviezen die in deze lijst op een beslissing wachten");
        List<String> form = bulkForm(c.get("/bulk-bevestigen?q=campus").expect(200));
        CompletableFuture<WebClient.Page> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return c.post("/bulk-bevestigen", form.toArray(String[]::new));
            } catch (Exception e) {
                return null;
            }
        });
        waitFor(slow.lines(), "bulk-voortgang 10/" + POSITIVES, slow.process());
        slow.kill();
        pending.get(60, TimeUnit.SECONDS);

        // Then the database holds none of it (all-or-none, and the kill came before the commit)
        try (ReviewStore store = ReviewStore.open(db)) {
            List<Decision> after = store.allDecisions();
            System.out.printf("[kill] killed at row 10 of %d: %d decisions in the database after restart%n", POSITIVES, after.size());
            assertEquals(0, after.size());
        }

        // And after a restart the same bulk confirmation commits all of them
        Server again = Server.start(batch, rules, db, 0);
        try {
            WebClient c2 = new WebClient(again.base());
            c2.login("anna", ReviewFixture.PASSWORD).expect(303);
            WebClient.Page list2 = c2.get("/bulk-bevestigen?q=campus").expect(200);
            c2.post("/bulk-bevestigen", bulkForm(list2).toArray(String[]::new)).expect(303);
        } finally {
            again.kill();
        }
        try (ReviewStore store = ReviewStore.open(db)) {
            List<Decision> after = store.allDecisions();
            assertEquals(POSITIVES, after.size());
            assertEquals(1, after.stream().map(Decision::bulkId).distinct().count());
            assertNotNull(after.get(0).bulkId());
        }
    }

    static List<String> bulkForm(WebClient.Page list) {
        List<String> form = new ArrayList<>(List.of("regels", list.hidden("regels").get(0), "terug", list.hidden("terug").get(0)));
        for (String item : list.hidden("aanvraag")) {
            form.add("aanvraag");
            form.add(item);
        }
        return form;
    }
}
