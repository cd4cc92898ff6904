package be.serv.advies.server;

import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log records sign-in, sign-out, failed and throttled sign-ins, comments, exports and
 * refusals (403 and CSRF), and the secretariat reads it on a page, filtered by event and by actor.
 */
class AuditPageTest {
    @TempDir
    Path tmp;

    @Test
    void everyKindOfEventIsLoggedAndThePageFiltersThem() throws Exception {
        ServerOptions behindProxy = ReviewFixture.quiet().withPublicUrl(URI.create("https://advies.test/"));
        try (ReviewFixture fx = ReviewFixture.start(tmp, ReviewFixture.batch(tmp, "small", 0), behindProxy, store -> {
            String hash = Passwords.hash(ReviewFixture.PASSWORD.toCharArray());
            store.addUser("secretaris", hash, Role.SECRETARIAAT, Set.of(), "");
            store.addUser("horeca", hash, Role.SECTOR, Set.of("HAARZORG"), "");
        })) {
            // Given a day's events: a wrong password, a throttled attempt, a comment, an export, refusals, a sign-out
            LoginAttacker stranger = new LoginAttacker(fx.base);
            for (int i = 0; i < LoginThrottle.NAME_BUDGET; i++) stranger.login("horeca", "gok" + i, "10.4.0." + i).get();
            assertEquals(429, stranger.login("horeca", "nog een gok", "10.4.0.1").get().statusCode());
            WebClient h = fx.client();
            h.forwardedFor = "192.0.2.8";
            h.login("horeca", ReviewFixture.PASSWORD).expect(303);
            h.get("/aanvraag/A1");
            h.post("/aanvraag/A1/opmerking", "tekst", "even nakijken").expect(303);
            h.get("/export/annex.csv").expect(200);
            h.get("/gebruikers").expect(403);
            h.post("/aanvraag/A1/opmerking", "tekst", "vals", "csrf", "vals").expect(403);
            h.get("/");
            h.post("/afmelden").expect(303);
            Set<AuditEntry.Event> seen = EnumSet.noneOf(AuditEntry.Event.class);
            fx.store.auditLog().forEach(e -> seen.add(e.event()));
            assertTrue(seen.containsAll(EnumSet.of(AuditEntry.Event.SIGN_IN, AuditEntry.Event.SIGN_IN_FAILED, AuditEntry.Event.SIGN_IN_THROTTLED,
                    AuditEntry.Event.COMMENT, AuditEntry.Event.EXPORT, AuditEntry.Event.REFUSED, AuditEntry.Event.SIGN_OUT)), seen.toString());

            // When the secretariat filters the page on refusals by horeca
            WebClient s = fx.signedIn("secretaris");
            WebClient.Page page = s.get("/audit?gebeurtenis=REFUSED&wie=HOR").expect(200);
            // Then it shows exactly those two lines
            assertEquals(2, page.body().split("class=\"audit-REFUSED\"", -1).length - 1, page.body());
            page.contains("CSRF-controle mislukt").contains("/gebruikers").lacks("class=\"audit-COMMENT\"");
            s.get("/audit").expect(200).contains("class=\"audit-SIGN_OUT\"").contains("class=\"audit-SIGN_IN_THROTTLED\"");
            h.login("horeca", ReviewFixture.PASSWORD).expect(303);
            h.get("/audit").expect(403);
        }
    }
}
