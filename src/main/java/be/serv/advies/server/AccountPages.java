package be.serv.advies.server;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.Account;
import be.serv.advies.review.AccountState;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Role;
import be.serv.advies.review.SessionRecord;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The secretariat's accounts page: adding, disabling, resetting, unlocking and signing out reviewers, and changing roles. */
final class AccountPages {
    private final Routes routes;
    private final ReviewStore store;
    private final Drafts drafts;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    AccountPages(Routes routes, ReviewStore store, Drafts drafts, Sessions sessions, LoginThrottle throttle) {
        this.routes = routes;
        this.store = store;
        this.drafts = drafts;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** The secretariat's page of accounts: who may do what, and a form to add one. */
    void usersPage(Context ctx, Sessions.Session s) {
        Pages.Refusal refused = s.takeRefusal("/gebruikers");
        ctx.html(Pages.users(s.user, s.csrf, s.takeFlash(), refused == null ? null : refused.problem(), store.accountStates(), drafts.current(),
                refused == null ? null : refused.newUser(), liveSessions()));
    }

    /**
     * The open sessions as the secretariat's page lists them: those the database holds as open and
     * this server still keeps (one that expired idle or was pushed out by newer ones is not listed).
     */
    private List<SessionRecord> liveSessions() {
        Set<String> live = sessions.liveDbIds();
        return store.openSessions().stream().filter(r -> live.contains(r.id())).toList();
    }

    /** The secretariat manages one account: disable, enable, reset the password, unlock, end its sessions, change the role. */
    void manageUser(Context ctx, Sessions.Session s) {
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
                Set<String> sectors = new TreeSet<>(ctx.formParams("sector"));
                if (role.isPresent() && role.get() != Role.SECTOR) sectors.clear();
                Optional<String> problem = role.isEmpty() ? Optional.of("kies een rol")
                        : Account.problem(who, role.get(), sectors, SectorChecks.sectorCodes(drafts.current()), Account.MIN_PASSWORD);
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
        Routes.refuseTo(ctx, s, "/gebruikers", Pages.Refusal.of("/gebruikers", problem));
    }

    void endSession(Context ctx, Sessions.Session s) {
        String id = Optional.ofNullable(ctx.formParam("sessie")).orElse("");
        if (id.length() < 12) {
            usersProblem(ctx, s, "Welke sessie? Er is niets gewijzigd.");
            return;
        }
        int n = store.endSessions(id, s.user, false);
        s.flash = n == 0 ? "Die sessie was al beëindigd." : "Sessie beëindigd.";
        ctx.redirect("/gebruikers", HttpStatus.SEE_OTHER);
    }

    void addUser(Context ctx, Sessions.Session s) {
        DraftRun run = drafts.current();
        String name = Optional.ofNullable(ctx.formParam("naam")).orElse("").strip();
        Optional<Role> role = Role.of(ctx.formParam("rol"));
        Set<String> sectors = new TreeSet<>(ctx.formParams("sector"));
        String password = Optional.ofNullable(ctx.formParam("wachtwoord")).orElse("");
        Pages.NewUser typed = new Pages.NewUser(name, role.map(Role::label).orElse(""), sectors);
        Optional<String> problem = role.isEmpty() ? Optional.of("kies een rol")
                : Account.problem(name, role.get(), sectors, SectorChecks.sectorCodes(run), password.length());
        if (problem.isEmpty() && !password.equals(ctx.formParam("wachtwoord2"))) problem = Optional.of("de twee wachtwoorden verschillen");
        if (problem.isEmpty() && store.account(name).isPresent()) problem = Optional.of("beoordelaar '" + Limits.cut(name) + "' bestaat al");
        if (problem.isPresent()) {
            Routes.refuseTo(ctx, s, "/gebruikers", new Pages.Refusal("/gebruikers", "Niet toegevoegd: " + problem.get() + ".", null, null, null, typed));
            return;
        }
        store.addUser(name, Passwords.hash(password.toCharArray()), role.get(), sectors, s.user);
        s.flash = "Beoordelaar '" + name + "' toegevoegd (" + role.get().label() + (sectors.isEmpty() ? "" : ": " + String.join(", ", sectors)) + ").";
        ctx.redirect("/gebruikers", HttpStatus.SEE_OTHER);
    }
}
