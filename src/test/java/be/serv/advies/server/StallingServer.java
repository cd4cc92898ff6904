package be.serv.advies.server;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.BulkProgress;
import be.serv.advies.review.ReviewStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * A review server for a test to run in its own JVM and kill: with a row number above 0, a bulk
 * confirmation reports each row it writes and stops for good at that row, its transaction open.
 * Arguments: batch folder, rules folder, database file, row to stop at (0: never).
 */
final class StallingServer {
    private StallingServer() {
    }

    public static void main(String[] args) throws Exception {
        Path batch = Path.of(args[0]);
        Path rules = Path.of(args[1]);
        Path db = Path.of(args[2]);
        int stopAt = Integer.parseInt(args[3]);
        CountDownLatch never = new CountDownLatch(1);
        BulkProgress progress = stopAt <= 0 ? BulkProgress.NONE : (written, total) -> {
            System.out.println("bulk-voortgang " + written + "/" + total);
            System.out.flush();
            if (written == stopAt) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ReviewStore store = ReviewStore.open(db, Clock.systemUTC(), progress);
        ReviewServer server = new ReviewServer(DraftRun.of(batch, rules), rules, store, ReviewFixture.quiet().withPort(0));
        int port = server.start();
        System.out.println("luistert op http://127.0.0.1:" + port + "/");
        System.out.flush();
        never.await();
    }
}
