package be.serv.advies.server;

import be.serv.advies.review.Decision;
import be.serv.advies.model.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each action of the review server over HTTP: what the reviewer sees and what the database then holds. */
class ReviewActionsTest {
    @TempDir
    static Path tmp;
    static ReviewFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ReviewFixture.start(tmp, "small", 3, ReviewFixture.quiet(), "anna", "bert");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void workListShowsEveryApplicationWithDraftStatusAndFilters() throws Exception {
        // Given a signed-in reviewer
        WebClient c = fx.signedIn("anna");

        // When they open the work list, then filter on sector and search on school
        WebClient.Page all = c.get("/").expect(200);
        WebClient.Page sector = c.get("/?sector=HAARZORG").expect(200);
        WebClient.Page search = c.get("/?q=syntra").expect(200);
        WebClient.Page sorted = c.get("/?sorteer=school&richting=af").expect(200);

        // Then every application is listed with its draft, and the filters narrow the list
        all.contains("8 van 8 aanvragen getoond").contains("data-id=\"A1\"").contains("negatief").contains("OVERSUPPLY")
                .contains("Haarzorg (en Fitness)").contains("Limburg").contains("Se-n-Se na OK3").contains("id=\"count-OPEN\"");
        sector.contains("5 van 8 aanvragen getoond").lacks("data-id=\"A2\"");
        search.contains("1 van 8 aanvragen getoond").contains("data-id=\"A3\"");
        assertTrue(sorted.body().indexOf("data-id=\"A2\"") < sorted.body().indexOf("data-id=\"A1\""),
                "descending by school puts Sint-Jozefinstituut before CDO Hasselt");
    }

    @Test
    void detailShowsFactsDraftMotivationAndExplanation() throws Exception {
        WebClient c = fx.signedIn("anna");
        c.get("/aanvraag/A1").expect(200)
                .contains("CDO Hasselt").contains("Verwachte instroom").contains("Wij bieden kappers een toekomst.")
                .contains("Ontwerpadvies: <span class=\"v-NEGATIVE\">negatief</span>").contains("OVERSUPPLY")
                .contains("id=\"motivation\"").contains("Regels die vuurden").contains("Criteria die niet van toepassing zijn");
        c.get("/aanvraag/GEEN").expect(404);
    }

    @Test
    void confirmRecordsReviewerTimeDraftAndHashes() throws Exception {
        // Given anna on the page of A3
        WebClient c = fx.signedIn("anna");
        WebClient.Page page = c.get("/aanvraag/A3").expect(200);
        String rules = page.hidden("regels").get(0);

        // When she confirms the draft
        WebClient.Page r = c.post("/aanvraag/A3/bevestigen", "versie", "0", "regels", rules).expect(303);

        // Then it is committed with her name, the draft she saw and both hashes, and the page says so
        Decision d = fx.store.latest("A3").orElseThrow();
        assertEquals("anna", d.reviewer());
        assertEquals(Decision.Kind.CONFIRM, d.kind());
        assertEquals(Verdict.POSITIVE_WITH_REMARKS, d.advice());
        assertEquals(Verdict.POSITIVE_WITH_REMARKS, d.draftVerdict());
        assertEquals(List.of("SHORTAGE_CONFIRMED"), d.draftReasons());
        assertEquals(rules, d.rulesHash());
        assertEquals(fx.server.drafts().current().batch().getInputHash(), d.inputHash());
        // And she is on the next application that waits for a decision, told what was recorded
        assertTrue(r.location().startsWith("/aanvraag/") && !r.location().startsWith("/aanvraag/A3"), r.location());
        c.get(r.location().replace(fx.base, "")).expect(200).contains("Bevestigd: A3");
        c.get("/aanvraag/A3").expect(200).contains("class=\"decision\"").contains("bevestigd");
    }

