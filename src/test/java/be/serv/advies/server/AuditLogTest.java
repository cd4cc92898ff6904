package be.serv.advies.server;

import be.serv.advies.review.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 8: no sign-in, failed login or decision was logged. The audit log now keeps them in a table
 * (exported as CSV for the secretariat) and writes each as a line on stderr.
 */
class AuditLogTest {
    @TempDir
    Path tmp;

    @Test
    void accountsSignInsFailuresDecisionsBulkAndReloadsAreLogged() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 2, ReviewFixture.quiet(), "anna")) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            // When someone fails to sign in, anna signs in, decides, bulk-confirms and reloads the rules
            fx.client().login("mallory", "raden").expect(401);
            WebClient c = fx.signedIn("anna");
            String rules = c.get("/aanvraag/A1").hidden("regels").get(0);
            c.post("/aanvraag/A1/wijzigen", "versie", "0", "regels", rules, "advies", "POSITIVE", "reden", "nieuwe vraag").expect(303);
            WebClient.Page step = c.get("/bulk-bevestigen?q=campus");
            c.post("/bulk-bevestigen", "regels", rules, "terug", "q=campus", "aanvraag", step.hidden("aanvraag").get(0),
                    "aanvraag", step.hidden("aanvraag").get(1)).expect(303);
            c.get("/");
            c.post("/regels/herladen").expect(303);
            System.setErr(stderr);

            // Then the table has each, in order
            List<AuditEntry> log = fx.store.auditLog();
            List<AuditEntry.Event> events = log.stream().map(AuditEntry::event).toList();
            assertEquals(List.of(AuditEntry.Event.USER_ADDED, AuditEntry.Event.RULES_LOADED, AuditEntry.Event.SIGN_IN_FAILED, AuditEntry.Event.SIGN_IN,
                    AuditEntry.Event.DECISION, AuditEntry.Event.DECISION, AuditEntry.Event.DECISION, AuditEntry.Event.BULK,
                    AuditEntry.Event.RULES_LOADED), events);
            AuditEntry failed = log.get(2);
            assertEquals("mallory", failed.actor());
            assertEquals("127.0.0.1", failed.address());
            assertEquals("A1", log.get(4).applicationId());
            assertTrue(log.get(4).detail().contains("gewijzigd, advies positief") && log.get(4).detail().contains("reden: nieuwe vraag"), log.get(4).detail());
            assertTrue(log.get(7).detail().startsWith("2 bevestigd, bulk "), log.get(7).detail());
            assertEquals("anna", log.get(8).actor());

            // And stderr has a line for each
            String err = captured.toString(StandardCharsets.UTF_8);
            assertTrue(err.contains("aanmelden mislukt actor=\"mallory\" address=\"127.0.0.1\""), err);
            assertTrue(err.contains("aangemeld actor=\"anna\""), err);
            assertTrue(err.contains("beslissing actor=\"anna\" application=\"A1\""), err);
            assertTrue(err.contains("bulkbevestiging actor=\"anna\""), err);
            assertTrue(err.contains("regels geladen actor=\"anna\""), err);

            // And the secretariat exports it as CSV
            String csv = c.get("/export/audit.csv").expect(200).body();
            assertTrue(csv.startsWith("\uFEFFat;event;actor;address;application_id;detail"), csv);
            assertTrue(csv.contains(";aanmelden mislukt;mallory;127.0.0.1;;onbekende naam"), csv);
        } finally {
            System.setErr(stderr);
        }
    }
}
