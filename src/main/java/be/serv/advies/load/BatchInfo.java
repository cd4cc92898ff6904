package be.serv.advies.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static be.serv.advies.load.BatchLoader.EXTENSIONS;
import static be.serv.advies.load.BatchLoader.PREVIOUS;
import static be.serv.advies.load.BatchLoader.SEAL;
import static be.serv.advies.load.BatchLoader.TABLES;

/**
 * What {@code batch.json} says about the batch; every part is optional: the school year, the rows
 * each table should have, the department's export total, each table's seal and last year's advice.
 */
record BatchInfo(String schoolYear, Map<String, Integer> rows, Integer exportTotal, Map<String, String> sha256,
                 String previousAdvice) {
    static final String INFO = "batch.json";
    static final BatchInfo NONE = new BatchInfo(null, Map.of(), null, Map.of(), null);

    /** Reads and checks {@code batch.json} of {@code dir}, adding it to the batch's hash; NONE when it is absent or unusable. */
    static BatchInfo read(Path dir, Hashes.Builder hash, List<Problem> problems) {
        return new Reader(dir, hash, problems).read();
    }

    private record Reader(Path dir, Hashes.Builder hash, List<Problem> problems) {

        private static final List<String> INFO_FIELDS = List.of("school_year", "rows", "export_total", SEAL, PREVIOUS);
        private static final List<String> PREVIOUS_FIELDS = List.of("advice");

        private BatchInfo read() {
            Path info = dir.resolve(INFO);
            if (!InputFiles.present(info)) return BatchInfo.NONE;
            byte[] bytes;
            try {
                bytes = InputFiles.read(info);
            } catch (InputFiles.Refused e) {
                problems.add(Problem.ofFile(INFO, e.getMessage()));
                return BatchInfo.NONE;
            }
            hash.add(INFO, bytes);
            JsonNode node = StrictJson.parse(INFO, bytes, problems);
            if (node == null) return BatchInfo.NONE;
            if (!node.isObject()) {
                problems.add(Problem.ofFile(INFO, "moet een JSON-object zijn, bv. {\"school_year\": \"2022-2023\"}"));
                return BatchInfo.NONE;
            }
            Set<String> seen = new HashSet<>();
            node.fieldNames().forEachRemaining(f -> {
                if (!INFO_FIELDS.contains(f)) {
                    problems.add(Problem.ofFile(INFO, "onbekend veld '" + Cells.abbreviate(f) + "'; bekende velden: " + String.join(", ", INFO_FIELDS)));
                }
                if (!seen.add(f.toLowerCase(Locale.ROOT))) {
                    problems.add(Problem.ofFile(INFO, "veld '" + Cells.abbreviate(f) + "' staat twee keer in het object (hoofdletters tellen niet)"));
                }
            });
            String schoolYear = null;
            JsonNode year = node.get("school_year");
            if (year != null) {
                if (!year.isTextual() || !year.asText().matches("\\d{4}-\\d{4}")) {
                    problems.add(Problem.ofFile(INFO, "school_year is niet van de vorm 2022-2023"));
                } else {
                    schoolYear = year.asText();
                }
            }
            Map<String, Integer> rows = new LinkedHashMap<>();
            JsonNode rowsNode = node.get("rows");
            if (rowsNode != null) {
                if (!rowsNode.isObject()) {
                    problems.add(Problem.ofFile(INFO, "rows moet een object zijn met per tabel het aantal rijen, bv. {\"applications\": 383}"));
                } else {
                    rowsNode.fields().forEachRemaining(e -> {
                        if (!TABLES.contains(e.getKey())) {
                            problems.add(Problem.ofFile(INFO, "rows: onbekende tabel '" + Cells.abbreviate(e.getKey()) + "'; tabellen: "
                                    + String.join(", ", TABLES)));
                        } else {
                            Integer n = count(e.getValue(), "rows." + e.getKey());
                            if (n != null) rows.put(e.getKey(), n);
                        }
                    });
                }
            }
            Integer exportTotal = node.has("export_total") ? count(node.get("export_total"), "export_total") : null;
            JsonNode previous = node.get(PREVIOUS);
            String advice = null;
            if (previous != null) {
                if (!previous.isObject()) {
                    problems.add(Problem.ofFile(INFO, PREVIOUS + " moet een object zijn, bv. {\"advice\": \"../2021-2022/finale-annex.csv\"}"));
                } else {
                    previous.fieldNames().forEachRemaining(f -> {
                        if (!PREVIOUS_FIELDS.contains(f)) problems.add(Problem.ofFile(INFO, PREVIOUS + ": onbekend veld '" + Cells.abbreviate(f)
                                + "'; bekende velden: " + String.join(", ", PREVIOUS_FIELDS)));
                    });
                    advice = path(previous.get("advice"), PREVIOUS + ".advice");
                }
            }
            return new BatchInfo(schoolYear, rows, exportTotal, seals(node.get(SEAL)), advice);
        }

        private String path(JsonNode v, String field) {
            if (v == null) return null;
            if (!v.isTextual() || v.asText().isBlank()) {
                problems.add(Problem.ofFile(INFO, field + " moet een bestandsnaam zijn (tekst), relatief tegenover de map van de batch"));
                return null;
            }
            return v.asText();
        }

        private Map<String, String> seals(JsonNode node) {
            Map<String, String> seals = new LinkedHashMap<>();
            if (node == null) return seals;
            if (!node.isObject()) {
                problems.add(Problem.ofFile(INFO, SEAL + " moet een object zijn met per bestand zijn SHA-256, bv. {\"applications.csv\": \"9f2c…\"}; "
                        + "advies seal schrijft het"));
                return seals;
            }
            node.fields().forEachRemaining(e -> {
                String file = e.getKey();
                boolean known = TABLES.stream().anyMatch(t -> EXTENSIONS.stream().anyMatch(x -> file.equals(t + x)));
                if (!known) {
                    problems.add(Problem.ofFile(INFO, SEAL + ": '" + Cells.abbreviate(file) + "' is geen tabel van een batch (bv. applications.csv)"));
                } else if (!e.getValue().isTextual() || !e.getValue().asText().matches("[0-9a-fA-F]{64}")) {
                    problems.add(Problem.ofFile(INFO, SEAL + "." + file + ": '" + Cells.abbreviate(e.getValue().toString())
                            + "' is geen SHA-256 (64 hexadecimale tekens); advies seal schrijft het"));
                } else {
                    seals.put(file, e.getValue().asText().toLowerCase(Locale.ROOT));
                }
            });
            return seals;
        }

        private Integer count(JsonNode v, String field) {
            if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) return v.intValue();
            problems.add(Problem.ofFile(INFO, field + ": '" + Cells.abbreviate(v.toString()) + "' is geen aantal (een geheel getal, 0 of meer)"));
            return null;
        }
    }
}
