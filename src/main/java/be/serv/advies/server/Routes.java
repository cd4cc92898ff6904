package be.serv.advies.server;

import be.serv.advies.review.AccountState;
import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.ReviewStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import java.util.Optional;

/**
 * The checks every signed-in route gets before its handler, in this order: a live session (else the
 * login form), on a POST the session's CSRF token, a password that must be changed first, the length
 * of every field, and the role the route declares ({@link Access}). A handler runs only when all
 * passed, with the session in hand; a refusal writes nothing but the audit line.
 */
final class Routes {
    /** What a route does for a signed-in reviewer. */
    interface Action {
        void handle(Context ctx, Sessions.Session session) throws Exception;
    }

    private static final String SESSION = "advies.session";

    private final Javalin app;
    private final Sessions sessions;
    private final ReviewStore store;
    private final ServerOptions options;
    private final LoginTokens loginTokens;

    Routes(Javalin app, Sessions sessions, ReviewStore store, ServerOptions options, LoginTokens loginTokens) {
        this.app = app;
        this.sessions = sessions;
        this.store = store;
        this.options = options;
        this.loginTokens = loginTokens;
        app.beforeMatched(this::checkSignedIn);
    }

    /** A GET page (and its HEAD) for a signed-in reviewer with {@code access}; others are sent to the login form. */
    void page(String path, Access access, Action action) {
        Handler h = ctx -> action.handle(ctx, ctx.attribute(SESSION));
        app.get(path, h, access);
        app.head(path, h, access);
    }

    /** A form's POST for a signed-in reviewer with {@code access}, carrying the session's CSRF token. */
    void post(String path, Access access, Action action) {
        app.post(path, ctx -> action.handle(ctx, ctx.attribute(SESSION)), access);
    }

    private void checkSignedIn(Context ctx) {
        Optional<Access> declared = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst();
        if (declared.isEmpty()) return;
        boolean form = ctx.method() == HandlerType.POST;
        Optional<Sessions.Session> found = session(ctx);
        if (found.isEmpty()) {
            if (form) refuseSignedOut(ctx);
            else toLogin(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        Sessions.Session s = found.get();
        if (refused(ctx, s, form, declared.get())) {
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION, s);
    }

    /** Whether one of the checks failed; its refusal has then been sent. */
    private boolean refused(Context ctx, Sessions.Session s, boolean form, Access access) {
        if (form && !s.csrfMatches(ctx.formParam("csrf"))) {
            store.audit(AuditEntry.Event.REFUSED, s.user, clientAddress(ctx), "CSRF-controle mislukt: " + ctx.method() + " " + Limits.cut(ctx.path()));
            ctx.status(HttpStatus.FORBIDDEN).html(Pages.message(s.user, s.csrf, "Geweigerd",
                    "Dit formulier kwam niet van deze sessie (CSRF-controle); er is niets vastgelegd."));
            return true;
        }
        if (s.mustChange && !allowedBeforeNewPassword(ctx.path())) {
            if (form) {
                ctx.status(HttpStatus.FORBIDDEN).html(Pages.message(s.user, s.csrf, "Eerst een nieuw wachtwoord",
                        "Uw wachtwoord werd opnieuw ingesteld; kies eerst een eigen wachtwoord. Er is niets vastgelegd."));
            } else {
                ctx.redirect("/wachtwoord", HttpStatus.SEE_OTHER);
            }
            return true;
        }
        Optional<String> tooLong = Limits.tooLong(form ? ctx.formParamMap() : ctx.queryParamMap());
        if (tooLong.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST).html(Pages.message(s.user, s.csrf, "Te lang", tooLong.get()));
            return true;
        }
        if (!access.allows(s.account)) {
            forbidden(ctx, s, access.refusal());
            return true;
        }
        return false;
    }

    private static void toLogin(Context ctx) {
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.redirect(here.equals("/") || here.length() > 1_000 ? "/aanmelden" : "/aanmelden?terug=" + Pages.query(here), HttpStatus.SEE_OTHER);
    }

    /**
     * The session ended while the reviewer was typing: what they typed rides along with the sign-in
     * form, and after signing in they are back on the application with it.
     */
    private void refuseSignedOut(Context ctx) {
        String back = ctx.path().startsWith("/aanvraag/") ? ctx.path().substring(0, ctx.path().lastIndexOf('/')) : "/";
        Pages.Kept kept = Pages.Kept.of(ctx.formParam("advies"), ctx.formParam("reden"), ctx.formParam("tekst"));
        ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(newLoginToken(ctx),
                "U bent niet (meer) aangemeld; er is niets vastgelegd. Meld u opnieuw aan.", null, ReviewServer.returnPath(back), kept));
    }

    /** Pages a reviewer whose password was reset may still open: choosing a new one, and signing out. */
    private static boolean allowedBeforeNewPassword(String path) {
        return path.equals("/wachtwoord") || path.equals("/afmelden");
    }

    /**
     * The signed-in session of this request, as the database has its account now: a session whose
     * account was disabled, whose password was reset or changed elsewhere, or that the secretariat
     * ended, ends here, at its next request; a changed role or sector applies from this request on.
     */
    Optional<Sessions.Session> session(Context ctx) {
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

    /** A 403 page saying why, and an audit line. */
    void forbidden(Context ctx, Sessions.Session s, String why) {
        store.audit(AuditEntry.Event.REFUSED, s.user, clientAddress(ctx), ctx.method() + " " + Limits.cut(ctx.path()) + ": " + why);
        ctx.status(HttpStatus.FORBIDDEN).html(Pages.message(s.user, s.csrf, "Niet toegestaan", why));
    }

    /** Any refused write: a redirect to the page whose form it came from, which shows why once. */
    static void refuseTo(Context ctx, Sessions.Session s, String to, Pages.Refusal refusal) {
        s.refusal = refusal;
        ctx.redirect(to, HttpStatus.SEE_OTHER);
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

    private String cookieFlags() {
        return "; Path=/; HttpOnly; SameSite=Strict" + (options.secureCookies() ? "; Secure" : "");
    }

    void setCookie(Context ctx, Sessions.Session s) {
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=" + s.id + cookieFlags());
    }

    void clearCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=" + cookieFlags() + "; Max-Age=0");
    }

    /** Whether a login form's token is one this server issued, with the nonce of its cookie. */
    boolean validLoginToken(Context ctx) {
        return loginTokens.valid(ctx.formParam("csrf"), ctx.cookie(LoginTokens.COOKIE));
    }

    /** A fresh token for the login form, its nonce in a cookie that only the login path receives. */
    String newLoginToken(Context ctx) {
        LoginTokens.Issued t = loginTokens.issue();
        ctx.res().addHeader("Set-Cookie", LoginTokens.COOKIE + "=" + t.nonce() + "; Path=/aanmelden; HttpOnly; SameSite=Strict"
                + (options.secureCookies() ? "; Secure" : ""));
        return t.token();
    }
}
