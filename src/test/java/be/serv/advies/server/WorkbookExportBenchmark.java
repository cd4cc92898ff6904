package be.serv.advies.server;

import be.serv.advies.cli.Shell;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.DraftSeen;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Role;
import be.serv.advies.verdict.Advice;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static be.serv.advies.cli.Shell.assertThat;

/**
 * The review server's workbook export ({@code GET /export/annex.xlsx}) of a generated batch, as a
 * reviewer downloads it: time per export and the heap at its peak, beside the heap the server holds
 * anyway (the drafts and their trace). A quarter of the applications is decided, so the review
 * columns are filled too. Not a test: it prints figures.
 * Run: {@code java -Xmx2g -cp target/test-classes:target/classes:<deps> be.serv.advies.server.WorkbookExportBenchmark [applications]}.
 */
public final class WorkbookExportBenchmark {
    private WorkbookExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path tmp = Files.createTempDirectory("advies-export-bench-");
        Path batch = tmp.resolve("batch");
        // The batch as a user makes it: advies generate.
        assertThat(Shell.shell("generate", "--applications", String.valueOf(applications), "--seed", "7", "--out", batch.toString())).succeeded();
        DraftRun run = DraftRun.of(batch, Path.of("rules"));
        try (ReviewStore store = ReviewStore.open(tmp.resolve("review.db"))) {
            store.addUser("anna", Passwords.hash(ReviewFixture.PASSWORD.toCharArray()), Role.SECRETARIAAT, Set.of(), "");
            List<DraftSeen> seen = new ArrayList<>();
            for (Advice a : run.advices()) {
                if (seen.size() >= applications / 4) break;
                seen.add(new DraftSeen(a.applicationId(), 0, a.verdict(), a.reasons(), run.rules().hash(), run.batch().getInputHash()));
            }
            store.bulkConfirm(seen, "anna");
            try (ReviewServer server = new ReviewServer(run, Path.of("rules"), store, ReviewFixture.quiet().withPort(0))) {
                server.start();
                WebClient c = new WebClient("http://127.0.0.1:" + server.port());
                c.login("anna", ReviewFixture.PASSWORD).expect(303);
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/export/annex.xlsx"))
                        .header("Cookie", c.cookieHeader()).build();
                System.gc();
                long resident = heapUsed();
                System.out.printf("%d applications (%d decided); heap held by the server before exporting: %d MB (max heap %d MB)%n",
                        applications, seen.size(), resident >> 20, Runtime.getRuntime().maxMemory() >> 20);
                for (int i = 1; i <= 4; i++) {
                    System.gc();
                    resetPeaks();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode());
                    System.out.printf("export %d: %d ms, %d kB, peak heap %d MB%n", i, ms, r.body().length >> 10, peakHeap() >> 20);
                }
            }
        }
    }

    private static long heapUsed() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }
}
