package be.serv.advies.report;

import org.junit.jupiter.api.Test;

import be.serv.advies.support.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.json on the shipped batch is a reviewed file: any change to a figure, an id list or the
 * layout shows as a diff of src/test/resources/golden/report-2022-2023.json. After an intended
 * change, rerun with -Dgolden.update=true and review the diff.
 */
class GoldenReportTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/report-2022-2023.json");

    @Test
    void reportJsonOnTheShippedBatchIsTheGoldenFile() throws IOException {
        // Given the report on fixtures/2022-2023 with --previous fixtures/2021-2022
        String actual = Files.readString(ShippedReport.dir().resolve("report.json"), StandardCharsets.UTF_8);
        // Then it is the reviewed golden file (hashes masked: they change with every rule edit)
        Golden.assertMatches("report-2022-2023.json", actual);
    }
}
