package be.serv.advies.server;

import be.serv.advies.review.Account;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static be.serv.advies.cli.Shell.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Names that display as "anna" beside anna — a Cyrillic а, a zero-width space, a soft hyphen,
 * full-width letters, a right-to-left override — are refused, by {@code advies user add} and by the
 * secretariat's page; names are compared NFKC-normalised and case-folded, and shown as stored.
 */
class LookAlikeNamesTest {
    static final List<String> LOOK_ALIKES = List.of(
            "\u0430nna",          // Cyrillic а
            "an\u200Bna",         // zero-width space
            "an\u00ADna",         // soft hyphen
            "\uFF41\uFF4E\uFF4E\uFF41", // full-width
            "\u202Eanna",         // right-to-left override
            "an\u00A0na");        // no-break space

    @TempDir
    Path tmp;

    @Test
    void theCommandLineRefusesEachLookAlike() {
        Path db = tmp.resolve("review.db");
        assertThat(be.serv.advies.cli.Shell.withStdin("een lang wachtwoord\n", "user", "add", "anna", "--role", "lezer", "--db", db.toString())).succeeded();
        for (String name : LOOK_ALIKES) {
            assertThat(be.serv.advies.cli.Shell.withStdin("een lang wachtwoord\n", "user", "add", name, "--role", "lezer", "--db", db.toString()))
                    .exitedWith(be.serv.advies.cli.ExitCodes.INPUT).errContains("ongeldige naam");
        }
        // And a name in another case, or with another form of the same letters, is the same reviewer
        assertThat(be.serv.advies.cli.Shell.withStdin("een lang wachtwoord\n", "user", "add", "ANNA", "--role", "lezer", "--db", db.toString()))
                .exitedWith(be.serv.advies.cli.ExitCodes.INPUT).errContains("bestaat al");
    }

    @Test
    void thePageRefusesEachLookAlikeAndKeepsNamesAsTyped() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, ReviewFixture.batch(tmp, "small", 0), ReviewFixture.quiet(), store -> {
            String hash = Passwords.hash(ReviewFixture.PASSWORD.toCharArray());
            store.addUser("secretaris", hash, Role.SECRETARIAAT, Set.of(), "");
            store.addUser("anna", hash, Role.LEZER, Set.of(), "");
        })) {
            WebClient s = fx.signedIn("secretaris");
            s.get("/gebruikers");
            for (String name : LOOK_ALIKES) {
                s.follow(s.post("/gebruikers", "naam", name, "rol", "lezer", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een lang wachtwoord"))
                        .expect(200).contains("ongeldige naam");
            }
            // A name with accents in one script is fine and shown as typed
            s.post("/gebruikers", "naam", "Zoë Çelik", "rol", "lezer", "wachtwoord", "een lang wachtwoord", "wachtwoord2", "een lang wachtwoord").expect(303);
            s.get("/gebruikers").contains("data-name=\"Zoë Çelik\"");
            assertEquals(3, fx.store.accounts().size());
            assertEquals("Zoë Çelik", fx.store.account("ZOË ÇELIK").orElseThrow().name());
        }
    }

    @Test
    void keysAreNfkcAndCaseFolded() {
        assertEquals(Account.key("anna"), Account.key("\uFF21\uFF2E\uFF2E\uFF21"));
        assertEquals(Account.key("strasse"), Account.key("STRASSE"));
        assertEquals(Account.key("straße"), Account.key("STRASSE"));
    }
}
