package be.serv.advies.server;

import be.serv.advies.explain.Explanation;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.model.Batch;
import be.serv.advies.review.Account;
import be.serv.advies.review.AccountState;
import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.AuditLog;
import be.serv.advies.review.BulkResult;
import be.serv.advies.review.Decision;
import be.serv.advies.review.DraftSeen;
import be.serv.advies.review.FinalAnnex;
import be.serv.advies.review.Outcome;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Role;
import be.serv.advies.review.Status;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The review server: a work list of drafts, a page per application with its explanation, and the
 * actions that record decisions in the {@link ReviewStore}. Every page needs a signed-in reviewer;
 * every POST needs the session's CSRF token; every action checks the reviewer's role. No JavaScript.
 *
 * <p>Nothing a visitor without an account sends makes the server keep more: the login form's token
 * is stateless, the throttle tables have a fixed size, at most {@link ServerOptions#passwordChecks()}
 * password hashes run at once (a login beyond that is refused before hashing) and only one per name.
 * Every write checks all it needs before it commits, and answers with a redirect that cannot fail; a
 * refused decision, comment, bulk, account or password change redirects too, to a page that shows
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
    private final ReviewStore store;
    private final ServerOptions options;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final LoginTokens loginTokens;
    private final PasswordGate passwordGate;
    private final Javalin app;
    private RulesWatcher watcher;

    private interface Action {
        void handle(Context ctx, Sessions.Session session) throws Exception;
    }

    public ReviewServer(DraftRun initial, java.nio.file.Path rulesDir, ReviewStore store, ServerOptions options) {
        this(java.util.concurrent.CompletableFuture.completedFuture(Objects.requireNonNull(initial, "initial")), rulesDir, store, options);
    }

    /** A server whose drafts are still being made: it signs reviewers in meanwhile, and their first work list waits for the drafts. */
    public ReviewServer(java.util.concurrent.CompletableFuture<DraftRun> initial, java.nio.file.Path rulesDir, ReviewStore store, ServerOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.drafts = new Drafts(initial, rulesDir, store);
        // Sessions of an earlier run lived in its memory only; the database must not list them as open.
        store.endAllSessions();
        this.sessions = new Sessions(options.sessionIdle(), Clock.systemUTC());
        this.throttle = new LoginThrottle(options.loginDelay(), Clock.systemUTC());
        this.loginTokens = new LoginTokens(Clock.systemUTC());
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
        app.get("/style.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(Html.CSS));
        app.get("/aanmelden", this::loginPage);
        app.post("/aanmelden", this::login);
        post("/afmelden", (ctx, s) -> {
            sessions.end(s.id);
            store.endSessions(s.dbId, null, false);
            store.audit(AuditEntry.Event.SIGN_OUT, s.user, clientAddress(ctx), "");
            clearCookie(ctx);
            ctx.redirect("/aanmelden", HttpStatus.SEE_OTHER);
        });
        page("/", this::list);
        page("/aanvraag/{id}", this::detail);
        page("/bulk-bevestigen", this::bulkPage);
        page("/export/annex.csv", this::exportCsv);
        page("/export/annex.xlsx", this::exportXlsx);
        page("/export/audit.csv", this::exportAudit);
        page("/gebruikers", this::usersPage);
        post("/gebruikers", this::addUser);
        post("/gebruikers/beheer", this::manageUser);
        post("/sessies/beeindigen", this::endSession);
        page("/wachtwoord", (ctx, s) -> {
            Pages.Refusal refused = s.takeRefusal("/wachtwoord");
            ctx.html(Pages.password(s.user, s.csrf, refused == null ? null : refused.problem(), s.mustChange));
        });
        post("/wachtwoord", this::changePassword);
        post("/aanvraag/{id}/bevestigen", (ctx, s) -> decide(ctx, s, Decision.Kind.CONFIRM));
        post("/aanvraag/{id}/wijzigen", (ctx, s) -> decide(ctx, s, Decision.Kind.OVERRIDE));
        post("/aanvraag/{id}/opmerking", this::comment);
        post("/bulk-bevestigen", this::bulk);
        post("/regels/herladen", this::reload);
        page("/voortgang", (ctx, s) -> ctx.html(Pages.progress(s.user, s.csrf, WorkList.rows(drafts.current(), store.latestAll()))));
        page("/bulk-ongedaan", this::bulksPage);
        page("/audit", this::auditPage);
        post("/bulk-ongedaan", this::undoBulk);
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
            Optional<Sessions.Session> s = session(ctx);
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

    // ---- plumbing: sessions, login, roles and CSRF for every route

    /**
     * The signed-in session of this request, as the database has its account now: a session whose
     * account was disabled, whose password was reset or changed elsewhere, or that the secretariat
     * ended, ends here, at its next request; a changed role or sector applies from this request on.
     */
    private Optional<Sessions.Session> session(Context ctx) {
        Optional<Sessions.Session> found = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (found.isEmpty()) return found;
        Sessions.Session s = found.get();
        Optional<AccountState> now = store.sessionAccount(s.dbId);
        if (now.isEmpty()) {
            sessions.end(s.id);
            return Optional.empty();
        }
        s.account = now.get().account();
        s.mustChange = now.get().mustChange();
        return found;
    }

    /** Pages a reviewer whose password was reset may still open: choosing a new one, and signing out. */
    private static boolean allowedBeforeNewPassword(String path) {
        return path.equals("/wachtwoord") || path.equals("/afmelden");
    }

    private String cookieFlags() {
        return "; Path=/; HttpOnly; SameSite=Strict" + (options.secureCookies() ? "; Secure" : "");
    }

    private void setCookie(Context ctx, Sessions.Session s) {
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=" + s.id + cookieFlags());
    }

    private void clearCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=" + cookieFlags() + "; Max-Age=0");
    }

    /**
     * The address a request came from: the socket's peer, or — behind the reverse proxy named by
     * {@code --public-url}, which connects from this machine — the last address the proxy appended to
     * {@code X-Forwarded-For} (earlier ones the client may have written itself).
     */
    String clientAddress(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (options.publicUrl() == null || !isLoopback(peer)) return peer;
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) return peer;
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }

    private static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
    }

    /** A GET page (and its HEAD) for a signed-in reviewer; others are sent to the login form. */
    private void page(String path, Action action) {
        io.javalin.http.Handler h = ctx -> {
            Optional<Sessions.Session> s = session(ctx);
            if (s.isEmpty()) {
                String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect(here.equals("/") || here.length() > 1_000 ? "/aanmelden" : "/aanmelden?terug=" + Pages.query(here), HttpStatus.SEE_OTHER);
                return;
            }
            if (s.get().mustChange && !allowedBeforeNewPassword(ctx.path())) {
                ctx.redirect("/wachtwoord", HttpStatus.SEE_OTHER);
                return;
            }
            Optional<String> tooLong = Limits.tooLong(ctx.queryParamMap());
            if (tooLong.isPresent()) {
                ctx.status(HttpStatus.BAD_REQUEST).html(Pages.message(s.get().user, s.get().csrf, "Te lang", tooLong.get()));
                return;
            }
            action.handle(ctx, s.get());
        };
        app.get(path, h);
        app.head(path, h);
    }

    private void post(String path, Action action) {
        app.post(path, ctx -> {
            Optional<Sessions.Session> s = session(ctx);
            if (s.isEmpty()) {
                // The session ended while the reviewer was typing: what they typed rides along with the
                // sign-in form, and after signing in they are back on the application with it.
                String back = ctx.path().startsWith("/aanvraag/") ? ctx.path().substring(0, ctx.path().lastIndexOf('/')) : "/";
                Pages.Kept kept = Pages.Kept.of(ctx.formParam("advies"), ctx.formParam("reden"), ctx.formParam("tekst"));
                ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(newLoginToken(ctx),
                        "U bent niet (meer) aangemeld; er is niets vastgelegd. Meld u opnieuw aan.", null, returnPath(back), kept));
                return;
            }
            if (!s.get().csrfMatches(ctx.formParam("csrf"))) {
                store.audit(AuditEntry.Event.REFUSED, s.get().user, clientAddress(ctx), "CSRF-controle mislukt: " + ctx.method() + " " + Limits.cut(ctx.path()));
                ctx.status(HttpStatus.FORBIDDEN).html(Pages.message(s.get().user, s.get().csrf, "Geweigerd",
                        "Dit formulier kwam niet van deze sessie (CSRF-controle); er is niets vastgelegd."));
                return;
            }
            if (s.get().mustChange && !allowedBeforeNewPassword(ctx.path())) {
                ctx.status(HttpStatus.FORBIDDEN).html(Pages.message(s.get().user, s.get().csrf, "Eerst een nieuw wachtwoord",
                        "Uw wachtwoord werd opnieuw ingesteld; kies eerst een eigen wachtwoord. Er is niets vastgelegd."));
                return;
            }
            Optional<String> tooLong = Limits.tooLong(ctx.formParamMap());
            if (tooLong.isPresent()) {
                ctx.status(HttpStatus.BAD_REQUEST).html(Pages.message(s.get().user, s.get().csrf, "Te lang", tooLong.get()));
                return;
            }
            action.handle(ctx, s.get());
        });
    }

    private void forbidden(Context ctx, Sessions.Session s, String why) {
        store.audit(AuditEntry.Event.REFUSED, s.user, clientAddress(ctx), ctx.method() + " " + Limits.cut(ctx.path()) + ": " + why);
        ctx.status(HttpStatus.FORBIDDEN).html(Pages.message(s.user, s.csrf, "Niet toegestaan", why));
    }

    /** Whether this reviewer may decide on this application; if not, the 403 page has been sent. */
    private boolean mayDecide(Context ctx, Sessions.Session s, DraftRun run, String id) {
        String code = partnershipOf(run, id);
        if (s.account.decidesOn(code)) return true;
        forbidden(ctx, s, notYours(s, run, code));
        return false;
    }

    private static String notYours(Sessions.Session s, DraftRun run, String code) {
        return switch (s.account.role()) {
            case LEZER -> "U hebt de rol lezer: u kunt alles bekijken maar niets beslissen. Er is niets vastgelegd.";
            case SECTOR -> "Aanvragen van de sector " + run.batch().partnership(code).getName() + " beslist u niet (uw sector"
                    + (s.account.sectors().size() == 1 ? ": " : "en: ") + String.join(", ", s.account.sectors()) + "). Er is niets vastgelegd.";
            case SECRETARIAAT -> "Niet toegestaan.";
        };
    }

    static String partnershipOf(DraftRun run, String applicationId) {
        Batch batch = run.batch();
        return batch.application(applicationId).map(a -> batch.trajectory(a.getTrajectory()).getPartnership()).orElse("");
    }

    // ---- login

    private void loginPage(Context ctx) {
        if (session(ctx).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(Pages.login(newLoginToken(ctx), null, null, returnPath(ctx.queryParam("terug"))));
    }

    /** Where to go after signing in: a path on this server only (never another host), else the work list. */
    static String returnPath(String asked) {
        if (asked == null || asked.isEmpty() || asked.length() > 1_000 || !asked.startsWith("/") || asked.startsWith("//")
                || asked.contains("\\") || asked.chars().anyMatch(c -> c < 0x21 || c == 0x7f) || asked.startsWith("/aanmelden")) {
            return "/";
        }
        return asked;
    }

    private String newLoginToken(Context ctx) {
        LoginTokens.Issued t = loginTokens.issue();
        ctx.res().addHeader("Set-Cookie", LoginTokens.COOKIE + "=" + t.nonce() + "; Path=/aanmelden; HttpOnly; SameSite=Strict"
                + (options.secureCookies() ? "; Secure" : ""));
        return t.token();
    }

    private void login(Context ctx) throws Exception {
        String address = clientAddress(ctx);
        String rawName = Optional.ofNullable(ctx.formParam("naam")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("wachtwoord")).orElse("");
        if (rawName.length() > MAX_NAME * 4 || rawName.strip().length() > MAX_NAME || password.length() > MAX_PASSWORD) {
            // No account has such a name or password; it costs the address a wrong attempt, not a hash.
            throttle.failedAddress(address);
            ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(newLoginToken(ctx), rawName.strip().length() > MAX_NAME
                    ? "Die naam is te lang: een naam heeft hoogstens " + MAX_NAME + " tekens. Er is niemand aangemeld."
                    : "Dat wachtwoord is te lang: hoogstens " + MAX_PASSWORD + " tekens. Er is niemand aangemeld.", null, "/"));
            return;
        }
        String name = rawName.strip();
        String back = returnPath(ctx.formParam("terug"));
        if (!loginTokens.valid(ctx.formParam("csrf"), ctx.cookie(LoginTokens.COOKIE))) {
            ctx.status(HttpStatus.FORBIDDEN).html(Pages.login(newLoginToken(ctx), "Het aanmeldformulier was verlopen; probeer opnieuw.", name, back));
            return;
        }
        if (name.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(newLoginToken(ctx), "Vul uw naam in.", null, back));
            return;
        }
        Optional<AccountState> known = store.accountState(name);
        known.ifPresent(a -> throttle.unlockedAt(name, a.unlockedAt()));
        LoginThrottle.Refusal refusal = throttle.check(name, address);
        if (refusal.refused()) {
            if (throttle.reportRefusal(name, address)) store.audit(AuditEntry.Event.SIGN_IN_THROTTLED, name, address, refusal.reason());
            tooMany(ctx, name, back, refusal.delay(), refusal.reason() + "; wacht " + seconds(refusal.delay()) + " s en probeer opnieuw.");
            return;
        }
        if (!passwordGate.enter(throttle.clean(name, address))) {
            if (throttle.reportRefusal(name, address)) store.audit(AuditEntry.Event.SIGN_IN_THROTTLED, name, address, "te veel aanmeldingen tegelijk");
            tooMany(ctx, name, back, Duration.ofSeconds(5), "De server controleert nu te veel aanmeldingen tegelijk; probeer binnen enkele seconden opnieuw.");
            return;
        }
        Optional<Account> account;
        boolean ok;
        try {
            account = store.account(name);
            // Verify against a dummy hash for an unknown name, so timing does not tell which names exist.
            ok = Passwords.verify(password.toCharArray(), account.map(Account::passwordHash).orElse(Dummy.HASH)) && account.isPresent();
        } finally {
            passwordGate.leave();
        }
        if (!ok) {
            throttle.failed(name, address);
            store.audit(AuditEntry.Event.SIGN_IN_FAILED, name, address, account.isPresent() ? "fout wachtwoord" : "onbekende naam");
            ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(newLoginToken(ctx), "Onbekende naam of fout wachtwoord.", name, back));
            return;
        }
        if (store.accountState(name).map(AccountState::disabled).orElse(true)) {
            store.audit(AuditEntry.Event.SIGN_IN_FAILED, name, address, "account uitgeschakeld");
            ctx.status(HttpStatus.FORBIDDEN).html(Pages.login(newLoginToken(ctx), "Dit account is uitgeschakeld; vraag het secretariaat.", name, back));
            return;
        }
        throttle.succeeded(name, address);
        Sessions.Session s = sessions.create(account.get());
        store.sessionStarted(s.dbId, s.user, address);
        s.kept = Pages.Kept.of(ctx.formParam("bewaard_advies"), ctx.formParam("bewaard_reden"), ctx.formParam("bewaard_tekst"));
        store.audit(AuditEntry.Event.SIGN_IN, s.user, address, "rol " + s.account.role().label()
                + (s.account.sectors().isEmpty() ? "" : ", sectoren " + String.join(", ", s.account.sectors())));
        setCookie(ctx, s);
        ctx.res().addHeader("Set-Cookie", LoginTokens.COOKIE + "=; Path=/aanmelden; HttpOnly; SameSite=Strict; Max-Age=0");
        boolean mustChange = store.accountState(name).map(AccountState::mustChange).orElse(false);
        ctx.redirect(mustChange ? "/wachtwoord" : back, HttpStatus.SEE_OTHER);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private void tooMany(Context ctx, String name, String back, Duration wait, String message) {
        ctx.header("Retry-After", Long.toString(seconds(wait)));
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).html(Pages.login(newLoginToken(ctx), message, name, back));
    }

    /** Password checks run since start (each one a slow hash), for the tests that bound guessing. */
    long passwordChecksRun() {
        return passwordGate.checks();
    }

    /**
     * A hash to verify against when the name is unknown, made on first need: making it at start-up
     * cost a full password hash (0.3-2 s) before the first page could answer.
     */
    private static final class Dummy {
        static final String HASH = Passwords.hash("dummy-password-for-unknown-names".toCharArray());
    }

    // ---- pages

    private void list(Context ctx, Sessions.Session s) {
        Drafts.LoadState state = drafts.state();
        WorkList.Filter f = WorkList.Filter.of(ctx::queryParam).clean(sectorCodes(state.run()));
        List<WorkList.Row> all = WorkList.rows(state.run(), store.latestAll());
        Integer page = intParam(ctx.queryParam("pagina"));
        Pages.Refusal refused = s.takeRefusal("/");
        ctx.html(Pages.list(s.user, s.csrf, s.takeFlash(), refused == null ? null : refused.problem(), state, f, all, WorkList.apply(all, f), s.account, page == null ? 1 : page));
    }

    private void detail(Context ctx, Sessions.Session s) {
        Drafts.LoadState state = drafts.state();
        String id = ctx.pathParam("id");
        Pages.Refusal refused = s.takeRefusal(detailPath(id));
        Optional<Explanation> e = Explanation.of(state.run(), id);
        if (e.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + Limits.cut(id) + "' staat niet in deze batch."));
            return;
        }
        boolean mayDecide = s.account.decidesOn(partnershipOf(state.run(), id));
        String problem = refused == null ? null : refused.problem();
        Decision other = refused == null ? null : refused.other();
        Pages.Typed typed = refused == null ? null : refused.typed();
        Pages.Kept kept = s.kept;
        s.kept = null;
        String comment = refused == null || refused.comment() == null ? "" : refused.comment();
        if (kept != null) {
            if (typed == null && (!kept.advice().isEmpty() || !kept.reason().isEmpty())) typed = new Pages.Typed(kept.advice(), kept.reason());
            comment = kept.comment();
            if (problem == null) problem = "U was niet meer aangemeld; wat u typte staat hieronder, maar is nog niet vastgelegd.";
        }
        ctx.html(Pages.detail(s.user, s.csrf, s.takeFlash(), problem, state, e.get(), store.history(id),
                store.comments(id), other, typed, comment, mayDecide, nextOpen(state.run(), id, s.account, listOf(ctx, state.run())),
                listOf(ctx, state.run()).query()));
    }

    private static String detailPath(String id) {
        return "/aanvraag/" + id;
    }

    /**
     * A refused decision or comment: nothing was stored, and the answer is a redirect to the
     * application's page (in the reviewer's list), which shows the message and what they typed once
     * from the session, so a refresh there submits nothing again.
     */
    private void refuse(Context ctx, Sessions.Session s, String id, String problem, Decision other, Pages.Typed typed, String comment) {
        s.refusal = new Pages.Refusal(detailPath(id), problem, typed, comment, other, null);
        String query = listOf(ctx, drafts.current()).query();
        ctx.redirect("/aanvraag/" + Pages.urlPart(id) + (query.isEmpty() ? "" : "?" + query), HttpStatus.SEE_OTHER);
    }

    /** A refused bulk confirmation: nothing was stored; back to the reviewer's list, which shows why once. */
    private static void refuseBulk(Context ctx, Sessions.Session s, String back, String problem) {
        refuseTo(ctx, s, back, Pages.Refusal.of("/", problem));
    }

    /** Any other refused write: a redirect to the page whose form it came from, which shows why once. */
    private static void refuseTo(Context ctx, Sessions.Session s, String to, Pages.Refusal refusal) {
        s.refusal = refusal;
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }

    /**
     * The reviewer's list as they filtered and sorted it, carried along from the work list in the
     * query string of a detail page (GET) or in the field {@code lijst} of its forms (POST).
     */
    private WorkList.Filter listOf(Context ctx, DraftRun run) {
        String posted = ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParam("lijst") : null;
        WorkList.Filter f = posted != null ? WorkList.Filter.parse(posted) : WorkList.Filter.of(ctx::queryParam);
        return f.clean(sectorCodes(run));
    }

    /**
     * The first application after {@code id} in the reviewer's list (filtered and sorted as they left
     * it, coming round to its start) that waits for a decision — open or a second look — and that
     * they may decide, so a decision leads on to the next; null when none is left.
     */
    private String nextOpen(DraftRun run, String id, Account account, WorkList.Filter list) {
        List<WorkList.Row> rows = WorkList.apply(WorkList.rows(run, store.latestAll()), list);
        int at = 0;
        while (at < rows.size() && !rows.get(at).app().getId().equals(id)) at++;
        int start = at < rows.size() ? at + 1 : 0;
        for (int i = 0; i < rows.size(); i++) {
            WorkList.Row r = rows.get((start + i) % rows.size());
            if (r.app().getId().equals(id)) continue;
            if (WorkList.waiting(r.status()) && account.decidesOn(r.sector().getCode())) return r.app().getId();
        }
        return null;
    }

    /** The step before a bulk confirmation: which open positive drafts of the filtered list it would confirm. */
    private void bulkPage(Context ctx, Sessions.Session s) {
        if (s.account.role() == Role.LEZER) {
            forbidden(ctx, s, notYours(s, drafts.current(), ""));
            return;
        }
        Drafts.LoadState state = drafts.state();
        WorkList.Filter f = WorkList.Filter.of(ctx::queryParam).clean(sectorCodes(state.run()));
        List<WorkList.Row> all = WorkList.rows(state.run(), store.latestAll());
        List<WorkList.Row> candidates = WorkList.bulkCandidates(WorkList.apply(all, f)).stream()
                .filter(r -> s.account.decidesOn(r.sector().getCode())).toList();
        ctx.html(Pages.bulkConfirm(s.user, s.csrf, state, f, candidates));
    }

    private static Set<String> sectorCodes(DraftRun run) {
        Set<String> out = new java.util.HashSet<>();
        run.batch().getPartnerships().forEach(p -> out.add(p.getCode()));
        return out;
    }

    /**
     * The run an export may show this reviewer: everything, one sector ({@code ?sector=CODE}), and for
     * a sector's representative only their own sectors; empty (and a 403 sent) when they ask for another.
     */
    private Optional<DraftRun> exportable(Context ctx, Sessions.Session s) {
        DraftRun run = drafts.current();
        String typed = Optional.ofNullable(ctx.queryParam("sector")).orElse("").strip();
        // Sector codes are matched without case: ?sector=horeca is HORECA.
        String asked = sectorCodes(run).stream().filter(c -> c.equalsIgnoreCase(typed)).findFirst().orElse(typed);
        if (!asked.isEmpty() && !sectorCodes(run).contains(asked)) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Sector '" + Limits.cut(asked) + "' staat niet in deze batch."));
            return Optional.empty();
        }
        if (!asked.isEmpty() && !s.account.exports(asked)) {
            forbidden(ctx, s, "U exporteert enkel de aanvragen van uw sector" + (s.account.sectors().size() == 1 ? " " : "en ")
                    + String.join(", ", s.account.sectors()) + ".");
            return Optional.empty();
        }
        if (asked.isEmpty() && s.account.role() != Role.SECTOR) return Optional.of(run);
        return Optional.of(run.only(a -> {
            String code = partnershipOf(run, a.applicationId());
            return s.account.exports(code) && (asked.isEmpty() || asked.equals(code));
        }));
    }

    private static String fileSuffix(DraftRun run, Context ctx) {
        String year = run.batch().getSchoolYear() == null ? "" : "-" + run.batch().getSchoolYear().replaceAll("[^0-9A-Za-z-]", "");
        String sector = Optional.ofNullable(ctx.queryParam("sector")).orElse("").replaceAll("[^0-9A-Za-z_-]", "");
        return year + (sector.isEmpty() ? "" : "-" + sector);
    }

    private void exportCsv(Context ctx, Sessions.Session s) {
        Optional<DraftRun> run = exportable(ctx, s);
        if (run.isEmpty()) return;
        byte[] csv = FinalAnnex.csv(run.get(), store.latestAll());
        store.audit(AuditEntry.Event.EXPORT, s.user, clientAddress(ctx), "annex CSV" + fileSuffix(run.get(), ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"annex-definitief" + fileSuffix(run.get(), ctx) + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    private void exportXlsx(Context ctx, Sessions.Session s) throws IOException {
        Optional<DraftRun> run = exportable(ctx, s);
        if (run.isEmpty()) return;
        byte[] xlsx = be.serv.advies.review.ReviewedWorkbook.bytes(run.get(), store.latestAll());
        store.audit(AuditEntry.Event.EXPORT, s.user, clientAddress(ctx), "annex xlsx" + fileSuffix(run.get(), ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"annex-definitief" + fileSuffix(run.get(), ctx) + ".xlsx\"");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(xlsx);
    }

    private void exportAudit(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Het auditlogboek is er enkel voor het secretariaat (het bevat de adressen van mislukte aanmeldingen).");
            return;
        }
        store.audit(AuditEntry.Event.EXPORT, s.user, clientAddress(ctx), "auditlogboek CSV");
        byte[] csv = AuditLog.csv(store.auditLog());
        ctx.header("Content-Disposition", "attachment; filename=\"auditlog.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    /** The secretariat's page of accounts: who may do what, and a form to add one. */
    private void usersPage(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Enkel het secretariaat beheert de gebruikers.");
            return;
        }
        Pages.Refusal refused = s.takeRefusal("/gebruikers");
        ctx.html(Pages.users(s.user, s.csrf, s.takeFlash(), refused == null ? null : refused.problem(), store.accountStates(), drafts.current(),
                refused == null ? null : refused.newUser(), liveSessions()));
    }

    /**
     * The open sessions as the secretariat's page lists them: those the database holds as open and
     * this server still keeps (one that expired idle or was pushed out by newer ones is not listed).
     */
    private List<be.serv.advies.review.SessionRecord> liveSessions() {
        Set<String> live = sessions.liveDbIds();
        return store.openSessions().stream().filter(r -> live.contains(r.id())).toList();
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

    /** The secretariat manages one account: disable, enable, reset the password, unlock, end its sessions, change the role. */
    private void manageUser(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Enkel het secretariaat beheert de gebruikers. Er is niets gewijzigd.");
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("naam")).orElse("");
        Optional<AccountState> target = store.accountState(name);
        String action = Optional.ofNullable(ctx.formParam("actie")).orElse("");
        if (target.isEmpty()) {
            usersProblem(ctx, s, "Beoordelaar '" + Limits.cut(name) + "' bestaat niet; er is niets gewijzigd.");
            return;
        }
        String who = target.get().name();
        if (who.equals(s.user) && (action.equals("uitschakelen") || action.equals("rol"))) {
            usersProblem(ctx, s, "U kunt uw eigen account niet uitschakelen of uw eigen rol wijzigen "
                    + "(zo sluit niemand het secretariaat per vergissing buiten). Er is niets gewijzigd.");
            return;
        }
        switch (action) {
            case "uitschakelen" -> {
                store.setDisabled(who, true, s.user);
                store.endSessions(who, null, true);
                s.flash = "Account '" + who + "' uitgeschakeld; de open sessies zijn beëindigd. Zijn beslissingen blijven op zijn naam.";
            }
            case "inschakelen" -> {
                store.setDisabled(who, false, s.user);
                s.flash = "Account '" + who + "' is weer ingeschakeld.";
            }
            case "wachtwoord-herstellen" -> {
                String temporary = Passwords.temporary();
                store.resetPassword(who, Passwords.hash(temporary.toCharArray()), s.user);
                s.flash = "Tijdelijk wachtwoord voor '" + who + "': " + temporary + " — geef het persoonlijk door. Bij de volgende "
                        + "aanmelding kiest " + who + " een eigen wachtwoord; de open sessies zijn beëindigd.";
            }
            case "ontgrendelen" -> {
                store.unlock(who, s.user);
                throttle.unlock(who);
                s.flash = "De foute aanmeldpogingen voor '" + who + "' zijn vergeten.";
            }
            case "sessies-beeindigen" -> {
                int n = store.endSessions(who, s.user, true);
                s.flash = n + " sessie(s) van '" + who + "' beëindigd.";
            }
            case "rol" -> {
                Optional<Role> role = Role.of(ctx.formParam("rol"));
                Set<String> sectors = new java.util.TreeSet<>(ctx.formParams("sector"));
                if (role.isPresent() && role.get() != Role.SECTOR) sectors.clear();
                Optional<String> problem = role.isEmpty() ? Optional.of("kies een rol")
                        : Account.problem(who, role.get(), sectors, sectorCodes(drafts.current()), Account.MIN_PASSWORD);
                if (problem.isPresent()) {
                    usersProblem(ctx, s, "Rol niet gewijzigd: " + problem.get() + ".");
                    return;
                }
                store.setRole(who, role.get(), sectors, s.user);
                s.flash = "Rol van '" + who + "': " + role.get().label() + (sectors.isEmpty() ? "" : " (" + String.join(", ", sectors) + ")") + ".";
            }
            default -> {
                usersProblem(ctx, s, "Onbekende actie; er is niets gewijzigd.");
                return;
            }
        }
        ctx.redirect("/gebruikers", HttpStatus.SEE_OTHER);
    }

    private static void usersProblem(Context ctx, Sessions.Session s, String problem) {
        refuseTo(ctx, s, "/gebruikers", Pages.Refusal.of("/gebruikers", problem));
    }

    private void endSession(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Enkel het secretariaat beëindigt sessies van anderen. Er is niets gewijzigd.");
            return;
        }
        String id = Optional.ofNullable(ctx.formParam("sessie")).orElse("");
        if (id.length() < 12) {
            usersProblem(ctx, s, "Welke sessie? Er is niets gewijzigd.");
            return;
        }
        int n = store.endSessions(id, s.user, false);
        s.flash = n == 0 ? "Die sessie was al beëindigd." : "Sessie beëindigd.";
        ctx.redirect("/gebruikers", HttpStatus.SEE_OTHER);
    }

    /** A reviewer chooses their own password (also right after a reset); their other sessions end. */
    private void changePassword(Context ctx, Sessions.Session s) throws InterruptedException {
        String current = Optional.ofNullable(ctx.formParam("huidig")).orElse("");
        String next = Optional.ofNullable(ctx.formParam("wachtwoord")).orElse("");
        String problem = null;
        if (next.length() < Account.MIN_PASSWORD) problem = "Het nieuwe wachtwoord moet minstens " + Account.MIN_PASSWORD + " tekens hebben.";
        else if (!next.equals(ctx.formParam("wachtwoord2"))) problem = "De twee nieuwe wachtwoorden verschillen.";
        else if (next.equals(current)) problem = "Het nieuwe wachtwoord is het huidige; kies een ander.";
        else {
            if (!passwordGate.enter(true)) {
                problem = "De server controleert nu te veel wachtwoorden tegelijk; probeer binnen enkele seconden opnieuw.";
            } else {
                boolean ok;
                try {
                    ok = Passwords.verify(current.toCharArray(), store.account(s.user).map(Account::passwordHash).orElse(Dummy.HASH));
                } finally {
                    passwordGate.leave();
                }
                if (!ok) problem = "Het huidige wachtwoord klopt niet.";
            }
        }
        if (problem != null) {
            refuseTo(ctx, s, "/wachtwoord", Pages.Refusal.of("/wachtwoord", problem + " Er is niets gewijzigd."));
            return;
        }
        store.changeOwnPassword(s.user, Passwords.hash(next.toCharArray()), s.dbId);
        s.mustChange = false;
        s.flash = "Uw wachtwoord is gewijzigd; uw andere sessies zijn beëindigd.";
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void addUser(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Enkel het secretariaat beheert de gebruikers. Er is niemand toegevoegd.");
            return;
        }
        DraftRun run = drafts.current();
        String name = Optional.ofNullable(ctx.formParam("naam")).orElse("").strip();
        Optional<Role> role = Role.of(ctx.formParam("rol"));
        Set<String> sectors = new java.util.TreeSet<>(ctx.formParams("sector"));
        String password = Optional.ofNullable(ctx.formParam("wachtwoord")).orElse("");
        Pages.NewUser typed = new Pages.NewUser(name, role.map(Role::label).orElse(""), sectors);
        Optional<String> problem = role.isEmpty() ? Optional.of("kies een rol")
                : Account.problem(name, role.get(), sectors, sectorCodes(run), password.length());
        if (problem.isEmpty() && !password.equals(ctx.formParam("wachtwoord2"))) problem = Optional.of("de twee wachtwoorden verschillen");
        if (problem.isEmpty() && store.account(name).isPresent()) problem = Optional.of("beoordelaar '" + Limits.cut(name) + "' bestaat al");
        if (problem.isPresent()) {
            refuseTo(ctx, s, "/gebruikers", new Pages.Refusal("/gebruikers", "Niet toegevoegd: " + problem.get() + ".", null, null, null, typed));
            return;
        }
        store.addUser(name, Passwords.hash(password.toCharArray()), role.get(), sectors, s.user);
        s.flash = "Beoordelaar '" + name + "' toegevoegd (" + role.get().label() + (sectors.isEmpty() ? "" : ": " + String.join(", ", sectors)) + ").";
        ctx.redirect("/gebruikers", HttpStatus.SEE_OTHER);
    }

    // ---- actions

    private void decide(Context ctx, Sessions.Session s, Decision.Kind kind) {
        DraftRun run = drafts.current();
        String id = ctx.pathParam("id");
        Optional<Advice> draft = run.advice(id);
        if (draft.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + Limits.cut(id) + "' staat niet in deze batch."));
            return;
        }
        if (!mayDecide(ctx, s, run, id)) return;
        Pages.Typed typed = kind == Decision.Kind.OVERRIDE
                ? new Pages.Typed(ctx.formParam("advies"), Optional.ofNullable(ctx.formParam("reden")).orElse("")) : null;
        Integer version = intParam(ctx.formParam("versie"));
        if (version == null || version < 0) {
            refuse(ctx, s, id, "Het formulier mist een geldige versie; er is niets vastgelegd. Hieronder ziet u de aanvraag "
                    + "zoals ze nu is; beslis opnieuw.", null, typed, null);
            return;
        }
        if (!run.rules().hash().equals(ctx.formParam("regels"))) {
            refuse(ctx, s, id, "De regels zijn gewijzigd sinds u deze pagina opende; het ontwerpadvies hieronder is het nieuwe. "
                    + "Er is niets vastgelegd: beslis opnieuw.", null, typed, null);
            return;
        }
        Verdict advice = draft.get().verdict();
        String reason = "";
        if (kind == Decision.Kind.OVERRIDE) {
            String a = ctx.formParam("advies");
            reason = typed.reason().strip();
            try {
                advice = Verdict.valueOf(a == null ? "" : a);
            } catch (IllegalArgumentException e) {
                refuse(ctx, s, id, "Kies een ander advies; er is niets vastgelegd.", null, typed, null);
                return;
            }
            if (advice == draft.get().verdict()) {
                refuse(ctx, s, id, "Het gekozen advies is het ontwerpadvies zelf; bevestig het dan, of kies een ander advies. "
                        + "Er is niets vastgelegd.", null, typed, null);
                return;
            }
            if (reason.isEmpty()) {
                refuse(ctx, s, id, "Een gewijzigd advies heeft een reden nodig; er is niets vastgelegd.", null, typed, null);
                return;
            }
        }
        DraftSeen seen = new DraftSeen(id, version, draft.get().verdict(), draft.get().reasons(), run.rules().hash(), run.batch().getInputHash());
        Outcome outcome = store.decide(seen, kind, advice, reason, s.user);
        if (!outcome.isCommitted() && outcome.otherDecision().isEmpty()) {
            refuse(ctx, s, id, "Uw beslissing is NIET vastgelegd: het formulier noemde versie " + version + ", maar de aanvraag staat op een "
                    + "andere versie. Hieronder ziet u de aanvraag zoals ze nu is; beslis opnieuw.", null, typed, null);
            return;
        }
        if (!outcome.isCommitted()) {
            Decision other = outcome.otherDecision().orElseThrow();
            refuse(ctx, s, id, "Uw beslissing is NIET vastgelegd: " + other.reviewer() + " heeft deze aanvraag intussen beslist. "
                    + "Bekijk die beslissing en beslis opnieuw als dat nodig is.", other, typed, null);
            return;
        }
        Decision d = outcome.committed();
        // On to the next application of the reviewer's own list, so a day's work needs no "next" clicks.
        WorkList.Filter list = listOf(ctx, run);
        String next = nextOpen(run, id, s.account, list);
        String done = (kind == Decision.Kind.CONFIRM ? "Bevestigd: " : "Gewijzigd: ") + id + ", advies " + d.advice().label() + ".";
        String query = list.query().isEmpty() ? "" : "?" + list.query();
        if (next == null) {
            s.flash = done + " In uw lijst wacht geen aanvraag meer op een beslissing.";
            ctx.redirect("/" + query, HttpStatus.SEE_OTHER);
        } else {
            s.flash = done + " Hieronder de volgende aanvraag uit uw lijst.";
            ctx.redirect("/aanvraag/" + Pages.urlPart(next) + query, HttpStatus.SEE_OTHER);
        }
    }

    private void comment(Context ctx, Sessions.Session s) {
        DraftRun run = drafts.current();
        String id = ctx.pathParam("id");
        if (run.advice(id).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + Limits.cut(id) + "' staat niet in deze batch."));
            return;
        }
        if (!mayDecide(ctx, s, run, id)) return;
        String typedComment = Optional.ofNullable(ctx.formParam("tekst")).orElse("");
        String text = typedComment.strip();
        if (text.isEmpty()) {
            refuse(ctx, s, id, "Een opmerking heeft tekst nodig; er is niets vastgelegd.", null, null, typedComment);
            return;
        }
        store.comment(id, s.user, text);
        s.flash = "Opmerking toegevoegd.";
        String query = listOf(ctx, run).query();
        ctx.redirect("/aanvraag/" + Pages.urlPart(id) + (query.isEmpty() ? "" : "?" + query), HttpStatus.SEE_OTHER);
    }

    private void bulk(Context ctx, Sessions.Session s) {
        DraftRun run = drafts.current();
        // The address to return to is rebuilt from what a filter can hold, before anything is written,
        // so the answer after the commit is a short redirect that cannot fail.
        String back = "/?" + WorkList.Filter.parse(ctx.formParam("terug")).clean(sectorCodes(run)).query();
        if (s.account.role() == Role.LEZER) {
            forbidden(ctx, s, notYours(s, run, ""));
            return;
        }
        List<String> items = ctx.formParams("aanvraag");
        if (items.size() > run.advices().size()) {
            refuseBulk(ctx, s, back, "Dit formulier noemt meer aanvragen dan de batch heeft; er is niets vastgelegd.");
            return;
        }
        if (!run.rules().hash().equals(ctx.formParam("regels"))) {
            refuseBulk(ctx, s, back, "De regels zijn gewijzigd sinds u de lijst opende; er is niets bevestigd. Bekijk de lijst opnieuw.");
            return;
        }
        Map<String, Decision> latest = store.latestAll();
        List<DraftSeen> seen = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> notWaiting = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (String item : items) {
            int colon = item.lastIndexOf(':');
            Integer version = colon < 0 ? null : intParam(item.substring(colon + 1));
            String id = colon < 0 ? item : item.substring(0, colon);
            Optional<Advice> draft = run.advice(id);
            if (version == null || version < 0 || draft.isEmpty() || !named.add(id)) {
                refused.add(Limits.cut(id));
                continue;
            }
            String code = partnershipOf(run, id);
            if (!s.account.decidesOn(code)) {
                forbidden(ctx, s, notYours(s, run, code) + " (aanvraag " + id + "; geen enkele aanvraag van deze bulkbevestiging is bevestigd)");
                return;
            }
            // Only what waits for a decision (open, or a second look): a settled decision is never confirmed over.
            if (!WorkList.waiting(Status.of(Optional.ofNullable(latest.get(id)), draft.get()))) notWaiting.add(id);
            seen.add(new DraftSeen(id, version, draft.get().verdict(), draft.get().reasons(), run.rules().hash(), run.batch().getInputHash()));
        }
        if (!refused.isEmpty()) {
            refuseBulk(ctx, s, back, "Bulkbevestiging geweigerd. Er is niets bevestigd: dit formulier noemt aanvragen die niet in deze "
                    + "batch staan, dubbel voorkomen of geen geldige versie hebben: " + Limits.list(refused) + ".");
            return;
        }
        // The store checks each version against the application's latest in the same transaction.
        BulkResult result = notWaiting.isEmpty() ? store.bulkConfirm(seen, s.user) : new BulkResult("", List.of(), notWaiting);
        if (result.refused()) {
            refuseBulk(ctx, s, back, "Bulkbevestiging geweigerd. Er is niets bevestigd: deze aanvragen werden intussen beslist (of het "
                    + "formulier noemde een andere versie): " + Limits.list(result.stale()) + ". Bekijk de lijst hieronder opnieuw en bevestig dan.");
            return;
        }
        s.flash = result.confirmed().size() + (result.confirmed().size() == 1 ? " ontwerpadvies" : " ontwerpadviezen") + " bevestigd.";
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    /** The audit log for the secretariat, newest first, filtered by event and actor, 100 lines a page. */
    private void auditPage(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Het auditlogboek is er enkel voor het secretariaat (het bevat de adressen van mislukte aanmeldingen).");
            return;
        }
        String eventName = Optional.ofNullable(ctx.queryParam("gebeurtenis")).orElse("");
        AuditEntry.Event event = java.util.Arrays.stream(AuditEntry.Event.values()).filter(e -> e.name().equals(eventName)).findFirst().orElse(null);
        String actor = Optional.ofNullable(ctx.queryParam("wie")).orElse("").strip();
        int total = store.auditCount(event, actor);
        int pages = Math.max(1, (total + 99) / 100);
        Integer asked = intParam(ctx.queryParam("pagina"));
        int page = Math.min(Math.max(asked == null ? 1 : asked, 1), pages);
        ctx.html(Pages.audit(s.user, s.csrf, store.auditPage(event, actor, (page - 1) * 100, 100), event == null ? "" : event.name(),
                actor, page, pages, total));
    }

    /** The secretariat's list of recent bulk confirmations, each with a button that undoes it. */
    private void bulksPage(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Enkel het secretariaat maakt bulkbevestigingen ongedaan.");
            return;
        }
        Pages.Refusal refused = s.takeRefusal("/bulk-ongedaan");
        ctx.html(Pages.bulks(s.user, s.csrf, s.takeFlash(), refused == null ? null : refused.problem(), store.bulks()));
    }

    private void undoBulk(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Enkel het secretariaat maakt bulkbevestigingen ongedaan. Er is niets gewijzigd.");
            return;
        }
        String id = Optional.ofNullable(ctx.formParam("bulk")).orElse("");
        if (store.bulks().stream().noneMatch(b -> b.id().equals(id))) {
            refuseTo(ctx, s, "/bulk-ongedaan", Pages.Refusal.of("/bulk-ongedaan", "Die bulkbevestiging bestaat niet (meer); er is niets gewijzigd."));
            return;
        }
        List<String> reopened = store.undoBulk(id, s.user);
        s.flash = reopened.size() + " bevestiging(en) ongedaan gemaakt; die aanvragen staan weer open. Wat intussen opnieuw beslist werd, bleef staan.";
        ctx.redirect("/bulk-ongedaan", HttpStatus.SEE_OTHER);
    }

    private void reload(Context ctx, Sessions.Session s) {
        if (!s.account.isSecretariat()) {
            forbidden(ctx, s, "Enkel het secretariaat herlaadt de regels (het verandert de ontwerpen voor iedereen). Er is niets herladen.");
            return;
        }
        String back = "/?" + WorkList.Filter.parse(ctx.formParam("terug")).clean(sectorCodes(drafts.current())).query();
        String before = drafts.current().rules().hash();
        boolean ok = drafts.reload("herladen door " + s.user, s.user);
        if (!ok) s.flash = "De regels konden niet geladen worden; de vorige regels blijven gelden (zie hieronder).";
        else if (before.equals(drafts.current().rules().hash())) s.flash = "Regels herladen: ongewijzigd.";
        else {
            long second = WorkList.rows(drafts.current(), store.latestAll()).stream().filter(r -> r.status() == Status.SECOND_LOOK).count();
            s.flash = "Regels herladen en ontwerpen opnieuw opgesteld; " + second + " beslist(e) aanvra(a)g(en) vragen een tweede blik.";
        }
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private static Integer intParam(String s) {
        if (s == null) return null;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The current latest decisions, for tests and the CLI. */
    public Map<String, Decision> latestDecisions() {
        return store.latestAll();
    }
}
