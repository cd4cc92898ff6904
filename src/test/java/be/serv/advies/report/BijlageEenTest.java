package be.serv.advies.report;

import be.serv.advies.load.Problem;
import be.serv.advies.model.Province;
import be.serv.advies.load.Row;
import be.serv.advies.load.Table;
import be.serv.advies.load.TableReader;
import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bijlage 1 of the shipped batch's report: every row the sectors wrote in shortages.csv, answered or
 * not, grouped by sector in the file's order, the sector's words quoted as written, and the answered
 * ones marked where the rules found an application in the region (report.json's per-province list).
 */
class BijlageEenTest {

    @Test
    void everyShortageRowOfTheShippedBatchIsInBijlage1WithTheAnsweredOnesMarked() throws IOException {
        // Given the shipped shortages.csv and the trajectories' names
        List<Problem> problems = new ArrayList<>();
        Table shortages = TableReader.read("shortages.csv", Files.readAllBytes(ShippedReport.BATCH.resolve("shortages.csv")), problems);
        Table trajectories = TableReader.read("trajectories.csv", Files.readAllBytes(ShippedReport.BATCH.resolve("trajectories.csv")), problems);
        assertEquals(List.of(), problems);
        Map<String, String> names = new HashMap<>();
        for (Row t : trajectories.rows()) names.put(t.get("code"), t.get("name"));
        // and whether the rules found an answering application, per trajectory, text and province (report.json's list,
        // which ShippedShortageGapsTest recomputes from the files), for a row in every province in any of them
        Map<String, Boolean> answered = new HashMap<>();
        for (JsonNode s : ShippedReport.json().path("shortages").path("list")) {
            String key = s.path("trajectory").asText() + "|" + s.path("text").asText();
            answered.merge(key + "|" + s.path("province").asText(), s.path("answered").asBoolean(), Boolean::logicalOr);
            answered.merge(key + "|elke provincie", s.path("answered").asBoolean(), Boolean::logicalOr);
        }
        // When the report is made, Bijlage 1 as report.html prints it
        Document html = Jsoup.parse(ShippedReport.dir().resolve("report.html").toFile());
        Element bijlage = html.getElementById("bijlage-1").parent();
        Map<String, List<Element>> bySector = new LinkedHashMap<>();
        for (Element h3 : bijlage.select("h3")) {
            Element table = h3.nextElementSibling();
            if (!table.tagName().equals("table")) table = table.nextElementSibling();
            bySector.put(h3.text().replaceFirst("^SP ", ""), table.select("tbody tr"));
        }
        List<Element> rows = bySector.values().stream().flatMap(List::stream).toList();
        // Then it has every row of the file, 111, in the file's order (the file lists each sector's rows together)
        assertEquals(111, shortages.rows().size());
        assertEquals(shortages.rows().size(), rows.size());
        int marked = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row s = shortages.rows().get(i);
            List<String> cells = rows.get(i).select("td").stream().map(Element::text).toList();
            assertEquals(names.get(s.get("trajectory")), cells.get(0), "row " + (i + 1));
            // and the sector's words quoted verbatim
            assertEquals("“" + s.get("text") + "”", cells.get(2), "row " + (i + 1));
            // and the region written once: no name repeated in its cell
            List<String> parts = List.of(cells.get(1).split("\\s*[,;()]\\s*"));
            assertEquals(parts.stream().distinct().count(), parts.size(), "a repeated region in row " + (i + 1) + ": " + cells.get(1));
            // and an "elke provincie" row as one row for all provinces
            if (s.get("province").equals("elke provincie")) assertEquals("alle provincies", cells.get(1), "row " + (i + 1));
            // and marked answered exactly when an application in its region answers it
            String province = s.get("province").equals("elke provincie") || s.get("province").equals("Vlaanderen") ? s.get("province")
                    : Province.parse(s.get("province")).orElseThrow().label();
            boolean isAnswered = answered.get(s.get("trajectory") + "|" + s.get("text") + "|" + province);
            assertEquals(isAnswered, cells.get(3).startsWith("beantwoord"), "row " + (i + 1) + ": " + cells);
            if (isAnswered) marked++;
        }
        // and the answered ones the seed's readers missed in print are there, marked
        assertTrue(rowOf(rows, "Decoratie en schilderwerken duaal").select("td").last().text().startsWith("beantwoord"));
        assertTrue(rowOf(rows, "Slagerij duaal").select("td").last().text().startsWith("beantwoord"));
        assertTrue(marked > 0 && marked < rows.size(), "answered rows: " + marked);
        // and the sectors in the order of the file, as the seed lists them
        assertEquals(List.of("Bouw", "Elektriciens", "Grafische / Papier & Karton", "Handel", "Social Profit en Lokale Besturen",
                "Textiel", "Houtsectoren"), new ArrayList<>(bySector.keySet()));
        // and a sector's general remarks kept, in its words, under its heading
        Element hout = bijlage.select("h3").stream().filter(h -> h.text().equals("SP Houtsectoren")).findFirst().orElseThrow();
        assertEquals("Bijkomende opmerkingen van de sector: “Er zijn te weinig reguliere voltijdse scholen die duaal aanbieden. "
                + "Er is een groot aanbod van scholen met een beperkt aantal potentiële kandidaat-leerlingen.”", hout.nextElementSibling().text());
        // and the count in words is the sectors' own
        String text = html.getElementById("s3-2").parent().text();
        assertTrue(text.contains("De sectoren duiden 111 tekorten aan"), text);
        assertFalse(text.contains("147"), text);
    }

    private static Element rowOf(List<Element> rows, String trajectory) {
        return rows.stream().filter(r -> r.select("td").first().text().equals(trajectory)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + trajectory));
    }
}
