package be.serv.advies.report;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.Decision;
import be.serv.advies.review.DraftSeen;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Role;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the review's database, the report counts what reviewers decided, and the annex shows who decided what. */
class ReportWithDecisionsTest {
    @TempDir
    Path tmp;

    @Test
    void decidedAdvicesReplaceTheDraftsInTheFiguresAndTheAnnex() throws Exception {
        // Given the shipped batch, where a reviewer overrode one negative draft (oversupply, Social Profit)
        // to positive and confirmed one positive draft
        DraftRun run = DraftRun.of(Path.of("fixtures/2022-2023"), Path.of("rules"));
        Path db = tmp.resolve("review.db");
        try (ReviewStore store = ReviewStore.open(db)) {
            store.addUser("anna", "not-used-here", Role.SECRETARIAAT, Set.of(), "");
            store.addUser("bert", "not-used-here", Role.SECRETARIAAT, Set.of(), "");
            store.decide(seen(run, "2223-0044"), Decision.Kind.OVERRIDE, Verdict.POSITIVE, "Nieuwe campus in een andere stad", "anna");
            store.decide(seen(run, "2223-0001"), Decision.Kind.CONFIRM, Verdict.POSITIVE, "", "bert");
        }
        Path out = tmp.resolve("out");
        // When the report is made with that database
        assertThat(shell("report", "fixtures/2022-2023", "--out", out.toString(), "--db", db.toString())).succeeded();
        // Then the figures count the decided advice, and say so
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("beslist advies voor 2 van 383 aanvragen, ontwerpadvies voor de overige", json.path("verdicts").asText());
        assertEquals(261, soCount(json, "POSITIVE"));
        assertEquals(9, soCount(json, "NEGATIVE"));
        for (JsonNode row : json.path("tabel_1")) {
            if (row.path("code").asText().equals("SOCIAL")) {
                assertEquals(5, row.path("negative_or_no_advice").path("count").asInt());
            }
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("2 van de 383 aanvragen zijn door beoordelaars beslist; de overige 381 adviezen zijn ontwerpen"));
        // and the annex shows the decided advice and the reviewer beside the draft
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(AnnexWorkbook.SHEET);
            Row overridden = find(sheet, "2223-0044");
            assertEquals("positief", overridden.getCell(AnnexWorkbook.CONFIRMED_COLUMN).getStringCellValue());
            assertEquals("Nieuwe campus in een andere stad", overridden.getCell(AnnexWorkbook.REASON_COLUMN).getStringCellValue());
            assertEquals("anna", overridden.getCell(AnnexWorkbook.REVIEWER_COLUMN).getStringCellValue());
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsBadInputAndNothingIsWritten() {
        Path out = tmp.resolve("out");
        assertThat(shell("report", "fixtures/2022-2023", "--out", out.toString(), "--db", tmp.resolve("nope.db").toString()))
                .exitedWith(ExitCodes.INPUT).errContains("beoordelingsdatabank bestaat niet");
        assertFalse(Files.exists(out));
    }

    private static DraftSeen seen(DraftRun run, String id) {
        Advice a = run.advice(id).orElseThrow();
        return new DraftSeen(id, 0, a.verdict(), a.reasons(), run.rules().hash(), run.batch().getInputHash());
    }

    private static int soCount(JsonNode json, String verdict) {
        for (JsonNode v : json.path("advice").path("so")) {
            if (v.path("verdict").asText().equals(verdict)) return v.path("applications").path("count").asInt();
        }
        throw new AssertionError("no " + verdict);
    }

    private static Row find(Sheet sheet, String id) {
        for (Row row : sheet) if (row.getCell(0) != null && id.equals(row.getCell(0).getStringCellValue())) return row;
        throw new AssertionError("no row " + id);
    }
}
