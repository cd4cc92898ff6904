package be.serv.advies.server;

import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refused write answers with a redirect to a page that shows why, with what the reviewer typed,
 * once: a refresh of that page (a GET) submits nothing again and then shows the plain page. The
 * typed text rides in the session, never in the address.
 */
class RefusedWriteRefreshTest {
    @TempDir
    Path tmp;

    @Test
    void aRefusedOverrideRedirectsAndARefreshStoresNothingAndShowsTheMessageOnce() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna", "bert")) {
            // Given anna overrides A1 while bert has it open on version 0
            WebClient anna = fx.signedIn("anna");
            WebClient bert = fx.signedIn("bert");
            String rules = bert.get("/aanvraag/A1").expect(200).hidden("regels").get(0);
            anna.get("/aanvraag/A1");
            anna.post("/aanvraag/A1/wijzigen", "versie", "0", "regels", rules, "advies", "POSITIVE", "reden", "Aanbod is nodig").expect(303);

            // When bert's override of version 0 comes in, from his sorted list
            WebClient.Page refused = bert.post("/aanvraag/A1/wijzigen", "versie", "0", "regels", rules, "advies", "POSITIVE",
                    "reden", "Nieuwe werkplekken in Genk", "lijst", "sorteer=id&richting=af");

            // Then the answer is a redirect to A1 in his list, with nothing he typed in the address
            assertEquals("/aanvraag/A1?sorteer=id&richting=af", refused.expect(303).location());

            // And that page tells him, once, with his reason and choice still in the form
            WebClient.Page shown = bert.follow(refused).expect(200);
            assertTrue(shown.text("conflict").startsWith("Uw beslissing is NIET vastgelegd: anna heeft deze aanvraag intussen beslist."), shown.text("conflict"));
            shown.contains("Beslissing van anna").contains(">Nieuwe werkplekken in Genk</textarea>").contains("value=\"POSITIVE\" selected");

            // When he refreshes it, twice
            WebClient.Page again = bert.get(refused.location()).expect(200);
            WebClient.Page third = bert.get(refused.location()).expect(200);

            // Then nothing more is stored, and the page is the plain one, with the form empty
            assertEquals(1, fx.store.history("A1").size());
            assertEquals("anna", fx.store.latest("A1").orElseThrow().reviewer());
            for (WebClient.Page p : new WebClient.Page[]{again, third}) {
                p.lacks("id=\"conflict\"").lacks("NIET vastgelegd").lacks("Nieuwe werkplekken in Genk").contains("id=\"override-form\"");
            }
        }
    }

    @Test
    void aRefusedCommentAndARefusedBulkRedirectAndShowTheirMessageOnce() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna", "bert")) {
            WebClient anna = fx.signedIn("anna");
            WebClient bert = fx.signedIn("bert");
            String rules = anna.get("/aanvraag/A1").expect(200).hidden("regels").get(0);
            anna.post("/aanvraag/A1/bevestigen", "versie", "0", "regels", rules).expect(303);

            // When bert sends an empty comment: back to the application, told once
            bert.get("/aanvraag/A2");
            WebClient.Page comment = bert.post("/aanvraag/A2/opmerking", "tekst", "   ");
            assertEquals("/aanvraag/A2", comment.expect(303).location());
            assertEquals("Een opmerking heeft tekst nodig; er is niets vastgelegd.", bert.follow(comment).expect(200).text("conflict"));
            bert.get("/aanvraag/A2").expect(200).lacks("id=\"conflict\"");
            assertTrue(fx.store.comments("A2").isEmpty());

            // When his bulk names A1, which anna decided meanwhile: back to his list, told once
            bert.get("/?q=campus");
            WebClient.Page bulk = bert.post("/bulk-bevestigen", "regels", rules, "terug", "q=campus", "aanvraag", "A2:0", "aanvraag", "A1:0");
            assertEquals("/?q=campus", bulk.expect(303).location());
            String told = bert.follow(bulk).expect(200).text("problem");
            assertTrue(told.startsWith("Bulkbevestiging geweigerd. Er is niets bevestigd") && told.contains("A1"), told);
            bert.get("/?q=campus").expect(200).lacks("id=\"problem\"");
            assertEquals(1, fx.store.allDecisions().size());
            assertTrue(fx.store.latest("A2").isEmpty());
        }
    }

    @Test
    void aRefusalIsShownOnlyOnThePageItsRedirectLeadsTo() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient anna = fx.signedIn("anna");
            String rules = anna.get("/aanvraag/A2").expect(200).hidden("regels").get(0);

            // When an override without a reason is refused, but anna opens her list instead of following the redirect
            anna.post("/aanvraag/A2/wijzigen", "versie", "0", "regels", rules, "advies", "NEGATIVE", "reden", " ").expect(303);
            WebClient.Page list = anna.get("/").expect(200);

            // Then the list does not show the application's message, and it does not turn up later on the application
            assertFalse(list.body().contains("heeft een reden nodig"));
            anna.get("/aanvraag/A2").expect(200).lacks("heeft een reden nodig").lacks("id=\"conflict\"");
            assertTrue(fx.store.latest("A2").isEmpty());
        }
    }

    @Test
    void refusalsOnTheAccountsPasswordAndUndoPagesRedirectAndShowTheirMessageOnce() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, ReviewFixture.batch(tmp, "small", 0), ReviewFixture.quiet(), store -> {
            store.addUser("secretaris", Passwords.hash(ReviewFixture.PASSWORD.toCharArray()), Role.SECRETARIAAT, Set.of(), "");
        })) {
            WebClient s = fx.signedIn("secretaris");
            s.get("/gebruikers");

            // A refused new account: back to the accounts page with the typed name, never the password, in the form
            WebClient.Page add = s.post("/gebruikers", "naam", "piet", "rol", "lezer", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een ander wachtwoord");
            assertEquals("/gebruikers", add.expect(303).location());
            WebClient.Page users = s.follow(add).expect(200).contains("value=\"piet\"").lacks("een lang wachtwoord");
            assertEquals("Niet toegevoegd: de twee wachtwoorden verschillen.", users.text("problem"));
            s.get("/gebruikers").expect(200).lacks("id=\"problem\"").lacks("value=\"piet\"");
            assertEquals(1, fx.store.accounts().size());

            // A refused own password change
            s.get("/wachtwoord");
            WebClient.Page change = s.post("/wachtwoord", "huidig", "fout wachtwoord!", "wachtwoord", "mijn eigen nieuw wachtwoord",
                    "wachtwoord2", "mijn eigen nieuw wachtwoord");
            assertEquals("/wachtwoord", change.expect(303).location());
            assertEquals("Het huidige wachtwoord klopt niet. Er is niets gewijzigd.", s.follow(change).expect(200).text("problem"));
            s.get("/wachtwoord").expect(200).lacks("id=\"problem\"");
            assertTrue(Passwords.verify(ReviewFixture.PASSWORD.toCharArray(), fx.store.account("secretaris").orElseThrow().passwordHash()));

            // Undoing a bulk that does not exist
            s.get("/bulk-ongedaan");
            WebClient.Page undo = s.post("/bulk-ongedaan", "bulk", "bestaat-niet");
            assertEquals("/bulk-ongedaan", undo.expect(303).location());
            assertEquals("Die bulkbevestiging bestaat niet (meer); er is niets gewijzigd.", s.follow(undo).expect(200).text("problem"));
            s.get("/bulk-ongedaan").expect(200).lacks("id=\"problem\"");
        }
    }
}
