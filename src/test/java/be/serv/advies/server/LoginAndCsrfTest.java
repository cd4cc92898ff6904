package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page needs a signed-in reviewer and every write a CSRF token; wrong passwords are slowed down. */
class LoginAndCsrfTest {
    @TempDir
    Path tmp;

    @Test
    void anonymousVisitorsAreSentToLoginAndCannotWrite() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.client();
            WebClient.Page list = c.get("/").expect(303);
            assertEquals("/aanmelden", list.location());
            c.get("/aanvraag/A1").expect(303);
            c.get("/export/annex.csv").expect(303);

            // A POST without a session is refused and records nothing, even with a token from the login page
            c.get("/aanmelden").expect(200);
            c.post("/aanvraag/A1/bevestigen", "versie", "0", "regels", fx.server.drafts().current().rules().hash())
                    .expect(401).contains("niet (meer) aangemeld");
            c.post("/bulk-bevestigen", "aanvraag", "A5:0").expect(401);
            c.post("/regels/herladen").expect(401);
            assertTrue(fx.store.allDecisions().isEmpty());
        }
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieAndWrongPasswordsAreRefused() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.client();
            WebClient.Page form = c.get("/aanmelden").expect(200);
            String cookie = form.response().headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);

            c.post("/aanmelden", "naam", "anna", "wachtwoord", "fout").expect(401).contains("Onbekende naam of fout wachtwoord");
            c.post("/aanmelden", "naam", "niemand", "wachtwoord", "fout").expect(401).contains("Onbekende naam of fout wachtwoord");
            WebClient.Page ok = c.post("/aanmelden", "naam", "anna", "wachtwoord", ReviewFixture.PASSWORD).expect(303);
            String session = ok.response().headers().firstValue("Set-Cookie").orElse("");
            assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Strict"), session);
            assertTrue(!session.contains(cookie.substring(0, cookie.indexOf(';'))), "a new session id after login");
            c.get("/").expect(200).contains("Aangemeld als <b id=\"reviewer\">anna</b>");
        }
    }

    @Test
    void afterAWrongPasswordTheNameIsClosedForAWhile() throws Exception {
        // A 10 s wait after the first wrong password: the retry right after it is refused unseen
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet().withLoginDelay(Duration.ofSeconds(10)), "anna")) {
            WebClient c = fx.client();
            c.login("anna", "fout").expect(401);
            c.post("/aanmelden", "naam", "anna", "wachtwoord", ReviewFixture.PASSWORD).expect(429).contains("Te veel foute pogingen");
            c.get("/").expect(303);
        }
    }

    @Test
    void postsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            String rules = c.get("/aanvraag/A5").expect(200).hidden("regels").get(0);
            c.post("/aanvraag/A5/bevestigen", "csrf", "", "versie", "0", "regels", rules).expect(403).contains("CSRF");
            c.post("/aanvraag/A5/bevestigen", "csrf", "vervalst-token", "versie", "0", "regels", rules).expect(403);
            WebClient other = fx.signedIn("anna");
            other.get("/");
            c.post("/aanvraag/A5/opmerking", "csrf", other.csrf, "tekst", "token van een andere sessie").expect(403);
            WebClient stranger = fx.client();
            stranger.get("/aanmelden");
            stranger.post("/aanmelden", "csrf", "x", "naam", "anna", "wachtwoord", ReviewFixture.PASSWORD).expect(403);
            stranger.get("/").expect(303);
            assertTrue(fx.store.allDecisions().isEmpty());
            assertTrue(fx.store.comments("A5").isEmpty());
            // With its own token the same request goes through
            c.get("/aanvraag/A5");
            c.post("/aanvraag/A5/bevestigen", "versie", "0", "regels", rules).expect(303);
        }
    }

    @Test
    void afterLogoutTheSessionIsGone() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            c.get("/").expect(200);
            String token = c.csrf;
            c.post("/afmelden").expect(303);
            c.get("/").expect(303);
            c.post("/aanvraag/A5/opmerking", "csrf", token, "tekst", "na afmelden").expect(401);
        }
    }
}
