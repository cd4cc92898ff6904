package be.serv.advies.server;

import be.serv.advies.review.Account;
import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secretariat manages the accounts on /gebruikers; no other role may see or change them. */
class UserManagementTest {
    @TempDir
    Path tmp;

    @Test
    void theSecretariatAddsASectorRepresentativeWhoThenSignsIn() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient s = fx.signedIn("secretaris");
            s.get("/gebruikers").expect(200).contains("data-name=\"horeca\"").contains("value=\"HAARZORG\" checked");

            // When she adds Jan for Haarzorg and Elektriciens
            s.post("/gebruikers", "naam", "Jan", "rol", "sector", "sector", "HAARZORG", "sector", "ELEK",
                    "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een lang wachtwoord").expect(303);

            // Then the account exists with that role, the audit log says who added it, and Jan signs in
            Account jan = fx.store.account("jan").orElseThrow();
            assertEquals(Role.SECTOR, jan.role());
            assertEquals(Set.of("HAARZORG", "ELEK"), jan.sectors());
            AuditEntry added = fx.store.auditLog().stream().filter(e -> e.event() == AuditEntry.Event.USER_ADDED && e.detail().startsWith("beoordelaar Jan,")).findFirst().orElseThrow();
            assertEquals("secretaris", added.actor());
            s.get("/gebruikers").contains("toegevoegd (sector: ELEK, HAARZORG)");
            WebClient j = fx.client();
            j.login("jan", "een lang wachtwoord").expect(303);
            j.get("/aanvraag/A3").expect(200).contains("id=\"confirm-form\"");
        }
    }

    @Test
    void aWrongAccountIsRefusedWithItsReasonAndTheFormKept() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient s = fx.signedIn("secretaris");
            s.get("/gebruikers");
            s.follow(s.post("/gebruikers", "naam", "piet", "rol", "sector", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een lang wachtwoord"))
                    .expect(200).contains("de rol sector heeft minstens één sector nodig").contains("value=\"piet\"");
            s.follow(s.post("/gebruikers", "naam", "piet", "rol", "sector", "sector", "BOUW", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een lang wachtwoord"))
                    .expect(200).contains("onbekende sector BOUW");
            s.follow(s.post("/gebruikers", "naam", "piet", "rol", "lezer", "wachtwoord", "kort", "wachtwoord2", "kort"))
                    .expect(200).contains("minstens 10 tekens");
            s.follow(s.post("/gebruikers", "naam", "piet", "rol", "lezer", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een ander wachtwoord"))
                    .expect(200).contains("de twee wachtwoorden verschillen");
            s.follow(s.post("/gebruikers", "naam", "HORECA", "rol", "lezer", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een lang wachtwoord"))
                    .expect(200).contains("bestaat al");
            s.follow(s.post("/gebruikers", "naam", "piet", "rol", "baas", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een lang wachtwoord"))
                    .expect(200).contains("kies een rol");
            assertEquals(2, fx.store.accounts().size());
        }
    }

    @Test
    void otherRolesCannotSeeOrAddAccounts() throws Exception {
        try (ReviewFixture fx = start()) {
            WebClient h = fx.signedIn("horeca");
            h.get("/gebruikers").expect(403);
            h.post("/gebruikers", "naam", "piet", "rol", "secretariaat", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een lang wachtwoord")
                    .expect(403);
            assertTrue(fx.store.account("piet").isEmpty());
        }
    }

    private ReviewFixture start() throws Exception {
        return ReviewFixture.start(tmp, ReviewFixture.batch(tmp, "small", 0), ReviewFixture.quiet(), store -> {
            String hash = Passwords.hash(ReviewFixture.PASSWORD.toCharArray());
            store.addUser("secretaris", hash, Role.SECRETARIAAT, Set.of(), "");
            store.addUser("horeca", hash, Role.SECTOR, Set.of("HAARZORG"), "");
        });
    }
}
