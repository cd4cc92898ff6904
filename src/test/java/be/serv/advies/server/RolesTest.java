package be.serv.advies.server;

import be.serv.advies.review.Decision;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each role may do, on every route: the secretariat everything; a sector's representative decides
 * on their sectors' applications only and sees the others read-only, and exports only their own; a
 * reader reads. A refused action answers 403 and stores nothing.
 */
class RolesTest {
    @TempDir
    static Path tmp;
    static ReviewFixture fx;
    static String rules;

    @BeforeAll
    static void start() throws Exception {
        fx = ReviewFixture.start(tmp, ReviewFixture.batchWithSectors(tmp), ReviewFixture.quiet(), store -> {
            String hash = Passwords.hash(ReviewFixture.PASSWORD.toCharArray());
            store.addUser("secretaris", hash, Role.SECRETARIAAT, Set.of(), "");
            store.addUser("horeca", hash, Role.SECTOR, Set.of("HORECA"), "");
            store.addUser("lezer", hash, Role.LEZER, Set.of(), "");
        });
        rules = fx.server.drafts().current().rules().hash();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aHorecaRepresentativeCannotDecideOrExportABouwApplication() throws Exception {
        // Given the Horeca representative, signed in
        WebClient h = fx.signedIn("horeca");
        int before = fx.store.allDecisions().size();

        // When they open a Bouw application, they see it without the forms to decide
        h.get("/aanvraag/B1").expect(200).contains("Metselaar duaal").contains("id=\"read-only\"").lacks("id=\"confirm-form\"");

        // And when they post the forms anyway: confirm, override, comment, bulk, all refused with 403
        h.post("/aanvraag/B1/bevestigen", "versie", "0", "regels", rules).expect(403).contains("sector Bouw beslist u niet");
        h.post("/aanvraag/B1/wijzigen", "versie", "0", "regels", rules, "advies", "NEGATIVE", "reden", "geen plaats").expect(403);
        h.post("/aanvraag/B1/opmerking", "tekst", "een opmerking").expect(403);
        h.post("/bulk-bevestigen", "regels", rules, "terug", "", "aanvraag", "H1:0", "aanvraag", "B1:0").expect(403)
                .contains("geen enkele aanvraag van deze bulkbevestiging is bevestigd");
        // and the exports: another sector's is refused, their own holds only their sector
        h.get("/export/annex.csv?sector=BOUW").expect(403);
        h.get("/export/annex.xlsx?sector=BOUW").expect(403);
        String own = h.get("/export/annex.csv").expect(200).body();
        h.get("/export/audit.csv").expect(403);
        h.post("/regels/herladen").expect(403);

        // Then nothing is stored, and their export has H1 and H2 only
        assertEquals(before, fx.store.allDecisions().size());
        assertTrue(fx.store.comments("B1").isEmpty());
        List<String> ids = own.lines().skip(1).map(l -> l.substring(0, l.indexOf(';'))).toList();
        assertEquals(List.of("H1", "H2"), ids);
        java.net.http.HttpResponse<byte[]> x = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(fx.base + "/export/annex.xlsx")).header("Cookie", h.cookieHeader()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, x.statusCode());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(x.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet(be.serv.advies.report.AnnexWorkbook.SHEET);
            List<String> rows = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null) rows.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertEquals(List.of("H1", "H2"), rows);
        }

        // And the bulk step offers their own open positive drafts only
        h.get("/bulk-bevestigen?advies=POSITIVE").expect(200).contains("value=\"H1:0\"").lacks("value=\"B1:0\"").lacks("value=\"B2:");
    }

    @Test
    void aHorecaRepresentativeDecidesHorecaApplications() throws Exception {
        WebClient h = fx.signedIn("horeca");
        h.get("/aanvraag/H2").expect(200).contains("id=\"confirm-form\"");
        h.post("/aanvraag/H2/bevestigen", "versie", "0", "regels", rules).expect(303);
        Decision d = fx.store.latest("H2").orElseThrow();
        assertEquals("horeca", d.reviewer());
    }

    @Test
    void aReaderReadsEverythingAndDecidesNothing() throws Exception {
        WebClient r = fx.signedIn("lezer");
        int before = fx.store.allDecisions().size();
        r.get("/").expect(200).lacks("id=\"bulk\"").lacks("id=\"reload\"");
        r.get("/aanvraag/H1").expect(200).contains("id=\"read-only\"").lacks("id=\"confirm-form\"");
        r.post("/aanvraag/H1/bevestigen", "versie", "0", "regels", rules).expect(403).contains("rol lezer");
        r.post("/aanvraag/H1/opmerking", "tekst", "x").expect(403);
        r.get("/bulk-bevestigen").expect(403);
        r.post("/bulk-bevestigen", "regels", rules, "terug", "", "aanvraag", "H1:0").expect(403);
        r.post("/regels/herladen").expect(403);
        r.get("/export/audit.csv").expect(403);
        assertEquals(9 + 1, r.get("/export/annex.csv").expect(200).body().lines().count(), "the whole annex: 9 applications and a header");
        assertEquals(before, fx.store.allDecisions().size());
        assertTrue(fx.store.comments("H1").isEmpty());
    }

    @Test
    void theSecretariatDoesEverything() throws Exception {
        WebClient s = fx.signedIn("secretaris");
        s.get("/").expect(200).contains("id=\"reload\"").contains("id=\"export-audit\"");
        s.post("/aanvraag/B2/bevestigen", "versie", "0", "regels", rules).expect(303);
        s.get("/export/annex.csv?sector=BOUW").expect(200).contains("B2;");
        s.get("/export/audit.csv").expect(200).contains("aangemeld;secretaris;");
        s.post("/regels/herladen").expect(303);
    }
}
