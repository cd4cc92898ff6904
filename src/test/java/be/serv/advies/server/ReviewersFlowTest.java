package be.serv.advies.server;

import be.serv.advies.review.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reviewer's day in few clicks, over HTTP: a decision leads on to the next application of the list
 * as filtered and sorted; "next" and bulk cover a second look; signing in returns to the page asked for
 * and brings back what was typed when the session had ended; sector codes without case; the progress
 * page; the secretariat undoes a bulk; every error page is Dutch and in the layout.
 */
class ReviewersFlowTest {
    @TempDir
    Path tmp;

    @Test
    void aDecisionLeadsToTheNextApplicationOfTheFilteredSortedList() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 3, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            String query = "sector=HAARZORG&sorteer=id&richting=af";
            List<String> order = ids(c.get("/?" + query).expect(200).body());
            assertEquals(5, order.size(), order.toString());
            // When anna confirms the first three of her list, one after the other, without clicking "next"
            String at = "/aanvraag/" + order.get(0) + "?" + query;
            for (int i = 0; i < 3; i++) {
                WebClient.Page page = c.get(at).expect(200);
                String rules = page.hidden("regels").get(0);
                WebClient.Page r = c.post(at.substring(0, at.indexOf('?')) + "/bevestigen", "versie", page.hidden("versie").get(0), "regels", rules,
                        "lijst", page.hidden("lijst").get(0)).expect(303);
                // Then each decision lands on the next one of that list, the list kept in the address
                assertEquals("/aanvraag/" + order.get(i + 1) + "?" + query, r.location());
                at = r.location();
            }
            assertEquals(3, fx.store.allDecisions().size());
            // And the override choice starts on no verdict at all
            c.get(at).contains("<option value=\"\" selected>— kies een advies —</option>");
        }
    }

    @Test
    void nextAndBulkCoverASecondLookAndBulkCountsWhatTheListShows() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            String rules = c.get("/aanvraag/A1").hidden("regels").get(0);
            c.post("/aanvraag/A1/bevestigen", "versie", "0", "regels", rules).expect(303);
            RulesReloadTest.raiseMaxProviders(fx.rules);
            c.get("/");
            c.post("/regels/herladen", "terug", "").expect(303);
            // The second-look list: "next" from the list's only row is none, bulk counts it
            WebClient.Page list = c.get("/?status=SECOND_LOOK").expect(200);
            List<String> second = ids(list.body());
            assertEquals(List.of("A1"), second);
            list.contains("Bevestig het 1 ontwerpadvies dat in deze lijst op een beslissing wacht");
            // The open list's "next" goes through open applications; from A1 the next waiting one is offered
            c.get("/aanvraag/A2").contains("id=\"next-open\"");
            WebClient.Page step = c.get("/bulk-bevestigen?status=SECOND_LOOK").expect(200).contains("(tweede blik)");
            c.post("/bulk-bevestigen", "regels", step.hidden("regels").get(0), "terug", step.hidden("terug").get(0),
                    "aanvraag", step.hidden("aanvraag").get(0)).expect(303);
            assertEquals(2, fx.store.latest("A1").orElseThrow().version());
            assertEquals(List.of(), ids(c.get("/?status=SECOND_LOOK").body()));
        }
    }

    @Test
    void signingInReturnsToThePageAndBringsBackWhatWasTyped() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            // A deep link without a session leads to the sign-in and back
            WebClient c = fx.client();
            assertEquals("/aanmelden?terug=%2Faanvraag%2FA2", c.get("/aanvraag/A2").expect(303).location());
            WebClient.Page form = c.get("/aanmelden?terug=%2Faanvraag%2FA2").expect(200);
            assertEquals("/aanvraag/A2", form.hidden("terug").get(0));
            assertEquals("/aanvraag/A2", c.post("/aanmelden", "naam", "anna", "wachtwoord", ReviewFixture.PASSWORD, "terug", "/aanvraag/A2").expect(303).location());
            // A return address elsewhere is not followed
            assertEquals("/", ReviewServer.returnPath("//elders.example/x"));
            assertEquals("/", ReviewServer.returnPath("https://elders.example/"));

            // When the session ends while anna types an override reason
            WebClient.Page page = c.get("/aanvraag/A2").expect(200);
            fx.store.endSessions("anna", null, true);
            WebClient.Page login = c.post("/aanvraag/A2/wijzigen", "versie", "0", "regels", page.hidden("regels").get(0), "advies", "POSITIVE",
                    "reden", "Geen leerwerkplekken <in de regio>").expect(401).contains("id=\"kept-note\"");
            // Then signing in again brings her back to A2 with the text, nothing stored yet
            WebClient.Page in = c.post("/aanmelden", "naam", "anna", "wachtwoord", ReviewFixture.PASSWORD, "terug", login.hidden("terug").get(0),
                    "bewaard_advies", login.hidden("bewaard_advies").get(0), "bewaard_reden", login.hidden("bewaard_reden").get(0),
                    "bewaard_tekst", "").expect(303);
            assertEquals("/aanvraag/A2", in.location());
            c.get("/aanvraag/A2").expect(200).contains("Geen leerwerkplekken &lt;in de regio&gt;</textarea>")
                    .contains("<option value=\"POSITIVE\" selected>");
            assertTrue(fx.store.latest("A2").isEmpty());
        }
    }

    @Test
    void sectorCodesWithoutCaseAProgressPageAndAnUndoneBulk() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 3, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            c.get("/?sector=haarzorg").expect(200).contains("5 van 8 aanvragen getoond");
            c.get("/export/annex.csv?sector=haarzorg").expect(200);
            // Bulk, then progress, then undo
            WebClient.Page step = c.get("/bulk-bevestigen?q=campus").expect(200);
            List<String> form = new ArrayList<>(List.of("regels", step.hidden("regels").get(0), "terug", step.hidden("terug").get(0)));
            for (String item : step.hidden("aanvraag")) form.addAll(List.of("aanvraag", item));
            c.post("/bulk-bevestigen", form.toArray(String[]::new)).expect(303);
            c.get("/voortgang").expect(200).contains("data-sector=\"HAARZORG\"")
                    .contains("<a href=\"/?sector=HAARZORG&amp;status=CONFIRMED\">3</a>");
            String bulk = fx.store.bulks().get(0).id();
            c.get("/bulk-ongedaan").expect(200).contains("data-bulk=\"" + bulk + "\"");
            c.post("/bulk-ongedaan", "bulk", bulk).expect(303);
            assertTrue(fx.store.allDecisions().isEmpty());
            assertTrue(fx.store.auditLog().stream().anyMatch(e -> e.event() == AuditEntry.Event.BULK_UNDONE && e.actor().equals("anna")));
        }
    }

    @Test
    void everyErrorPageIsDutchAndInTheLayout() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> notFound = http.send(HttpRequest.newBuilder(URI.create(fx.base + "/bestaat-niet")).build(), HttpResponse.BodyHandlers.ofString());
            assertDutch(404, "Niet gevonden", notFound.statusCode(), notFound.body());
            HttpResponse<String> method = http.send(HttpRequest.newBuilder(URI.create(fx.base + "/aanmelden"))
                    .method("PUT", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertDutch(405, "Niet toegestaan", method.statusCode(), method.body());
            HttpResponse<String> large = http.send(HttpRequest.newBuilder(URI.create(fx.base + "/aanmelden"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("naam=" + "x".repeat(3_000_000))).build(), HttpResponse.BodyHandlers.ofString());
            assertDutch(413, "Te groot", large.statusCode(), large.body());
            String bad = raw(fx.server.port(), "GET /aanvraag/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
            assertTrue(bad.contains("Ongeldige aanvraag") && bad.contains("Programmatie Duaal Leren"), bad);
        }
    }

    private static void assertDutch(int expected, String title, int status, String body) {
        assertEquals(expected, status, body);
        assertTrue(body.contains("<h1>" + title + "</h1>") && body.contains("Programmatie Duaal Leren"), body);
    }

    private static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> ids(String listPage) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-id=\"([^\"]+)\"").matcher(listPage);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
