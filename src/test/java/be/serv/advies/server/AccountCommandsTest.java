package be.serv.advies.server;

import be.serv.advies.cli.Shell;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static be.serv.advies.cli.Shell.withStdin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same account changes from the command line, on the database of a running server: each one is
 * audited and applies at the next request of a reviewer's open session.
 */
class AccountCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void disableAndEnable() throws Exception {
        try (ReviewFixture fx = start(ReviewFixture.quiet())) {
            WebClient h = fx.signedIn("horeca");
            assertThat(shell("user", "disable", "horeca", "--db", fx.db.toString())).succeeded().outContains("uitgeschakeld");
            assertTrue(h.get("/").expect(303).location().startsWith("/aanmelden"));
            h.login("horeca", ReviewFixture.PASSWORD).expect(403);
            assertThat(shell("user", "list", "--db", fx.db.toString())).succeeded().outContains("horeca\tsector\tHAARZORG\tuitgeschakeld");
            assertThat(shell("user", "enable", "horeca", "--db", fx.db.toString())).succeeded();
            h.login("horeca", ReviewFixture.PASSWORD).expect(303);
            AccountManagementTest.assertAudited(fx, "advies user disable", "beoordelaar horeca: uitgeschakeld");
            AccountManagementTest.assertAudited(fx, "advies user enable", "beoordelaar horeca: weer ingeschakeld");
        }
    }

    @Test
    void resetAndOwnPassword() throws Exception {
        try (ReviewFixture fx = start(ReviewFixture.quiet())) {
            WebClient h = fx.signedIn("horeca");
            Shell.Result reset = shell("user", "reset", "horeca", "--db", fx.db.toString());
            assertThat(reset).succeeded();
            Matcher m = Pattern.compile("Tijdelijk wachtwoord voor 'horeca': ([a-z0-9-]{19})").matcher(reset.out());
            assertTrue(m.find(), reset.out());
            assertTrue(h.get("/").expect(303).location().startsWith("/aanmelden"));
            assertEquals("/wachtwoord", h.login("horeca", m.group(1)).expect(303).location());
            // The command line sets a new own password too (read from standard input without a terminal)
            WebClient other = fx.client();
            assertThat(withStdin("een nieuw wachtwoord\n", "user", "password", "horeca", "--db", fx.db.toString())).succeeded();
            assertTrue(h.get("/wachtwoord").expect(303).location().startsWith("/aanmelden"), "the reset session ended too");
            other.login("horeca", "een nieuw wachtwoord").expect(303);
            other.get("/aanvraag/A1").expect(200);
            AccountManagementTest.assertAudited(fx, "advies user reset", "beoordelaar horeca: wachtwoord opnieuw ingesteld");
            AccountManagementTest.assertAudited(fx, "horeca", "beoordelaar horeca: eigen wachtwoord gewijzigd");
        }
    }

    @Test
    void roleSessionsAndUnlock() throws Exception {
        try (ReviewFixture fx = start(ReviewFixture.quiet().withPublicUrl(URI.create("https://advies.test/")))) {
            WebClient h = fx.client();
            h.forwardedFor = "192.0.2.5";
            h.login("horeca", ReviewFixture.PASSWORD).expect(303);
            h.get("/aanvraag/A1").expect(200).contains("id=\"confirm-form\"");
            // Role
            assertThat(shell("user", "role", "horeca", "--role", "lezer", "--db", fx.db.toString())).succeeded();
            h.get("/aanvraag/A1").expect(200).lacks("id=\"confirm-form\"");
            AccountManagementTest.assertAudited(fx, "advies user role", "beoordelaar horeca: rol lezer");
            // Sessions: listed with their code, ended by it
            Shell.Result listed = shell("user", "sessions", "--db", fx.db.toString());
            assertThat(listed).succeeded().outContains("\thoreca\t192.0.2.5\t");
            String code = listed.out().lines().filter(l -> l.contains("\thoreca\t")).findFirst().orElseThrow().split("\t")[0];
            assertThat(shell("user", "end-sessions", "horeca", "--session", code, "--db", fx.db.toString())).succeeded().outContains("1 sessie(s)");
            assertTrue(h.get("/").expect(303).location().startsWith("/aanmelden"));
            AccountManagementTest.assertAudited(fx, "advies user end-sessions", "sessie " + code + " beëindigd");
            // Unlock: a name past its budget is looked at again from a failing address
            LoginAttacker stranger = new LoginAttacker(fx.base);
            for (int i = 0; i < LoginThrottle.NAME_BUDGET; i++) assertEquals(401, stranger.login("horeca", "gok" + i, "10.3.0." + i).get().statusCode());
            WebClient fromFailing = fx.client();
            fromFailing.forwardedFor = "10.3.0.1";
            fromFailing.login("horeca", ReviewFixture.PASSWORD).expect(429);
            assertThat(shell("user", "unlock", "horeca", "--db", fx.db.toString())).succeeded();
            fromFailing.login("horeca", ReviewFixture.PASSWORD).expect(303);
            AccountManagementTest.assertAudited(fx, "advies user unlock", "beoordelaar horeca: ontgrendeld");
        }
    }

    private ReviewFixture start(ServerOptions options) throws Exception {
        return ReviewFixture.start(tmp, ReviewFixture.batch(tmp, "small", 0), options, store -> {
            String hash = Passwords.hash(ReviewFixture.PASSWORD.toCharArray());
            store.addUser("secretaris", hash, Role.SECRETARIAAT, Set.of(), "");
            store.addUser("horeca", hash, Role.SECTOR, Set.of("HAARZORG"), "");
        });
    }
}
