package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import be.serv.advies.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The annex for people has last year's advice beside this year's draft, as annex.json has it. */
class AnnexPreviousAdviceTest {
    @TempDir
    Path tmp;

    @Test
    void theWorkbookShowsLastYearsSettledAdviceForEveryLinkedApplication() throws Exception {
        // Given the shipped batch evaluated with last year's final annex
        Path out = tmp.resolve("out");
        Shell.assertThat(Shell.shell("evaluate", "fixtures/2022-2023", "--out", out.toString(),
                "--previous-advice", "fixtures/2021-2022/final-annex.csv")).succeeded();
        Map<String, JsonNode> previous = new HashMap<>();
        for (JsonNode a : new ObjectMapper().readTree(out.resolve("annex.json").toFile()).get("applications")) {
            if (a.has("previous_advice")) previous.put(a.get("id").asText(), a.get("previous_advice"));
        }
        assertTrue(previous.size() >= 60, "linked applications: " + previous.size());

        // When the workbook's details sheet is read
        try (InputStream in = Files.newInputStream(out.resolve("annex.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet details = wb.getSheet(AnnexWorkbook.DETAILS_SHEET);
            DataFormatter f = new DataFormatter();
            int column = AnnexWorkbook.DETAILS.indexOf("Advies vorig jaar");
            assertEquals("Advies vorig jaar", f.formatCellValue(details.getRow(0).getCell(column)));
            int shown = 0;
            for (int r = 1; r <= details.getLastRowNum(); r++) {
                Row row = details.getRow(r);
                String id = f.formatCellValue(row.getCell(0));
                String cell = f.formatCellValue(row.getCell(column));
                JsonNode p = previous.get(id);
                // Then a linked application shows the advice the review settled on and last year's application
                if (p == null) {
                    assertEquals("", cell, id);
                } else {
                    shown++;
                    assertTrue(cell.startsWith(Verdict.valueOf(p.get("advice").asText()).label() + " (aanvraag " + p.get("id").asText()), id + ": " + cell);
                    assertEquals(p.get("overridden").asBoolean(), cell.contains("gewijzigd bij het nalezen"), id + ": " + cell);
                }
            }
            assertEquals(previous.size(), shown);
        }
    }
}
