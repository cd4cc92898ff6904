package be.serv.advies.report;

import be.serv.advies.cli.Shell;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static be.serv.advies.cli.Shell.assertThat;

/**
 * The report on the shipped batch with the shipped previous year, made once per test run through
 * the command line, as a user makes it: {@code advies report fixtures/2022-2023 --previous
 * fixtures/2021-2022 --out ...}.
 */
final class ShippedReport {
    static final Path BATCH = Path.of("fixtures/2022-2023");
    static final Path PREVIOUS = Path.of("fixtures/2021-2022");
    private static Path out;
    private static JsonNode json;

    private ShippedReport() {
    }

    static synchronized Path dir() {
        if (out == null) {
            Path dir = be.serv.advies.testing.TempDirs.create("advies-report-").resolve("out");
            assertThat(Shell.shell("report", BATCH.toString(), "--previous", PREVIOUS.toString(), "--out", dir.toString())).succeeded();
            out = dir;
        }
        return out;
    }

    static synchronized JsonNode json() {
        if (json == null) {
            try {
                json = new ObjectMapper().readTree(dir().resolve("report.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }

    /** The element of an array whose {@code key} is {@code value}. */
    static JsonNode row(JsonNode array, String key, String value) {
        for (JsonNode n : array) if (n.path(key).asText().equals(value)) return n;
        throw new AssertionError("no row with " + key + " = " + value + " in " + array);
    }

    static List<String> ids(JsonNode figure) {
        List<String> ids = new ArrayList<>();
        figure.path("ids").forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
