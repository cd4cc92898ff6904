package be.serv.advies.server;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.review.BulkProgress;
import be.serv.advies.review.ReviewStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code advies backup} while the server runs: a copy taken in the middle of a bulk confirmation passes
 * SQLite's integrity check and holds none of that bulk (it had not committed), a copy after it holds all.
 */
class BackupDuringBulkTest {
    static final int POSITIVES = 30;

    @TempDir
    Path tmp;

    @Test
    void aBackupDuringABulkIsSoundAndHoldsNoneOrAllOfIt() throws Exception {
        // Given a bulk confirmation slowed to 50 ms a row, watched until it is a third of the way
        CountDownLatch midway = new CountDownLatch(1);
        BulkProgress slowed = (written, total) -> {
            if (written == 10) midway.countDown();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", POSITIVES, ReviewFixture.quiet(), slowed, "anna")) {
            WebClient c = fx.signedIn("anna");
            WebClient.Page step = c.get("/bulk-bevestigen?q=campus").expect(200);
            List<String> form = new ArrayList<>(List.of("regels", step.hidden("regels").get(0), "terug", step.hidden("terug").get(0)));
            for (String item : step.hidden("aanvraag")) form.addAll(List.of("aanvraag", item));
            assertEquals(POSITIVES, step.hidden("aanvraag").size());

            Path during = tmp.resolve("tijdens.db");
            CompletableFuture<Integer> bulk = CompletableFuture.supplyAsync(() -> {
                try {
                    return c.post("/bulk-bevestigen", form.toArray(String[]::new)).status();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(midway.await(60, TimeUnit.SECONDS), "the bulk never got a third of the way");
            // When a backup is taken from the command line while the bulk is writing
            assertThat(shell("backup", "--db", fx.db.toString(), "--to", during.toString())).succeeded().outContains("integriteitscontrole: ok");
            assertEquals(303, bulk.get(60, TimeUnit.SECONDS));
            Path after = tmp.resolve("na.db");
            assertThat(shell("backup", "--db", fx.db.toString(), "--to", after.toString())).succeeded();

            // Then both copies pass the integrity check; the one during the bulk holds none of it, the one after all
            assertEquals("ok", ReviewStore.integrityCheck(during));
            assertEquals("ok", ReviewStore.integrityCheck(after));
            try (ReviewStore copy = ReviewStore.open(during)) {
                assertEquals(0, copy.allDecisions().size());
                assertEquals(List.of("anna"), copy.users());
            }
            try (ReviewStore copy = ReviewStore.open(after)) {
                assertEquals(POSITIVES, copy.allDecisions().size());
            }
            // And a backup never overwrites a file
            assertThat(shell("backup", "--db", fx.db.toString(), "--to", after.toString())).exitedWith(ExitCodes.INPUT)
                    .errContains("bestaat al");
        }
    }
}
