package be.serv.advies.server;

import be.serv.advies.explain.Explanation;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.BulkResult;
import be.serv.advies.review.Decision;
import be.serv.advies.review.DraftSeen;
import be.serv.advies.review.FinalAnnex;
import be.serv.advies.review.Outcome;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Status;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Verdict;
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

/**
 * The review server: a work list of drafts, a page per application with its explanation, and the
 * actions that record decisions in the {@link ReviewStore}. Every page needs a signed-in reviewer;
 * every POST needs the session's CSRF token. Pages are rendered here as escaped HTML; no JavaScript.
 */
public final class ReviewServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewServer.class);
    /** Everything a page may load comes from this server; no script at all. */
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final Drafts drafts;
    private final ReviewStore store;
    private final ServerOptions options;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Javalin app;
    private RulesWatcher watcher;

    private interface Action {
        void handle(Context ctx, Sessions.Session session) throws Exception;
    }

    public ReviewServer(DraftRun initial, java.nio.file.Path rulesDir, ReviewStore store, ServerOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.drafts = new Drafts(initial, rulesDir, store);
        this.sessions = new Sessions(options.sessionIdle(), Clock.systemUTC());
        this.throttle = new LoginThrottle(options.loginDelay(), Clock.systemUTC());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.defaultHost = options.host();
            config.http.maxRequestSize = 2_000_000L;
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Cache-Control", "no-store");
        });
        app.get("/style.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(Html.CSS));
        app.get("/aanmelden", this::loginPage);
        app.post("/aanmelden", this::login);
        post("/afmelden", (ctx, s) -> {
            sessions.end(s.id);
            clearCookie(ctx);
            ctx.redirect("/aanmelden", HttpStatus.SEE_OTHER);
        });
        page("/", this::list);
        page("/aanvraag/{id}", (ctx, s) -> detail(ctx, s, null, null, HttpStatus.OK));
        page("/export/annex.csv", this::exportCsv);
        page("/export/annex.xlsx", this::exportXlsx);
        post("/aanvraag/{id}/bevestigen", (ctx, s) -> decide(ctx, s, Decision.Kind.CONFIRM));
        post("/aanvraag/{id}/wijzigen", (ctx, s) -> decide(ctx, s, Decision.Kind.OVERRIDE));
        post("/aanvraag/{id}/opmerking", this::comment);
        post("/bulk-bevestigen", this::bulk);
        post("/regels/herladen", this::reload);
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

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        app.stop();
    }

    // ---- plumbing: sessions, login and CSRF for every route

    private Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(Sessions.COOKIE));
    }

    private void setCookie(Context ctx, Sessions.Session s) {
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + s.id + "; Path=/; HttpOnly; SameSite=Strict");
    }

    private void clearCookie(Context ctx) {
        ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    private void page(String path, Action action) {
        app.get(path, ctx -> {
            Optional<Sessions.Session> s = session(ctx).filter(x -> x.user != null);
            if (s.isEmpty()) {
                ctx.redirect("/aanmelden", HttpStatus.SEE_OTHER);
                return;
            }
            action.handle(ctx, s.get());
        });
    }

    private void post(String path, Action action) {
        app.post(path, ctx -> {
            Optional<Sessions.Session> s = session(ctx).filter(x -> x.user != null);
            if (s.isEmpty()) {
                ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.message(null, "", "Niet aangemeld",
                        "U bent niet (meer) aangemeld; er is niets vastgelegd. Meld u opnieuw aan."));
                return;
            }
            if (!s.get().csrfMatches(ctx.formParam("csrf"))) {
                ctx.status(HttpStatus.FORBIDDEN).html(Pages.message(s.get().user, s.get().csrf, "Geweigerd",
                        "Dit formulier kwam niet van deze sessie (CSRF-controle); er is niets vastgelegd."));
                return;
            }
            action.handle(ctx, s.get());
        });
    }

    private void loginPage(Context ctx) {
        Sessions.Session s = session(ctx).orElseGet(() -> {
            Sessions.Session fresh = sessions.create(null);
            setCookie(ctx, fresh);
            return fresh;
        });
        if (s.user != null) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(Pages.login(s.csrf, null, null));
    }

    private void login(Context ctx) throws InterruptedException {
        Optional<Sessions.Session> pre = session(ctx);
        if (pre.isEmpty() || !pre.get().csrfMatches(ctx.formParam("csrf"))) {
            Sessions.Session fresh = sessions.create(null);
            setCookie(ctx, fresh);
            ctx.status(HttpStatus.FORBIDDEN).html(Pages.login(fresh.csrf, "Het aanmeldformulier was verlopen; probeer opnieuw.", null));
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("naam")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("wachtwoord")).orElse("");
        Duration wait = throttle.waitFor(name);
        if (!wait.isZero()) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).html(Pages.login(pre.get().csrf,
                    "Te veel foute pogingen; wacht " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s en probeer opnieuw.", name));
            return;
        }
        Optional<String> hash = name.isEmpty() ? Optional.empty() : store.passwordHash(name);
        // Verify against a dummy hash for an unknown name, so timing does not tell which names exist.
        boolean ok = Passwords.verify(password.toCharArray(), hash.orElse(DUMMY_HASH)) && hash.isPresent();
        if (!ok) {
            Duration delay = throttle.failed(name);
            Thread.sleep(Math.min(delay.toMillis(), 1_000));
            ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(pre.get().csrf, "Onbekende naam of fout wachtwoord.", name));
            return;
        }
        throttle.succeeded(name);
        sessions.end(pre.get().id);
        Sessions.Session s = sessions.create(name);
        setCookie(ctx, s);
        LOG.info("reviewer {} signed in", name);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private static final String DUMMY_HASH = Passwords.hash("dummy-password-for-unknown-names".toCharArray());

    // ---- pages

    private void list(Context ctx, Sessions.Session s) {
        Drafts.LoadState state = drafts.state();
        WorkList.Filter f = WorkList.Filter.of(ctx::queryParam);
        List<WorkList.Row> all = WorkList.rows(state.run(), store.latestAll());
        ctx.html(Pages.list(s.user, s.csrf, s.takeFlash(), state, f, all, WorkList.apply(all, f)));
    }

    private void detail(Context ctx, Sessions.Session s, String problem, Decision other, HttpStatus status) {
        Drafts.LoadState state = drafts.state();
        String id = ctx.pathParam("id");
        Optional<Explanation> e = Explanation.of(state.run(), id);
        if (e.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + id + "' staat niet in deze batch."));
            return;
        }
        ctx.status(status).html(Pages.detail(s.user, s.csrf, s.takeFlash(), problem, state, e.get(), store.history(id),
                store.comments(id), other));
    }

    private void exportCsv(Context ctx, Sessions.Session s) {
        DraftRun run = drafts.current();
        byte[] csv = FinalAnnex.csv(run, store.latestAll());
        String year = run.batch().getSchoolYear() == null ? "" : "-" + run.batch().getSchoolYear().replaceAll("[^0-9A-Za-z-]", "");
        ctx.header("Content-Disposition", "attachment; filename=\"annex-definitief" + year + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    private void exportXlsx(Context ctx, Sessions.Session s) throws IOException {
        DraftRun run = drafts.current();
        byte[] xlsx = be.serv.advies.review.ReviewedWorkbook.bytes(run, store.latestAll());
        String year = run.batch().getSchoolYear() == null ? "" : "-" + run.batch().getSchoolYear().replaceAll("[^0-9A-Za-z-]", "");
        ctx.header("Content-Disposition", "attachment; filename=\"annex-definitief" + year + ".xlsx\"");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(xlsx);
    }

    // ---- actions

    private void decide(Context ctx, Sessions.Session s, Decision.Kind kind) {
        DraftRun run = drafts.current();
        String id = ctx.pathParam("id");
        Optional<Advice> draft = run.advice(id);
        if (draft.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + id + "' staat niet in deze batch."));
            return;
        }
        Integer version = intParam(ctx.formParam("versie"));
        if (version == null) {
            ctx.status(HttpStatus.BAD_REQUEST).html(Pages.message(s.user, s.csrf, "Onvolledig", "Het formulier mist de versie; er is niets vastgelegd."));
            return;
        }
        if (!run.rules().hash().equals(ctx.formParam("regels"))) {
            detail(ctx, s, "De regels zijn gewijzigd sinds u deze pagina opende; het ontwerpadvies hieronder is het nieuwe. "
                    + "Er is niets vastgelegd: beslis opnieuw.", null, HttpStatus.CONFLICT);
            return;
        }
        Verdict advice = draft.get().verdict();
        String reason = "";
        if (kind == Decision.Kind.OVERRIDE) {
            String a = ctx.formParam("advies");
            reason = Optional.ofNullable(ctx.formParam("reden")).orElse("").strip();
            try {
                advice = Verdict.valueOf(a == null ? "" : a);
            } catch (IllegalArgumentException e) {
                ctx.status(HttpStatus.BAD_REQUEST);
                detail(ctx, s, "Kies een ander advies; er is niets vastgelegd.", null, HttpStatus.BAD_REQUEST);
                return;
            }
            if (reason.isEmpty()) {
                detail(ctx, s, "Een gewijzigd advies heeft een reden nodig; er is niets vastgelegd.", null, HttpStatus.BAD_REQUEST);
                return;
            }
        }
        DraftSeen seen = new DraftSeen(id, version, draft.get().verdict(), draft.get().reasons(), run.rules().hash(), run.batch().getInputHash());
        Outcome outcome = store.decide(seen, kind, advice, reason, s.user);
        if (!outcome.isCommitted()) {
            Decision other = outcome.otherDecision().orElseThrow();
            detail(ctx, s, "Uw beslissing is NIET vastgelegd: " + other.reviewer() + " heeft deze aanvraag intussen beslist. "
                    + "Bekijk die beslissing en beslis opnieuw als dat nodig is.", other, HttpStatus.CONFLICT);
            return;
        }
        Decision d = outcome.committed();
        LOG.info("{} {} application {} as {} (version {})", s.user, kind, id, d.advice(), d.version());
        s.flash = (kind == Decision.Kind.CONFIRM ? "Bevestigd: " : "Gewijzigd: ") + id + ", advies " + d.advice().label() + ".";
        ctx.redirect("/aanvraag/" + Pages.urlPart(id), HttpStatus.SEE_OTHER);
    }

    private void comment(Context ctx, Sessions.Session s) {
        String id = ctx.pathParam("id");
        if (drafts.current().advice(id).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + id + "' staat niet in deze batch."));
            return;
        }
        String text = Optional.ofNullable(ctx.formParam("tekst")).orElse("").strip();
        if (text.isEmpty()) {
            detail(ctx, s, "Een opmerking heeft tekst nodig; er is niets vastgelegd.", null, HttpStatus.BAD_REQUEST);
            return;
        }
        store.comment(id, s.user, text);
        s.flash = "Opmerking toegevoegd.";
        ctx.redirect("/aanvraag/" + Pages.urlPart(id), HttpStatus.SEE_OTHER);
    }

    private void bulk(Context ctx, Sessions.Session s) {
        DraftRun run = drafts.current();
        String back = Optional.ofNullable(ctx.formParam("terug")).orElse("").replaceAll("[\\r\\n]", "");
        if (!run.rules().hash().equals(ctx.formParam("regels"))) {
            s.flash = "De regels zijn gewijzigd sinds u de lijst opende; er is niets bevestigd. Bekijk de lijst opnieuw.";
            ctx.redirect("/?" + back, HttpStatus.SEE_OTHER);
            return;
        }
        List<DraftSeen> seen = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String item : ctx.formParams("aanvraag")) {
            int colon = item.lastIndexOf(':');
            Integer version = colon < 0 ? null : intParam(item.substring(colon + 1));
            String id = colon < 0 ? item : item.substring(0, colon);
            Optional<Advice> draft = run.advice(id);
            // Only positive drafts can be confirmed in bulk; anything else needs a look of its own.
            if (version == null || draft.isEmpty() || draft.get().verdict() != Verdict.POSITIVE) {
                refused.add(id);
                continue;
            }
            seen.add(new DraftSeen(id, version, draft.get().verdict(), draft.get().reasons(), run.rules().hash(), run.batch().getInputHash()));
        }
        BulkResult result = store.bulkConfirm(seen, s.user);
        LOG.info("{} bulk-confirmed {} applications ({} skipped)", s.user, result.confirmed().size(), result.skipped().size() + refused.size());
        StringBuilder msg = new StringBuilder().append(result.confirmed().size()).append(" positieve ontwerpadviezen bevestigd.");
        if (!result.skipped().isEmpty()) {
            msg.append(" Niet bevestigd omdat iemand anders ze intussen besliste: ").append(String.join(", ", result.skipped())).append('.');
        }
        if (!refused.isEmpty()) msg.append(" Geweigerd (geen positief ontwerp): ").append(String.join(", ", refused)).append('.');
        s.flash = msg.toString();
        ctx.redirect("/?" + back, HttpStatus.SEE_OTHER);
    }

    private void reload(Context ctx, Sessions.Session s) {
        String before = drafts.current().rules().hash();
        boolean ok = drafts.reload("herladen door " + s.user);
        if (!ok) s.flash = "De regels konden niet geladen worden; de vorige regels blijven gelden (zie hieronder).";
        else if (before.equals(drafts.current().rules().hash())) s.flash = "Regels herladen: ongewijzigd.";
        else {
            long second = WorkList.rows(drafts.current(), store.latestAll()).stream().filter(r -> r.status() == Status.SECOND_LOOK).count();
            s.flash = "Regels herladen en ontwerpen opnieuw opgesteld; " + second + " beslist(e) aanvra(a)g(en) vragen een tweede blik.";
        }
        ctx.redirect("/", HttpStatus.SEE_OTHER);
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
