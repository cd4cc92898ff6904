package be.serv.advies.cli;

import be.serv.advies.review.Passwords;
import be.serv.advies.review.ReviewStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static be.serv.advies.cli.Shell.withStdin;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code advies user add}: the password from standard input, stored only as a salted slow hash. */
class UserCommandTest {
    @TempDir
    Path tmp;

    @Test
    void addsAReviewerWithASaltedHash() {
        Path db = tmp.resolve("review.db");
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "anna", "--role", "secretariaat", "--db", db.toString()))
                .succeeded().outContains("Beoordelaar 'anna' (secretariaat) toegevoegd");
        try (ReviewStore store = ReviewStore.open(db)) {
            String hash = store.account("anna").orElseThrow().passwordHash();
            assertTrue(hash.startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$"), hash);
            assertFalse(hash.contains("een lang wachtwoord"));
            assertTrue(Passwords.verify("een lang wachtwoord".toCharArray(), hash));
            assertFalse(Passwords.verify("een ander wachtwoord".toCharArray(), hash));
        }
    }

    @Test
    void refusesADuplicateAShortPasswordAndAMissingDatabase() {
        Path db = tmp.resolve("review.db");
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "anna", "--role", "secretariaat", "--db", db.toString())).succeeded();
        assertThat(withStdin("nog een wachtwoord\n", "user", "add", "anna", "--role", "secretariaat", "--db", db.toString()))
                .exitedWith(ExitCodes.INPUT).errContains("bestaat al");
        assertThat(withStdin("kort\n", "user", "add", "bert", "--role", "lezer", "--db", db.toString()))
                .exitedWith(ExitCodes.INPUT).errContains("minstens 10 tekens");
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "bert", "--role", "lezer"))
                .exitedWith(ExitCodes.INPUT).errContains("geef --db FILE of --batch BATCH_DIR");
    }

    @Test
    void serveRefusesABadBatchWithoutStarting() {
        assertThat(shell("serve", tmp.resolve("bestaat-niet").toString(), "--port", "0"))
                .exitedWith(ExitCodes.INPUT).errContains("er is niets geschreven");
    }

    @Test
    void namesAreOneReviewerWhateverTheCase() {
        Path db = tmp.resolve("review.db");
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "Anna", "--role", "secretariaat", "--db", db.toString())).succeeded();
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "anna", "--role", "lezer", "--db", db.toString()))
                .exitedWith(ExitCodes.INPUT).errContains("beoordelaar 'Anna' bestaat al");
        try (ReviewStore store = ReviewStore.open(db)) {
            assertTrue(store.account("ANNA").isPresent());
            assertTrue(store.account("anna").orElseThrow().name().equals("Anna"), "the name as written at creation");
        }
    }

    @Test
    void aSectorReviewerNeedsKnownSectorsAndOnlyTheSectorRoleHasThem() {
        Path db = tmp.resolve("review.db");
        String small = "src/test/resources/batches/small";
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "jan", "--role", "sector", "--sectors", "HAARZORG,ELEK",
                "--db", db.toString(), "--batch", small)).succeeded().outContains("(sector: ELEK, HAARZORG)");
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "piet", "--role", "sector", "--sectors", "HORECA",
                "--db", db.toString(), "--batch", small)).exitedWith(ExitCodes.INPUT).errContains("onbekende sector HORECA");
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "piet", "--role", "sector", "--db", db.toString()))
                .exitedWith(ExitCodes.INPUT).errContains("de rol sector heeft minstens één sector nodig");
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "piet", "--role", "lezer", "--sectors", "ELEK", "--db", db.toString()))
                .exitedWith(ExitCodes.INPUT).errContains("enkel de rol sector heeft sectoren");
        assertThat(withStdin("een lang wachtwoord\n", "user", "add", "piet", "--role", "baas", "--db", db.toString()))
                .exitedWith(ExitCodes.INPUT).errContains("onbekende rol 'baas'");
        assertThat(shell("user", "list", "--db", db.toString())).succeeded().outContains("jan\tsector\tELEK,HAARZORG");
    }
}
