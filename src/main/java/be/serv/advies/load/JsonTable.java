package be.serv.advies.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table written as a JSON list of objects: each object a row, each field a cell named by the field. */
final class JsonTable {
    private JsonTable() {
    }

    /**
     * Read as a stream, so every value is kept as written ({@code 8e0} stays 8e0, where a tree would make it
     * 8.0) and each bad text is named at its line and column. One document, read whole, or nothing.
     */
    static Table read(String file, byte[] bytes, List<Problem> problems) {
        Table nothing = new Table(file, List.of(), List.of());
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int before = problems.size();
        JsonParser parser;
        try {
            parser = StrictJson.parser(bytes);
        } catch (IOException e) {
            problems.add(Problem.ofFile(file, "kan niet gelezen worden: " + InputFiles.reason(e)));
            return nothing;
        }
        try (JsonParser p = parser) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(Problem.ofFile(file, "het bestand is leeg; verwacht JSON"));
                return nothing;
            }
            if (t != JsonToken.START_ARRAY) {
                problems.add(Problem.ofFile(file, "moet een JSON-lijst van objecten zijn ([{...}, {...}])"));
                return nothing;
            }
            int index = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                index++;
                if (t != JsonToken.START_OBJECT) {
                    problems.add(Problem.ofRow(file, index, "element " + index + " is geen object"));
                    p.skipChildren();
                    continue;
                }
                rows.add(readObject(file, index, p, header, problems));
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.add(new Problem(file, at.getLineNr(), String.valueOf(at.getColumnNr()), "geen geldige JSON: na het einde van "
                        + "de lijst volgt nog inhoud; er mag maar één document (één lijst) in het bestand staan"));
                return nothing;
            }
        } catch (JsonProcessingException e) {
            // Whatever was said about elements before the break only repeats it ("element 1 is geen object").
            problems.subList(before, problems.size()).clear();
            problems.add(StrictJson.problem(file, e, parser.currentTokenLocation()));
            return nothing;
        } catch (IOException e) {
            problems.add(Problem.ofFile(file, "kan niet gelezen worden: " + InputFiles.reason(e)));
            return nothing;
        }
        return new Table(file, header, rows);
    }

    private static Row readObject(String file, int index, JsonParser p, List<String> header, List<Problem> problems) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> refs = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            boolean nameOk = StrictJson.validText(file, p, name, problems);
            JsonToken v = p.nextToken();
            String key = name.strip().toLowerCase();
            String text;
            if (v == JsonToken.START_ARRAY || v == JsonToken.START_OBJECT) {
                problems.add(new Problem(file, index, key, "verwacht een tekst of getal, geen " + (v == JsonToken.START_ARRAY ? "lijst" : "object")));
                p.skipChildren();
                text = "";
            } else {
                text = v == JsonToken.VALUE_NULL ? "" : p.getText();
                // An invalid text is reported here and kept, so it is not also reported as missing.
                StrictJson.validText(file, p, text, problems);
            }
            if (!nameOk) continue;
            String before = written.putIfAbsent(key, name);
            if (before != null) {
                // Names are compared as the CSV header is: without case or surrounding spaces.
                problems.add(new Problem(file, index, key, "veld '" + Cells.abbreviate(name) + "' staat twee keer in dit object (ook als '"
                        + Cells.abbreviate(before) + "'); welke waarde geldt is niet duidelijk"));
                continue;
            }
            if (text.length() > TableReader.MAX_CELL) {
                problems.add(new Problem(file, index, key, TableReader.TOO_LONG));
                text = text.substring(0, TableReader.MAX_CELL);
            }
            values.put(key, text);
            refs.put(key, key);
            if (!header.contains(key)) header.add(key);
        }
        return new Row(file, index, values, refs);
    }
}
