package be.serv.advies.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the tables people export from spreadsheets: CSV as Excel in Flanders writes it (semicolon or
 * comma, UTF-8 with or without byte order mark, quoted cells that may hold separators and line
 * breaks) and JSON arrays of objects. It never throws on bad content: everything wrong is added to
 * the problem list with its place, and whatever could be read is returned.
 */
public final class TableReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any honest cell; protects memory and messages from binary junk. */
    static final int MAX_CELL = 100_000;

    private TableReader() {
    }

    public static Table read(String fileName, byte[] bytes, List<Problem> problems) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(problems, "problems");
        String notText = notTextReason(bytes);
        if (notText != null) {
            problems.add(Problem.ofFile(fileName, notText));
            return new Table(fileName, List.of(), List.of());
        }
        return fileName.toLowerCase().endsWith(".json")
                ? readJson(fileName, bytes, problems)
                : readCsv(fileName, bytes, problems);
    }

    /** A workbook or other binary renamed to .csv/.json is named for what it is, in one line. */
    static String notTextReason(byte[] b) {
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return "is geen tekstbestand maar een zip-archief (een Excel-werkmap?); bewaar het als CSV (UTF-8)";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11) {
            return "is geen tekstbestand maar een oud Excel-bestand (.xls); bewaar het als CSV (UTF-8)";
        }
        int limit = Math.min(b.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (b[i] == 0) return "is geen tekstbestand (bevat binaire gegevens)";
        }
        return null;
    }

    // ---------------------------------------------------------------- CSV

    static Table readCsv(String file, byte[] bytes, List<Problem> problems) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        String text = decodeUtf8(file, bytes, start, problems);
        List<Record> records = parseCsv(file, text, problems);
        if (records.isEmpty()) {
            problems.add(Problem.ofFile(file, "het bestand is leeg; de eerste regel moet de kolomnamen bevatten"));
            return new Table(file, List.of(), List.of());
        }
        Record head = records.get(0);
        List<String> header = new ArrayList<>();
        Map<String, String> columnRefs = new LinkedHashMap<>();
        for (int i = 0; i < head.cells.size(); i++) {
            String name = normaliseHeader(head.cells.get(i));
            if (name.isEmpty()) continue;
            if (columnRefs.containsKey(name)) {
                problems.add(new Problem(file, head.line, String.valueOf(i + 1), "kolom '" + name + "' staat twee keer in de kopregel"));
                continue;
            }
            header.add(name);
            columnRefs.put(name, String.valueOf(i + 1));
        }
        List<String> headerCells = head.cells.stream().map(TableReader::normaliseHeader).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Record rec = records.get(r);
            if (rec.cells.stream().allMatch(c -> c.isBlank())) continue; // Excel leaves empty lines at the end
            if (rec.cells.size() > headerCells.size()) {
                boolean extraEmpty = rec.cells.subList(headerCells.size(), rec.cells.size()).stream().allMatch(String::isBlank);
                if (!extraEmpty) {
                    problems.add(Problem.ofRow(file, rec.line, "deze regel heeft " + rec.cells.size() + " cellen, de kopregel "
                            + headerCells.size() + " (verkeerd scheidingsteken of een aanhalingsteken te veel?)"));
                    continue;
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < headerCells.size() && i < rec.cells.size(); i++) {
                if (!headerCells.get(i).isEmpty()) values.putIfAbsent(headerCells.get(i), rec.cells.get(i));
            }
            rows.add(new Row(file, rec.line, values, columnRefs));
        }
        return new Table(file, header, rows);
    }

    private static String normaliseHeader(String h) {
        return h.replace("\uFEFF", "").strip().toLowerCase();
    }

    private static String decodeUtf8(String file, byte[] bytes, int start, List<Problem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int line = firstBadUtf8Line(bytes, start);
            problems.add(Problem.ofRow(file, line, "geen geldige UTF-8-tekst (bewaar het bestand als 'CSV UTF-8'); "
                    + "ongeldige tekens zijn vervangen"));
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        }
    }

    private static int firstBadUtf8Line(byte[] bytes, int start) {
        int line = 1;
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : -1;
            if (len < 0 || i + len > bytes.length) return line;
            for (int k = 1; k < len; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) return line;
            }
            if (b == '\n') line++;
            i += len;
        }
        return line;
    }

    private record Record(int line, List<String> cells) {
    }

    /** RFC 4180 with the separator taken from the header line: the one of ';' and ',' it holds more of. */
    private static List<Record> parseCsv(String file, String text, List<Problem> problems) {
        char sep = detectSeparator(text);
        List<Record> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean cellWasQuoted = false;
        boolean tooLongReported = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    append(cell, c);
                }
                continue;
            }
            if (c == '"' && cell.toString().isBlank() && !cellWasQuoted) {
                quoted = true;
                cellWasQuoted = true;
                cell.setLength(0);
            } else if (c == sep) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                cells.add(cell.toString());
                out.add(new Record(recordLine, cells));
                cells = new ArrayList<>();
                cell.setLength(0);
                cellWasQuoted = false;
                line++;
                recordLine = line;
            } else {
                append(cell, c);
            }
            if (cell.length() >= MAX_CELL && !tooLongReported) {
                problems.add(Problem.ofRow(file, recordLine, "een cel is langer dan " + MAX_CELL + " tekens"));
                tooLongReported = true;
            }
        }
        if (quoted) {
            problems.add(Problem.ofRow(file, recordLine, "een aanhalingsteken (\") wordt geopend maar nooit gesloten"));
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            out.add(new Record(recordLine, cells));
        }
        return out;
    }

    private static void append(StringBuilder cell, char c) {
        if (cell.length() < MAX_CELL) cell.append(c);
    }

    static char detectSeparator(String text) {
        int end = text.indexOf('\n');
        String head = end < 0 ? text : text.substring(0, end);
        long semis = head.chars().filter(ch -> ch == ';').count();
        long commas = head.chars().filter(ch -> ch == ',').count();
        return commas > semis ? ',' : ';';
    }

    // ---------------------------------------------------------------- JSON

    static Table readJson(String file, byte[] bytes, List<Problem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(Problem.ofRow(file, line, "geen geldige JSON: " + e.getOriginalMessage()));
            return new Table(file, List.of(), List.of());
        } catch (java.io.IOException e) {
            problems.add(Problem.ofFile(file, "kan niet gelezen worden: " + e.getMessage()));
            return new Table(file, List.of(), List.of());
        }
        if (root == null || !root.isArray()) {
            problems.add(Problem.ofFile(file, "moet een JSON-lijst van objecten zijn ([{...}, {...}])"));
            return new Table(file, List.of(), List.of());
        }
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode element : root) {
            index++;
            if (!element.isObject()) {
                problems.add(Problem.ofRow(file, index, "element " + index + " is geen object"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> refs = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = f.getKey().strip().toLowerCase();
                JsonNode v = f.getValue();
                String text;
                if (v == null || v.isNull()) text = "";
                else if (v.isValueNode()) text = v.asText();
                else {
                    problems.add(new Problem(file, index, key, "verwacht een tekst of getal, geen " + (v.isArray() ? "lijst" : "object")));
                    text = "";
                }
                values.put(key, text);
                refs.put(key, key);
                if (!header.contains(key)) header.add(key);
            }
            rows.add(new Row(file, index, values, refs));
        }
        return new Table(file, header, rows);
    }
}
