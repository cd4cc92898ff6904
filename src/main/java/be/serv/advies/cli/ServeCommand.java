package be.serv.advies.cli;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.ReviewStoreException;
import be.serv.advies.server.ReviewServer;
import be.serv.advies.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start de beoordelingsserver: een werklijst waarop beoordelaars elk ontwerpadvies bevestigen of wijzigen.",
                "De beslissingen staan in een SQLite-bestand (standaard BATCH_DIR/review.db). Stoppen met Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BATCH_DIR", description = "Map van de batch.")
    Path batchDir;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}); wijzigingen worden vanzelf herladen.")
    Path rules;

    @Option(names = "--db", paramLabel = "FILE", description = "Beoordelingsdatabank (standaard: BATCH_DIR/review.db).")
    Path db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Poort (standaard: ${DEFAULT-VALUE}; 0 = een vrije poort).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Adres om op te luisteren (standaard: ${DEFAULT-VALUE}, enkel deze computer).")
    String host;

    @Option(names = "--session-minutes", paramLabel = "N", defaultValue = "30",
            description = "Een sessie die zo lang niet gebruikt werd, vervalt (standaard: ${DEFAULT-VALUE}).")
    int sessionMinutes;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535 || sessionMinutes < 1) {
            err.println("advies: ongeldige --port of --session-minutes");
            return ExitCodes.INPUT;
        }
        DraftRun run = Drafting.draft(batchDir, rules, err);
        Path dbFile = db != null ? db : batchDir.resolve("review.db");
        ReviewStore store;
        try {
            store = ReviewStore.open(dbFile);
        } catch (ReviewStoreException e) {
            err.println("advies: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        ServerOptions options = ServerOptions.defaults().withHost(host).withPort(port)
                .withSessionIdle(Duration.ofMinutes(sessionMinutes));
        ReviewServer server = new ReviewServer(run, rules, store, options);
        int actual;
        try {
            actual = server.start();
        } catch (Exception e) {
            store.close();
            err.println("advies: kan de server niet starten op " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.INPUT;
        }
        if (store.users().isEmpty()) {
            err.println("advies: er zijn nog geen beoordelaars; voeg er een toe met: advies user add NAAM --db " + dbFile);
        }
        out.printf("%d aanvragen, regels %s, databank %s%n", run.advices().size(), run.rules().hash().substring(0, 12), dbFile);
        out.println("advies serve: luistert op http://" + host + ":" + actual + "/");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "advies-serve-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