    @Test
    void overrideNeedsAReasonAndIsRecordedWithIt() throws Exception {
        WebClient c = fx.signedIn("bert");
        String rules = c.get("/aanvraag/A2").expect(200).hidden("regels").get(0);

        // When bert overrides without a reason, nothing is recorded
        c.follow(c.post("/aanvraag/A2/wijzigen", "versie", "0", "regels", rules, "advies", "POSITIVE", "reden", "  "))
                .expect(200).contains("heeft een reden nodig");
        assertTrue(fx.store.latest("A2").isEmpty());

        // When he gives one, the override is recorded with it
        c.post("/aanvraag/A2/wijzigen", "versie", "0", "regels", rules, "advies", "POSITIVE", "reden", "Infrastructuur intussen in orde (bezoek 12/3)").expect(303);
        Decision d = fx.store.latest("A2").orElseThrow();
        assertEquals(Decision.Kind.OVERRIDE, d.kind());
        assertEquals(Verdict.POSITIVE, d.advice());
        assertEquals(Verdict.NEGATIVE, d.draftVerdict());
        assertEquals("Infrastructuur intussen in orde (bezoek 12/3)", d.reason());
        c.get("/aanvraag/A2").contains("gewijzigd").contains("Infrastructuur intussen in orde");
    }

    @Test
    void commentIsKeptInTheHistory() throws Exception {
        WebClient c = fx.signedIn("anna");
        c.get("/aanvraag/A4").expect(200);
        c.post("/aanvraag/A4/opmerking", "tekst", "Sector vragen of tandartsassistent onder Social Profit valt").expect(303);
        assertEquals(1, fx.store.comments("A4").size());
        c.get("/aanvraag/A4").contains("Sector vragen of tandartsassistent onder Social Profit valt").contains("class=\"comment\"");
        assertTrue(fx.store.latest("A4").isEmpty(), "a comment is not a decision");
    }

    @Test
    void bulkConfirmStatesItsCountAndConfirmsExactlyTheFilteredPositives() throws Exception {
        // Given the list filtered on the three generated campuses (all positive, all open)
        WebClient c = fx.signedIn("bert");
        WebClient.Page list = c.get("/?q=campus").expect(200);
        list.contains("Bevestig de 3 ontwerpadviezen die in deze lijst op een beslissing wachten").contains("href=\"/bulk-bevestigen?q=campus\"");

        // When bert asks for the bulk confirmation, the step before it states the count and stores nothing
        WebClient.Page step = c.get("/bulk-bevestigen?q=campus").expect(200)
                .contains("U bevestigt 3 ontwerpadviezen (open of tweede blik)").contains("Ja, bevestig deze 3 ontwerpadviezen");
        assertTrue(fx.store.allDecisions().stream().noneMatch(d -> d.bulkId() != null));
        // and he confirms
        WebClient.Page r = c.post("/bulk-bevestigen", "regels", step.hidden("regels").get(0), "terug", step.hidden("terug").get(0),
                "aanvraag", step.hidden("aanvraag").get(0), "aanvraag", step.hidden("aanvraag").get(1), "aanvraag", step.hidden("aanvraag").get(2))
                .expect(303);

        // Then those three are confirmed in one bulk, A5 (positive but not in the filter) is not
        List<Decision> bulk = fx.store.allDecisions().stream().filter(d -> d.bulkId() != null).toList();
        assertEquals(3, bulk.size());
        assertEquals(1, bulk.stream().map(Decision::bulkId).distinct().count());
        assertTrue(fx.store.latest("A5").isEmpty());
        assertEquals("/?q=campus", r.location());
        c.get("/?q=campus").contains("3 ontwerpadviezen bevestigd.").lacks("id=\"bulk\"");
    }

    @Test
    void aBulkWithAForgedOrUnknownItemStoresNothingAndNamesIt() throws Exception {
        WebClient c = fx.signedIn("bert");
        c.get("/");
        String rules = fx.server.drafts().current().rules().hash();
        int before = fx.store.allDecisions().size();
        assertTrue(refusedBulk(c, rules, "ZZZ:0").endsWith("geen geldige versie hebben: ZZZ."));
        assertTrue(refusedBulk(c, rules, "A2:-1").endsWith("geen geldige versie hebben: A2."));
        assertTrue(refusedBulk(c, rules, "A2:abc").endsWith("geen geldige versie hebben: A2."));
        assertTrue(refusedBulk(c, rules, "A1:0").endsWith("dubbel voorkomen of geen geldige versie hebben: A1."));
        String stale = refusedBulk(c, rules, "A4:5");
        assertTrue(stale.contains("A4") && !stale.contains("A1"), stale);
        assertTrue(fx.store.latest("A1").isEmpty());
        assertEquals(before, fx.store.allDecisions().size());
    }

