package be.serv.advies.server;

import be.serv.advies.review.Account;
import be.serv.advies.review.AccountState;
import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.ReviewStore;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Duration;
import java.util.Optional;

/**
 * Signing in and out, and choosing one's own password. Nothing a visitor without an account sends
 * makes the server keep more: the login form's token is stateless, the throttle tables have a fixed
 * size, and at most {@link ServerOptions#passwordChecks()} password hashes run at once.
 */
final class LoginPages {
    private final Routes routes;
    private final ReviewStore store;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final PasswordGate passwordGate;

    LoginPages(Routes routes, ReviewStore store, Sessions sessions, LoginThrottle throttle, PasswordGate passwordGate) {
        this.routes = routes;
        this.store = store;
        this.sessions = sessions;
        this.throttle = throttle;
        this.passwordGate = passwordGate;
    }

    /**
     * A hash to verify against when the name is unknown, made on first need: making it at start-up
     * cost a full password hash (0.3-2 s) before the first page could answer.
     */
    private static final class Dummy {
        static final String HASH = Passwords.hash("dummy-password-for-unknown-names".toCharArray());
    }

    void logout(Context ctx, Sessions.Session s) {
        sessions.end(s.id);
        store.endSessions(s.dbId, null, false);
        store.audit(AuditEntry.Event.SIGN_OUT, s.user, routes.clientAddress(ctx), "");
        routes.clearCookie(ctx);
        ctx.redirect("/aanmelden", HttpStatus.SEE_OTHER);
    }

    void passwordPage(Context ctx, Sessions.Session s) {
        Pages.Refusal refused = s.takeRefusal("/wachtwoord");
        ctx.html(Pages.password(s.user, s.csrf, refused == null ? null : refused.problem(), s.mustChange));
    }

    void loginPage(Context ctx) {
        if (routes.session(ctx).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(Pages.login(routes.newLoginToken(ctx), null, null, ReviewServer.returnPath(ctx.queryParam("terug"))));
    }

    void login(Context ctx) throws Exception {
        String address = routes.clientAddress(ctx);
        String rawName = Optional.ofNullable(ctx.formParam("naam")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("wachtwoord")).orElse("");
        if (rawName.length() > ReviewServer.MAX_NAME * 4 || rawName.strip().length() > ReviewServer.MAX_NAME || password.length() > ReviewServer.MAX_PASSWORD) {
            // No account has such a name or password; it costs the address a wrong attempt, not a hash.
            throttle.failedAddress(address);
            ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(routes.newLoginToken(ctx), rawName.strip().length() > ReviewServer.MAX_NAME
                    ? "Die naam is te lang: een naam heeft hoogstens " + ReviewServer.MAX_NAME + " tekens. Er is niemand aangemeld."
                    : "Dat wachtwoord is te lang: hoogstens " + ReviewServer.MAX_PASSWORD + " tekens. Er is niemand aangemeld.", null, "/"));
            return;
        }
        String name = rawName.strip();
        String back = ReviewServer.returnPath(ctx.formParam("terug"));
        if (!routes.validLoginToken(ctx)) {
            ctx.status(HttpStatus.FORBIDDEN).html(Pages.login(routes.newLoginToken(ctx), "Het aanmeldformulier was verlopen; probeer opnieuw.", name, back));
            return;
        }
        if (name.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(routes.newLoginToken(ctx), "Vul uw naam in.", null, back));
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
            ctx.status(HttpStatus.UNAUTHORIZED).html(Pages.login(routes.newLoginToken(ctx), "Onbekende naam of fout wachtwoord.", name, back));
            return;
        }
        if (store.accountState(name).map(AccountState::disabled).orElse(true)) {
            store.audit(AuditEntry.Event.SIGN_IN_FAILED, name, address, "account uitgeschakeld");
            ctx.status(HttpStatus.FORBIDDEN).html(Pages.login(routes.newLoginToken(ctx), "Dit account is uitgeschakeld; vraag het secretariaat.", name, back));
            return;
        }
        throttle.succeeded(name, address);
        Sessions.Session s = sessions.create(account.get());
        store.sessionStarted(s.dbId, s.user, address);
        s.kept = Pages.Kept.of(ctx.formParam("bewaard_advies"), ctx.formParam("bewaard_reden"), ctx.formParam("bewaard_tekst"));
        store.audit(AuditEntry.Event.SIGN_IN, s.user, address, "rol " + s.account.role().label()
                + (s.account.sectors().isEmpty() ? "" : ", sectoren " + String.join(", ", s.account.sectors())));
        routes.setCookie(ctx, s);
        ctx.res().addHeader("Set-Cookie", LoginTokens.COOKIE + "=; Path=/aanmelden; HttpOnly; SameSite=Strict; Max-Age=0");
        boolean mustChange = store.accountState(name).map(AccountState::mustChange).orElse(false);
        ctx.redirect(mustChange ? "/wachtwoord" : back, HttpStatus.SEE_OTHER);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private void tooMany(Context ctx, String name, String back, Duration wait, String message) {
        ctx.header("Retry-After", Long.toString(seconds(wait)));
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).html(Pages.login(routes.newLoginToken(ctx), message, name, back));
    }

    /** A reviewer chooses their own password (also right after a reset); their other sessions end. */
    void changePassword(Context ctx, Sessions.Session s) throws InterruptedException {
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
            Routes.refuseTo(ctx, s, "/wachtwoord", Pages.Refusal.of("/wachtwoord", problem + " Er is niets gewijzigd."));
            return;
        }
        store.changeOwnPassword(s.user, Passwords.hash(next.toCharArray()), s.dbId);
        s.mustChange = false;
        s.flash = "Uw wachtwoord is gewijzigd; uw andere sessies zijn beëindigd.";
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }
}
