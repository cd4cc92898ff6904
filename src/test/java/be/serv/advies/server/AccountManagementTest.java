package be.serv.advies.server;

import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secretariat manages accounts on /gebruikers: disable and re-enable, a temporary password, a new
 * role, ending sessions, unlocking a name; a reviewer changes their own password. Each change is in
 * the audit log and applies at the next request of a session that is already open.
 */
class AccountManagementTest {
    @TempDir
    Path tmp;

    @Test
    void aNewRoleAppliesAtTheOpenSessionsNextRequest() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient h = fx.signedIn("horeca");
            h.get("/aanvraag/A1").expect(200).contains("id=\"confirm-form\"");
            WebClient s = fx.signedIn("secretaris");
            // When the secretariat makes horeca a reader
            s.get("/gebruikers");
            s.post("/gebruikers/beheer", "naam", "horeca", "actie", "rol", "rol", "lezer").expect(303);
            // Then horeca's open session reads, no longer decides
            h.get("/aanvraag/A1").expect(200).lacks("id=\"confirm-form\"").contains("id=\"read-only\"");
            assertAudited(fx, "secretaris", "beoordelaar horeca: rol lezer");
        }
    }

    @Test
    void aDisabledAccountIsSignedOutAtOnceAndCannotSignInUntilReEnabled() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient h = fx.signedIn("horeca");
            h.get("/aanvraag/A1");
            h.post("/aanvraag/A1/opmerking", "tekst", "nog na te kijken").expect(303);
            WebClient s = fx.signedIn("secretaris");
            s.get("/gebruikers");
            s.post("/gebruikers/beheer", "naam", "horeca", "actie", "uitschakelen").expect(303);
            s.get("/gebruikers").contains("uitgeschakeld");
            // Then horeca's next request goes to the sign-in, and signing in is refused
            assertTrue(h.get("/").expect(303).location().startsWith("/aanmelden"));
            h.login("horeca", ReviewFixture.PASSWORD).expect(403).contains("uitgeschakeld");
            // And what horeca wrote keeps its author
            assertEquals("horeca", fx.store.comments("A1").get(0).reviewer());
            assertAudited(fx, "secretaris", "beoordelaar horeca: uitgeschakeld");
            // When re-enabled, horeca signs in again
            s.post("/gebruikers/beheer", "naam", "horeca", "actie", "inschakelen").expect(303);
            h.login("horeca", ReviewFixture.PASSWORD).expect(303);
            assertAudited(fx, "secretaris", "beoordelaar horeca: weer ingeschakeld");
        }
    }

    @Test
    void aResetGivesATemporaryPasswordThatMustBeChangedAtTheNextSignIn() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient h = fx.signedIn("horeca");
            WebClient s = fx.signedIn("secretaris");
            s.get("/gebruikers");
            s.post("/gebruikers/beheer", "naam", "horeca", "actie", "wachtwoord-herstellen").expect(303);
            Matcher m = Pattern.compile("Tijdelijk wachtwoord voor &#39;horeca&#39;: ([a-z0-9-]{19})|Tijdelijk wachtwoord voor 'horeca': ([a-z0-9-]{19})")
                    .matcher(s.get("/gebruikers").body());
            assertTrue(m.find(), "the page shows the temporary password once");
            String temporary = m.group(1) != null ? m.group(1) : m.group(2);
            // Then horeca's open session has ended, the old password no longer works
            assertTrue(h.get("/").expect(303).location().startsWith("/aanmelden"));
            h.login("horeca", ReviewFixture.PASSWORD).expect(401);
            // (After a wrong password the same name and address wait the login delay, as any person does)
            Thread.sleep(ReviewFixture.quiet().loginDelay().toMillis() * 5);
            // And the temporary one leads straight to choosing a new password, before any other page
            assertEquals("/wachtwoord", h.login("horeca", temporary).expect(303).location());
            assertEquals("/wachtwoord", h.get("/aanvraag/A1").expect(303).location());
            h.get("/wachtwoord").expect(200).contains("id=\"must-change\"");
            h.post("/wachtwoord", "huidig", temporary, "wachtwoord", "mijn eigen nieuw wachtwoord", "wachtwoord2", "mijn eigen nieuw wachtwoord").expect(303);
            h.get("/aanvraag/A1").expect(200);
            assertAudited(fx, "secretaris", "beoordelaar horeca: wachtwoord opnieuw ingesteld");
            assertAudited(fx, "horeca", "beoordelaar horeca: eigen wachtwoord gewijzigd");
        }
    }

    @Test
    void aReviewerChangesTheirOwnPasswordAndTheirOtherSessionsEnd() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient here = fx.signedIn("horeca");
            WebClient there = fx.signedIn("horeca");
            here.get("/wachtwoord").expect(200);
            here.follow(here.post("/wachtwoord", "huidig", "fout wachtwoord!", "wachtwoord", "mijn eigen nieuw wachtwoord", "wachtwoord2", "mijn eigen nieuw wachtwoord"))
                    .expect(200).contains("Het huidige wachtwoord klopt niet");
            here.post("/wachtwoord", "huidig", ReviewFixture.PASSWORD, "wachtwoord", "mijn eigen nieuw wachtwoord", "wachtwoord2", "mijn eigen nieuw wachtwoord").expect(303);
            // Then this session goes on, the other one has ended, and the new password signs in
            here.get("/").expect(200);
            assertTrue(there.get("/").expect(303).location().startsWith("/aanmelden"));
            there.login("horeca", "mijn eigen nieuw wachtwoord").expect(303);
            assertAudited(fx, "horeca", "beoordelaar horeca: eigen wachtwoord gewijzigd");
        }
    }

    @Test
    void theSecretariatSeesAndEndsASession() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient h = fx.signedIn("horeca");
            WebClient s = fx.signedIn("secretaris");
            WebClient.Page users = s.get("/gebruikers").expect(200).contains("id=\"sessions\"");
            String id = fx.store.openSessions().stream().filter(r -> r.name().equals("horeca")).findFirst().orElseThrow().id().substring(0, 12);
            users.contains("value=\"" + id + "\"");
            s.post("/sessies/beeindigen", "sessie", id).expect(303);
            assertTrue(h.get("/").expect(303).location().startsWith("/aanmelden"));
            assertTrue(fx.store.openSessions().stream().noneMatch(r -> r.name().equals("horeca")));
            assertAudited(fx, "secretaris", "sessie " + id + " beëindigd");
        }
    }

    @Test
    void anUnlockLetsAFailingAddressTryTheNameAgain() throws Exception {
        ServerOptions behindProxy = ReviewFixture.quiet().withPublicUrl(URI.create("https://advies.test/"));
        try (ReviewFixture fx = start(behindProxy)) {
            // Given horeca's name past its budget from ten addresses
            LoginAttacker stranger = new LoginAttacker(fx.base);
            for (int i = 0; i < LoginThrottle.NAME_BUDGET; i++) assertEquals(401, stranger.login("horeca", "gok" + i, "10.2.0." + i).get().statusCode());
            WebClient h = fx.client();
            h.forwardedFor = "10.2.0.1";
            h.login("horeca", ReviewFixture.PASSWORD).expect(429);
            // When the secretariat unlocks the name
            WebClient s = fx.signedIn("secretaris");
            s.get("/gebruikers");
            s.post("/gebruikers/beheer", "naam", "horeca", "actie", "ontgrendelen").expect(303);
            // Then that address is looked at again
            h.login("horeca", ReviewFixture.PASSWORD).expect(303);
            assertAudited(fx, "secretaris", "beoordelaar horeca: ontgrendeld");
        }
    }

    @Test
    void onlyTheSecretariatManagesAccountsAndNotItsOwnRole() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient h = fx.signedIn("horeca");
            h.get("/");
            h.post("/gebruikers/beheer", "naam", "secretaris", "actie", "uitschakelen").expect(403);
            WebClient s = fx.signedIn("secretaris");
            s.get("/gebruikers");
            s.follow(s.post("/gebruikers/beheer", "naam", "secretaris", "actie", "uitschakelen")).expect(200).contains("eigen account");
            s.follow(s.post("/gebruikers/beheer", "naam", "niemand", "actie", "uitschakelen")).expect(200).contains("bestaat niet");
            assertTrue(fx.store.accountStates().stream().noneMatch(a -> a.disabled()));
        }
    }

    static void assertAudited(ReviewFixture fx, String actor, String detailStart) {
        assertTrue(fx.store.auditLog().stream().anyMatch(e -> (e.event() == AuditEntry.Event.ACCOUNT_CHANGED)
                        && e.actor().startsWith(actor) && e.detail().startsWith(detailStart)),
                () -> "no audit line by " + actor + ": " + detailStart + " in " + fx.store.auditLog());
    }

    private ReviewFixture start() throws Exception {
        return start(ReviewFixture.quiet());
    }

    private ReviewFixture start(ServerOptions options) throws Exception {
        return ReviewFixture.start(tmp, ReviewFixture.batch(tmp, "small", 0), options, store -> {
            String hash = Passwords.hash(ReviewFixture.PASSWORD.toCharArray());
            store.addUser("secretaris", hash, Role.SECRETARIAAT, Set.of(), "");
            store.addUser("horeca", hash, Role.SECTOR, Set.of("HAARZORG"), "");
        });
    }
}