    /** Posts a bulk of A1 and one more item and returns the refusal the list shows after the redirect. */
    private static String refusedBulk(WebClient c, String rules, String item) throws Exception {
        WebClient.Page list = c.follow(c.post("/bulk-bevestigen", "regels", rules, "terug", "", "aanvraag", "A1:0", "aanvraag", item)).expect(200);
        assertTrue(list.text("problem").startsWith("Bulkbevestiging geweigerd. Er is niets bevestigd"), list.text("problem"));
        return list.text("problem");
    }

    @Test
    void exportGivesTheFinalAnnexWithDecisionsAndOpenRows() throws Exception {
        // Given a decision on A5
        WebClient c = fx.signedIn("anna");
        String rules = c.get("/aanvraag/A5").hidden("regels").get(0);
        int version = fx.store.latest("A5").map(Decision::version).orElse(0);
        c.post("/aanvraag/A5/wijzigen", "versie", String.valueOf(version), "regels", rules, "advies", "NEGATIVE",
                "reden", "=HYPERLINK(\"x\") geen leerwerkplekken").expect(303);

        // When the annex is exported
        WebClient.Page csv = c.get("/export/annex.csv").expect(200);

        // Then it has every application, the decided one with draft, advice, override and reviewer; formulas neutralised
        assertTrue(csv.response().headers().firstValue("Content-Disposition").orElse("").contains("annex-definitief-2022-2023.csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(9, lines.length);
        assertTrue(lines[0].startsWith("\uFEFFid;institution_name;"), lines[0]);
        String a5 = java.util.Arrays.stream(lines).filter(l -> l.startsWith("A5;")).findFirst().orElseThrow();
        assertTrue(a5.contains(";POSITIVE;;NEGATIVE;negatief;gewijzigd;ja;\"'=HYPERLINK(\"\"x\"\") geen leerwerkplekken\";anna;"), a5);
        String a1 = java.util.Arrays.stream(lines).filter(l -> l.startsWith("A1;")).findFirst().orElseThrow();
        assertTrue(a1.contains(";NEGATIVE;OVERSUPPLY;;;open;;;;"), a1);

        // And the report's workbook comes with its review columns filled for A5 and empty for A1
        java.net.http.HttpResponse<byte[]> x = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(fx.base + "/export/annex.xlsx")).header("Cookie", cookieOf(c)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, x.statusCode());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(x.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet(be.serv.advies.report.AnnexWorkbook.SHEET);
            int col = be.serv.advies.report.AnnexWorkbook.CONFIRMED_COLUMN;
            java.util.Map<String, org.apache.poi.ss.usermodel.Row> byId = new java.util.HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) byId.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
            assertEquals("negatief", byId.get("A5").getCell(col).getStringCellValue());
            assertEquals("=HYPERLINK(\"x\") geen leerwerkplekken",
                    byId.get("A5").getCell(be.serv.advies.report.AnnexWorkbook.REASON_COLUMN).getStringCellValue());
            assertTrue(byId.get("A5").getCell(be.serv.advies.report.AnnexWorkbook.REASON_COLUMN).getCellStyle().getQuotePrefixed());
            assertEquals("anna", byId.get("A5").getCell(be.serv.advies.report.AnnexWorkbook.REVIEWER_COLUMN).getStringCellValue());
            org.apache.poi.ss.usermodel.Cell open = byId.get("A1").getCell(col);
            assertTrue(open == null || open.getStringCellValue().isEmpty());
        }
    }

    static String cookieOf(WebClient c) {
        return c.cookieHeader();
    }
}
