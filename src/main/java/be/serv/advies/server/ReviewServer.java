package be.serv.advies.server;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.Account;
import be.serv.advies.review.ReviewStore;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The review server: a work list of drafts, a page per application with its explanation, and the
 * actions that record decisions in the {@link ReviewStore}. The route table below names each route's
 * page class and the role it needs ({@link Access}); {@link Routes} checks the session, the CSRF
 * token and that role before any handler runs. No JavaScript.
 *
 * <p>Every write checks all it needs before it commits, and answers with a redirect that cannot fail;
 * a refused decision, comment, bulk, account or password change redirects too, to a page that shows
 * why once, so a refresh never submits it again.
 */
public final class ReviewServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewServer.class);
    /** Everything a page may load comes from this server; no script at all. */
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    /** Longest reviewer name; also the most of a typed name a page shows back. */
    public static final int MAX_NAME = Account.MAX_NAME;
    static final int MAX_PASSWORD = 200;

    private final Drafts drafts;
    private final ServerOptions options;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final PasswordGate passwordGate;
    private final Javalin app;
    private RulesWatcher watcher;

    public ReviewServer(DraftRun initial, Path rulesDir, ReviewStore store, ServerOptions options) {
        this(CompletableFuture.completedFuture(Objects.requireNonNull(initial, "initial")), rulesDir, store, options);
    }

    /** A server whose drafts are still being made: it signs reviewers in meanwhile, and their first work list waits for the drafts. */
    public ReviewServer(CompletableFuture<DraftRun> initial, Path rulesDir, ReviewStore store, ServerOptions options) {
        Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.drafts = new Drafts(initial, rulesDir, store);
        // Sessions of an earlier run lived in its memory only; the database must not list them as open.
        store.endAllSessions();
        this.sessions = new Sessions(options.sessionIdle(), Clock.systemUTC());
        this.throttle = new LoginThrottle(options.loginDelay(), Clock.systemUTC());
        this.passwordGate = new PasswordGate(options.passwordChecks(), Duration.ofSeconds(20), 50);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.defaultHost = options.host();
            config.http.maxRequestSize = 2_000_000L;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ErrorPages()));
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Cache-Control", "no-store");
            if (options.secureCookies()) ctx.header("Strict-Transport-Security", "max-age=31536000");
        });
        Routes routes = new Routes(app, sessions, store, options, new LoginTokens(Clock.systemUTC()));
        SectorChecks sectors = new SectorChecks(routes);
        LoginPages login = new LoginPages(routes, store, sessions, throttle, passwordGate);
        ApplicationPages applications = new ApplicationPages(routes, sectors, store, drafts);
        BulkPages bulk = new BulkPages(routes, store, drafts);
        ExportPages exports = new ExportPages(routes, sectors, store, drafts);
        AccountPages accounts = new AccountPages(routes, store, drafts, sessions, throttle);
        SecretariatPages secretariat = new SecretariatPages(store, drafts);
        String auditOnly = "Het auditlogboek is er enkel voor het secretariaat (het bevat de adressen van mislukte aanmeldingen).";

        app.get("/style.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(Html.CSS));
        app.get("/aanmelden", login::loginPage);
        app.post("/aanmelden", login::login);
        routes.post("/afmelden", Access.SIGNED_IN, login::logout);
        routes.page("/wachtwoord", Access.SIGNED_IN, login::passwordPage);
        routes.post("/wachtwoord", Access.SIGNED_IN, login::changePassword);

        routes.page("/", Access.SIGNED_IN, applications::list);
        routes.page("/aanvraag/{id}", Access.SIGNED_IN, applications::detail);
        routes.page("/voortgang", Access.SIGNED_IN, applications::progress);
        // Whether a reviewer decides on this application depends on its sector: checked in the handler.
        routes.post("/aanvraag/{id}/bevestigen", Access.SIGNED_IN, applications::confirm);
        routes.post("/aanvraag/{id}/wijzigen", Access.SIGNED_IN, applications::override);
        routes.post("/aanvraag/{id}/opmerking", Access.SIGNED_IN, applications::comment);

        routes.page("/bulk-bevestigen", Access.DECIDER, bulk::bulkPage);
        routes.post("/bulk-bevestigen", Access.DECIDER, bulk::bulk);
        routes.page("/bulk-ongedaan", Access.secretariat("Enkel het secretariaat maakt bulkbevestigingen ongedaan."), bulk::bulksPage);
        routes.post("/bulk-ongedaan", Access.secretariat("Enkel het secretariaat maakt bulkbevestigingen ongedaan. Er is niets gewijzigd."),
                bulk::undoBulk);

        // Which sectors an export may hold depends on the reviewer's sectors: checked in the handler.
        routes.page("/export/annex.csv", Access.SIGNED_IN, exports::exportCsv);
        routes.page("/export/annex.xlsx", Access.SIGNED_IN, exports::exportXlsx);
        routes.page("/export/audit.csv", Access.secretariat(auditOnly), exports::exportAudit);

        routes.page("/gebruikers", Access.secretariat("Enkel het secretariaat beheert de gebruikers."), accounts::usersPage);
        routes.post("/gebruikers", Access.secretariat("Enkel het secretariaat beheert de gebruikers. Er is niemand toegevoegd."),
                accounts::addUser);
        routes.post("/gebruikers/beheer", Access.secretariat("Enkel het secretariaat beheert de gebruikers. Er is niets gewijzigd."),
                accounts::manageUser);
        routes.post("/sessies/beeindigen", Access.secretariat("Enkel het secretariaat beëindigt sessies van anderen. Er is niets gewijzigd."),
                accounts::endSession);

        routes.page("/audit", Access.secretariat(auditOnly), secretariat::auditPage);
        routes.post("/regels/herladen", Access.secretariat("Enkel het secretariaat herlaadt de regels (het verandert de ontwerpen voor "
                + "iedereen). Er is niets herladen."), secretariat::reload);

        app.exception(HttpResponseException.class, (e, ctx) -> {
            Optional<Sessions.Session> s = routes.session(ctx);
            ctx.status(e.getStatus()).html(Pages.message(s.map(x -> x.user).orElse(null), s.map(x -> x.csrf).orElse(""),
                    ErrorPages.title(e.getStatus()), ErrorPages.text(e.getStatus())));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).html(Pages.message(null, "", "Fout",
                    "Er ging iets mis op de server; er is niets vastgelegd wat niet bevestigd werd. (" + e.getClass().getSimpleName() + ")"));
        });
    }

    /** Starts listening; returns the port (useful with port 0). */
    public int start() throws IOException {
        app.start(options.host(), options.port());
        if (options.watchRules()) watcher = new RulesWatcher(drafts.rulesDir(), drafts, Duration.ofMillis(400));
        return app.port();
    }

    public int port() {
        return app.port();
    }

    public Drafts drafts() {
        return drafts;
    }

    /** Signed-in sessions held, for tests that flood the login. */
    int sessionCount() {
        return sessions.size();
    }

    /** Entries in the login throttle's tables, for the same tests. */
    int throttleEntries() {
        return throttle.size();
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        app.stop();
    }

    /** Password checks run since start (each one a slow hash), for the tests that bound guessing. */
    long passwordChecksRun() {
        return passwordGate.checks();
    }

    /** The most password checks that ran at once, for the tests that flood the login. */
    int passwordChecksAtOnceMost() {
        return passwordGate.mostAtOnce();
    }

    /** Where to go after signing in: a path on this server only (never another host), else the work list. */
    static String returnPath(String asked) {
        if (asked == null || asked.isEmpty() || asked.length() > 1_000 || !asked.startsWith("/") || asked.startsWith("//")
                || asked.contains("\\") || asked.chars().anyMatch(c -> c < 0x21 || c == 0x7f) || asked.startsWith("/aanmelden")) {
            return "/";
        }
        return asked;
    }

    /** The Dutch label of a button on the accounts page. */
    public static String actionLabel(String action) {
        return switch (action) {
            case "uitschakelen" -> "Uitschakelen";
            case "inschakelen" -> "Weer inschakelen";
            case "wachtwoord-herstellen" -> "Tijdelijk wachtwoord";
            case "ontgrendelen" -> "Ontgrendelen";
            case "sessies-beeindigen" -> "Sessies beëindigen";
            default -> action;
        };
    }
}
