package be.serv.advies.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the tables people export from spreadsheets: CSV as Excel in Flanders writes it (semicolon or
 * comma, UTF-8 with or without byte order mark, quoted cells that may hold separators and line
 * breaks) and JSON arrays of objects ({@link JsonTable}). It never throws on bad content: everything wrong is added to
 * the problem list with its place, and whatever could be read is returned.
 */
public final class TableReader {
    /**
     * Longer than any honest cell; protects memory and messages from binary junk. One limit for every
     * format (CSV, JSON, workbook), so the same content is accepted or refused whatever it is saved as.
     */
    public static final int MAX_CELL = 100_000;
    static final String TOO_LONG = "de cel is langer dan 100.000 tekens, de grens voor elke cel";
    private static final String UNCLOSED = "een aanhalingsteken (\") wordt geopend maar nooit gesloten; de rest van het bestand "
            + "zou als één cel gelezen worden. Sluit het aanhalingsteken of verwijder het";

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
                ? JsonTable.read(fileName, bytes, problems)
                : readCsv(fileName, bytes, problems);
    }

    /** A workbook or other binary renamed to .csv/.json is named for what it is, in one line, with what to do. */
    static String notTextReason(byte[] b) {
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return "is geen tekstbestand maar een zip-archief (een Excel-werkmap?); bewaar het als CSV (UTF-8)";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11) {
            return "is geen tekstbestand maar een oud Excel-bestand (.xls); bewaar het als CSV (UTF-8)";
        }
        String wide = wideUnicode(b);
        if (wide != null) {
            return "is opgeslagen als " + wide + " (in Excel 'Unicode-tekst'), niet als UTF-8; open het in Excel en kies "
                    + "Opslaan als 'CSV UTF-8 (door lijstscheidingstekens gescheiden)'";
        }
        int limit = Math.min(b.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (b[i] == 0) {
                return "is geen tekstbestand: het bevat binaire gegevens (een NUL-byte op positie " + (i + 1) + "); bewaar het "
                        + "in Excel als 'CSV UTF-8 (door lijstscheidingstekens gescheiden)' of kopieer het opnieuw";
            }
        }
        return null;
    }

    /** UTF-16 or UTF-32, by its byte order mark or, without one, by the NUL bytes beside every ASCII letter. */
    private static String wideUnicode(byte[] b) {
        if (b.length >= 4 && ((b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF)
                || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0))) {
            return "UTF-32";
        }
        if (b.length >= 2 && (((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) || ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF))) {
            return "UTF-16";
        }
        int n = Math.min(b.length, 512) & ~1;
        if (n < 8) return null;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenZeros++;
            if (b[i + 1] == 0) oddZeros++;
        }
        // Text in UTF-16 has a NUL in (nearly) every other byte; binary junk has them anywhere.
        return Math.max(evenZeros, oddZeros) >= n / 2 * 0.9 && Math.min(evenZeros, oddZeros) <= n / 2 * 0.1 ? "UTF-16" : null;
    }

    // ---------------------------------------------------------------- CSV

    static Table readCsv(String file, byte[] bytes, List<Problem> problems) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        String text = decodeUtf8(file, bytes, start, problems);
        if (text == null) return new Table(file, List.of(), List.of());
        int before = problems.size();
        List<Record> records = parseCsv(file, text, problems);
        boolean unclosed = problems.size() > before && problems.get(problems.size() - 1).message().equals(UNCLOSED);
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
        if (header.isEmpty()) {
            // Without names no cell can be placed; each row's complaint would only repeat this one.
            problems.add(Problem.ofRow(file, head.line, "de kopregel bevat geen kolomnamen (een lege regel of alleen "
                    + "scheidingstekens?); de eerste regel moet de kolomnamen bevatten"));
            return new Table(file, List.of(), List.of());
        }
        List<String> headerCells = head.cells.stream().map(TableReader::normaliseHeader).toList();
        Record last = records.get(records.size() - 1);
        if (records.size() > 1 && !endsWithLineBreak(text) && last.cells.size() < headerCells.size()) {
            // A copy or download that stopped early ends mid-line; the columns that are missing would be
            // read as empty (optional) or reported one by one, and the rows after it are lost unseen.
            problems.add(new Problem(file, last.line, String.valueOf(last.cells.size()), "de laatste regel houdt op na "
                    + last.cells.size() + " van de " + headerCells.size() + " kolommen, zonder regeleinde: "
                    + "het bestand lijkt afgebroken; kopieer of exporteer het opnieuw"));
        }
        List<Row> rows = new ArrayList<>();
        int skipped = 0;
        char sep = detectSeparator(text);
        char other = sep == ';' ? ',' : ';';
        for (int r = 1; r < records.size(); r++) {
            Record rec = records.get(r);
            if (rec.cells.stream().allMatch(c -> c.isBlank())) continue; // Excel leaves empty lines at the end
            if (rec.cells.size() > headerCells.size()) {
                boolean extraEmpty = rec.cells.subList(headerCells.size(), rec.cells.size()).stream().allMatch(String::isBlank);
                if (!extraEmpty) {
                    problems.add(Problem.ofRow(file, rec.line, "deze regel heeft " + rec.cells.size() + " cellen, de kopregel "
                            + headerCells.size() + " (verkeerd scheidingsteken of een aanhalingsteken te veel?)"));
                    skipped++;
                    continue;
                }
            }
            if (rec.cells.size() == 1 && headerCells.size() > 2
                    && rec.cells.get(0).chars().filter(ch -> ch == other).count() >= headerCells.size() - 1) {
                // One cell holding the whole row: read as its first column, its code would be the whole line.
                problems.add(Problem.ofRow(file, rec.line, "deze regel gebruikt '" + other + "' als scheidingsteken, de kopregel '"
                        + sep + "'; bewaar het bestand opnieuw, met overal hetzelfde scheidingsteken"));
                skipped++;
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < headerCells.size() && i < rec.cells.size(); i++) {
                if (!headerCells.get(i).isEmpty()) values.putIfAbsent(headerCells.get(i), rec.cells.get(i));
                else if (!rec.cells.get(i).isBlank()) {
                    // A column whose name was deleted still holds data that someone meant; it is not dropped unseen.
                    problems.add(new Problem(file, rec.line, String.valueOf(i + 1), "cel onder een kolom zonder naam in de "
                            + "kopregel: '" + Cells.abbreviate(rec.cells.get(i)) + "'; geef de kolom haar naam of maak de cel leeg"));
                }
            }
            rows.add(new Row(file, rec.line, values, columnRefs));
        }
        // Everything after an unclosed quote was read as one cell: the rows it swallowed are lost, and the
        // codes they held would make every reference to them a second, misleading problem. Unreadable.
        return unclosed ? new Table(file, List.of(), List.of()) : new Table(file, header, rows, skipped);
    }

    private static boolean endsWithLineBreak(String text) {
        return !text.isEmpty() && (text.charAt(text.length() - 1) == '\n' || text.charAt(text.length() - 1) == '\r');
    }

    private static String normaliseHeader(String h) {
        return h.replace("\uFEFF", "").strip().toLowerCase();
    }

    /**
     * Strict UTF-8. Each line is decoded on its own when the whole fails, so every bad line is named
     * where it is (a whole-file decoder only says that something, somewhere, is wrong). The file is then
     * refused: a replaced character in a name or code would change what the rules see.
     */
    private static String decodeUtf8(String file, byte[] bytes, int start, List<Problem> problems) {
        try {
            return strictUtf8(bytes, start, bytes.length - start);
        } catch (CharacterCodingException e) {
            int line = 1;
            int from = start;
            for (int i = start; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    try {
                        strictUtf8(bytes, from, i - from);
                    } catch (CharacterCodingException bad) {
                        problems.add(new Problem(file, line, String.valueOf(firstBadColumn(bytes, from, i)), "geen geldige "
                                + "UTF-8-tekst; het bestand wordt niet gelezen. Bewaar het in Excel als 'CSV UTF-8 (door "
                                + "lijstscheidingstekens gescheiden)'"));
                    }
                    line++;
                    from = i + 1;
                }
            }
            return null;
        }
    }

    /** The character position (1-based) in this line where the first invalid byte sequence starts. */
    private static int firstBadColumn(byte[] bytes, int from, int to) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(to - from + 1);
        d.decode(ByteBuffer.wrap(bytes, from, to - from), out, true);
        return out.position() + 1;
    }

    private static String strictUtf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
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
            if (cell.length() > MAX_CELL && !tooLongReported) {
                problems.add(new Problem(file, recordLine, String.valueOf(cells.size() + 1), TOO_LONG));
                tooLongReported = true;
            }
        }
        if (quoted) {
            problems.add(Problem.ofRow(file, recordLine, UNCLOSED));
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            out.add(new Record(recordLine, cells));
        }
        return out;
    }

    private static void append(StringBuilder cell, char c) {
        if (cell.length() <= MAX_CELL) cell.append(c);
    }

    static char detectSeparator(String text) {
        int end = text.indexOf('\n');
        String head = end < 0 ? text : text.substring(0, end);
        long semis = head.chars().filter(ch -> ch == ';').count();
        long commas = head.chars().filter(ch -> ch == ',').count();
        return commas > semis ? ',' : ';';
    }
}
