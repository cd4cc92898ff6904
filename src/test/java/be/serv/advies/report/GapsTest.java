package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static be.serv.advies.cli.Shell.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gaps that invite programming: new trajectories nobody asked for, trajectories without any
 * application, and shortages (Bijlage 1) that no application in their region answers, matched as
 * the shortage rule matches (trajectory, province or Vlaanderen, places).
 */
class GapsTest {

    @Test
    void unansweredShortagesNewAndUnaskedTrajectoriesAreListedWithTheSectorsWords(@TempDir Path tmp) throws IOException {
        // Given the small batch (A3: Elektrische installaties in Brugge, A1: Kapper-stylist in Hasselt) with
        // a new trajectory nobody asked for and four more shortages
        Path batch = TestBatches.copyOfSmall(tmp.resolve("batch"));
        TestBatches.append(batch, "trajectories", "OK2_NIEUW;Medewerker nieuw duaal;OK2;ARBEIDSMARKT;ELEK;ja;ja;");
        TestBatches.append(batch, "shortages",
                "ELEK;OK3_ELEK;West-Vlaanderen;Roeselare;;Roeselare zoekt elektriciens",
                "ELEK;OK3_ELEK;Antwerpen;;Kempen;Geen aanbod in de Kempen",
                "HAARZORG;SENSE3_KAPPER;Vlaanderen;;;Overal tekort aan kappers",
                "ELEK;OK2_NIEUW;Vlaanderen;;;Nieuw en nodig");
        // When the report is made
        JsonNode r = report(batch, tmp.resolve("out"));
        // Then the shortages that no application answers, with the sector's own words
        List<String> open = new ArrayList<>();
        for (JsonNode s : r.path("shortages").path("list")) {
            if (!s.path("answered").asBoolean()) open.add(s.path("region").asText() + ": " + s.path("text").asText());
        }
        assertEquals(List.of("West-Vlaanderen (Roeselare): Roeselare zoekt elektriciens", "Antwerpen (Kempen): Geen aanbod in de Kempen",
                "Vlaanderen: Nieuw en nodig"), open);
        assertEquals(3, r.path("shortages").path("unanswered").asInt());
        // and an answered one names its applications
        JsonNode flanders = ShippedReport.row(r.path("shortages").path("list"), "text", "Overal tekort aan kappers");
        assertEquals(List.of("A1"), ShippedReport.ids(flanders.path("answered_by")));
        // and the new trajectory without application, and every trajectory without one
        assertEquals(List.of("OK2_NIEUW"), codes(r.path("new_trajectories").path("without_application")));
        assertEquals(1, r.path("new_trajectories").path("possible").asInt());
        // (the small batch's catalogue also holds Kapper, named by the shipped thresholds, which nobody asks for)
        assertEquals(List.of("OK3_HAARVERZORGING", "OK2_NIEUW"), codes(r.path("trajectories_without_application")));
        // and the page lists them too
        String html = Files.readString(tmp.resolve("out/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Geen aanbod in de Kempen"), "page lacks the unanswered shortage");
        assertTrue(html.contains("Medewerker nieuw duaal"), "page lacks the new trajectory without application");
    }

    private static JsonNode report(Path batch, Path out) throws IOException {
        assertThat(Shell.shell("report", batch.toString(), "--out", out.toString())).succeeded();
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    private static List<String> codes(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("code").asText()));
        return out;
    }
}
