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
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.model.Batch;
import be.serv.advies.rules.RuleSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

    @CommandLine.Mixin
    PreviousAdviceOption lastYearsAdvice;

    @Option(names = "--db", paramLabel = "FILE", description = "Beoordelingsdatabank (standaard: BATCH_DIR/review.db).")
    Path db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Poort (standaard: ${DEFAULT-VALUE}; 0 = een vrije poort).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Adres om op te luisteren (standaard: ${DEFAULT-VALUE}, enkel deze computer).")
    String host;

    @Option(names = "--public-url", paramLabel = "URL",
            description = {"Het https-adres waaronder een reverse proxy (die TLS afhandelt) deze server aanbiedt, bv. https://advies.serv.be/.",
                    "Dan zijn de cookies Secure en komt het adres van de gebruiker uit X-Forwarded-For van de proxy."})
    String publicUrl;

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
        URI publicUri = null;
        if (publicUrl != null) {
            try {
                publicUri = new URI(publicUrl);
            } catch (URISyntaxException e) {
                publicUri = null;
            }
            if (publicUri == null || !"https".equalsIgnoreCase(publicUri.getScheme()) || publicUri.getHost() == null) {
                err.println("advies: --public-url moet een https-adres zijn, bv. https://advies.serv.be/ (de proxy handelt TLS af); niet: " + publicUrl);
                return ExitCodes.INPUT;
            }
        }
        InetAddress bind;
        try {
            bind = localAddress(host);
        } catch (IllegalArgumentException e) {
            err.println("advies: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        if (!bind.isLoopbackAddress() && publicUri == null) {
            err.println(LOUD_WARNING.formatted(host));
            err.flush();
        }
        // The batch is read first (bad input stops here, before anything is written); the rules are
        // compiled and the drafts made once the server listens, so the sign-in page answers in about
        // a second and nothing competes with its start; a reviewer's first work list waits for them.
        Batch batch;
        try {
            batch = Drafting.load(batchDir, lastYearsAdvice.file, err);
        } catch (InvalidInputException e) {
            throw new CommandFailed(ExitCodes.report(e, err));
        }
        CompletableFuture<DraftRun> drafting = new CompletableFuture<>();
        Thread drafter = new Thread(() -> {
            try {
                drafting.complete(Drafting.draft(batch, RuleSet.loadInBackground(rules),
                        Evaluator.Options.FULL_TRACE, err));
            } catch (Throwable t) {
                drafting.completeExceptionally(t);
            }
        }, "advies-serve-drafting");
        Path dbFile = db != null ? db : batchDir.resolve("review.db");
        ReviewStore store;
        try {
            store = ReviewStore.open(dbFile);
        } catch (ReviewStoreException e) {
            err.println("advies: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        ServerOptions options = ServerOptions.defaults().withHost(host).withPort(port)
                .withSessionIdle(Duration.ofMinutes(sessionMinutes)).withPublicUrl(publicUri);
        ReviewServer server = new ReviewServer(drafting, rules, store, options);
        // A reload runs the new rules in a child process first: no rule can hang or take over the server.
        server.drafts().trialRunsOn(batchDir);
        int actual;
        try {
            actual = server.start();
        } catch (Exception e) {
            store.close();
            err.println("advies: kan de server niet starten op " + host + ":" + port + ": " + startFailure(e));
            return ExitCodes.INPUT;
        }
        drafter.start();
        DraftRun run;
        try {
            run = drafting.join();
        } catch (CompletionException e) {
            server.close();
            store.close();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        if (store.users().isEmpty()) {
            err.println("advies: er zijn nog geen beoordelaars; voeg het secretariaat toe met: advies user add NAAM --role secretariaat --db " + dbFile);
        }
        out.printf("%d aanvragen, regels %s, databank %s%n", run.advices().size(), run.rules().hash().substring(0, 12), dbFile);
        out.println("advies serve: luistert op http://" + host + ":" + actual + "/"
                + (publicUri != null ? " (voor gebruikers: " + publicUri + ")" : ""));
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

    static final String LOUD_WARNING = """
            ******************************************************************************
            WAARSCHUWING: advies serve luistert op %s, een adres dat andere computers
            bereiken, zonder TLS: wachtwoorden en beslissingen gaan onversleuteld over het
            netwerk en de sessiecookie is niet Secure. Zet de server achter een reverse proxy
            met TLS en geef --public-url https://..., of luister op 127.0.0.1.
            ******************************************************************************""";

    /**
     * The address to bind, which must belong to this computer (or be the wildcard); refused with a
     * message that says so, rather than the "port in use" a failed bind would suggest.
     */
    static InetAddress localAddress(String host) {
        InetAddress a;
        try {
            a = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + " is geen adres dat deze computer kent; geef een IP-adres van deze computer, "
                    + "bv. 127.0.0.1 (enkel deze computer) of 0.0.0.0 (alle netwerkkaarten)");
        }
        try {
            if (a.isAnyLocalAddress() || a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null) return a;
        } catch (SocketException e) {
            // cannot list the interfaces: refused below like any address that is not ours
        }
        throw new IllegalArgumentException("--host " + host + " (" + a.getHostAddress() + ") is geen adres van deze computer; "
                + "de server kan alleen luisteren op een eigen adres, bv. 127.0.0.1 of 0.0.0.0");
    }

    private static String startFailure(Exception e) {
        java.net.BindException bind = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException b) bind = b;
        }
        if (bind == null) return String.valueOf(e.getMessage());
        String m = String.valueOf(bind.getMessage());
        if (m.contains("in use")) return "de poort is al in gebruik door een ander programma";
        if (m.contains("ermission")) return "deze poort mag dit programma niet gebruiken (onder 1024 vraagt dat beheerdersrechten)";
        return "het besturingssysteem weigert dit adres (" + m + ")";
    }
}
