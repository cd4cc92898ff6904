package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static be.serv.advies.cli.Shell.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A shortage "in elke provincie" is answered province by province: one application in Hasselt
 * answers Limburg only, and every other province without an application stays a gap.
 */
class EveryProvinceGapsTest {

    @Test
    void aShortageInEveryProvinceLeavesOneGapPerProvinceWithoutAnApplication(@TempDir Path tmp) throws IOException {
        // Given the small batch, whose only Kapper-stylist application (A1) is in Hasselt, and a shortage of
        // Kapper-stylist in every province
        Path batch = TestBatches.copyOfSmall(tmp.resolve("batch"));
        TestBatches.append(batch, "shortages", "HAARZORG;SENSE3_KAPPER;elke provincie;;;Vraag naar in elke provincie");
        // When the report is made
        assertThat(Shell.shell("report", batch.toString(), "--out", tmp.resolve("out").toString())).succeeded();
        JsonNode r = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile());
        // Then Limburg is answered by A1, and each other province is one gap
        List<String> open = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        for (JsonNode s : r.path("shortages").path("list")) {
            if (!s.path("trajectory").asText().equals("SENSE3_KAPPER")) continue;
            (s.path("answered").asBoolean() ? answered : open).add(s.path("region").asText());
        }
        assertEquals(List.of("Limburg (elke provincie)"), answered);
        assertEquals(List.of("Antwerpen (elke provincie)", "Oost-Vlaanderen (elke provincie)", "Vlaams-Brabant (elke provincie)",
                "West-Vlaanderen (elke provincie)"), open);
    }
}
