package be.serv.advies.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON read so that nothing is dropped silently: one document per file (content after it is refused),
 * a field given twice in one object is refused, and a parse error is told in Dutch at its line and
 * column, never with the parser's internals.
 */
final class StrictJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Above the cell limit, so an over-long cell is refused by that limit and named where it is.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(4 * TableReader.MAX_CELL).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']{1,20})'");
    private static final Pattern CONTROL = Pattern.compile("CTRL-CHAR, code (\\d+)");
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\)");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.{0,40})");

    private StrictJson() {
    }

    /** The document, or null after adding one problem that says what is wrong and where. */
    static JsonNode parse(String file, byte[] bytes, List<Problem> problems) {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                problems.add(Problem.ofFile(file, "het bestand is leeg; verwacht JSON"));
                return null;
            }
            // The tree keeps no places; a second pass over the (small) document finds a bad text's line.
            int before = problems.size();
            try (JsonParser p = parser(bytes)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING) validText(file, p, p.getText(), problems);
                }
            }
            return problems.size() == before ? root : null;
        } catch (JsonProcessingException e) {
            problems.add(problem(file, e));
            return null;
        } catch (IOException e) {
            problems.add(Problem.ofFile(file, "kan niet gelezen worden: " + InputFiles.reason(e)));
            return null;
        }
    }

    /** A streaming parser with the same strictness (duplicates, string length) as {@link #parse}. */
    static JsonParser parser(byte[] bytes) throws IOException {
        return FACTORY.createParser(bytes);
    }

    /** A parse error at its line and column, in Dutch. */
    static Problem problem(String file, JsonProcessingException e) {
        return problem(file, e, null);
    }

    /** As above; {@code where} stands in when the error carries no place (a limit such as the nesting depth). */
    static Problem problem(String file, JsonProcessingException e, JsonLocation where) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : where;
        int line = at == null ? 0 : at.getLineNr();
        String column = at == null || at.getColumnNr() < 1 ? null : String.valueOf(at.getColumnNr());
        return new Problem(file, Math.max(line, 0), line > 0 ? column : null, "geen geldige JSON: " + dutch(e));
    }

    /**
     * False, after adding a problem at the text's line and column, when the text holds a lone surrogate
     * ({@code "\ud800"}: half of a character, written as '?' by every output) or a noncharacter.
     */
    static boolean validText(String file, JsonParser p, String text, List<Problem> problems) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                JsonLocation at = p.currentTokenLocation();
                problems.add(new Problem(file, at.getLineNr(), String.valueOf(at.getColumnNr()), "de tekst '" + Cells.abbreviate(text)
                        + "' bevat een ongeldig Unicode-teken (U+" + String.format("%04X", (int) c) + (Character.isSurrogate(c)
                        ? ", een halve tekencode" : "") + ") op positie " + (i + 1) + "; typ de tekst opnieuw of verwijder het teken"));
                return false;
            }
        }
        return true;
    }

    /** The parser's complaint in Dutch; an unknown one is quoted after a Dutch lead, without its location block. */
    static String dutch(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String first = raw.lines().findFirst().orElse("").strip();
        if (e instanceof JsonEOFException || first.startsWith("Unexpected end-of-input")) {
            return "het bestand houdt midden in de JSON op (afgebroken of niet volledig gekopieerd?)";
        }
        Matcher m = DUPLICATE.matcher(first);
        if (m.find()) return "veld '" + Cells.abbreviate(m.group(1)) + "' staat twee keer in hetzelfde object";
        m = NON_STANDARD.matcher(first);
        if (m.find()) {
            return "'" + m.group(1) + "' is geen getal in JSON; schrijf een getal, of laat de waarde leeg (\"\")";
        }
        if (first.contains("nesting depth")) {
            return "de JSON is te diep genest (meer dan 1.000 niveaus); een tabel is een lijst van objecten met tekst of getallen";
        }
        m = CONTROL.matcher(first);
        if (m.find()) {
            return "een stuurteken (U+" + String.format("%04X", Integer.parseInt(m.group(1))) + ") "
                    + (first.startsWith("Illegal unquoted") ? "in een tekst" : "tussen de waarden") + "; verwijder het";
        }
        if (first.startsWith("Invalid numeric value") || first.startsWith("Leading zeroes")) {
            return "ongeldig getal (een getal met voorloopnullen of een teken te veel?); schrijf een code als \"007\" tussen "
                    + "aanhalingstekens";
        }
        if (first.startsWith("Trailing token")) {
            return "na het einde van het JSON-document volgt nog inhoud; er mag maar één document (één lijst) in het bestand staan";
        }
        if (first.contains("exceeds the maximum") && first.contains("String value length")) return TableReader.TOO_LONG;
        m = UNEXPECTED.matcher(first);
        if (m.find()) {
            String c = m.group(1);
            if (first.contains("double-quote to start field name")) {
                return "onverwacht teken '" + c + "': hier hoort een veldnaam tussen dubbele aanhalingstekens (een komma te veel?)";
            }
            if (first.contains("comma to separate")) return "onverwacht teken '" + c + "': hier hoort een komma";
            if (first.contains("expected a value") || first.contains("expected a valid value")) {
                return "onverwacht teken '" + c + "': hier hoort een waarde (een komma te veel?)";
            }
            return "onverwacht teken '" + c + "'";
        }
        m = TOKEN.matcher(first);
        if (m.find()) return "onbekend woord '" + m.group(1) + "' (tekst hoort tussen dubbele aanhalingstekens)";
        if (first.startsWith("Illegal unquoted character")) return "een stuurteken in een tekst; verwijder het";
        if (first.startsWith("Invalid UTF-8")) return "geen geldige UTF-8-tekst; bewaar het bestand als UTF-8";
        // Never the parser's own words: they name its Java features, not what to change in the file.
        return "de opbouw klopt hier niet; open het bestand in een teksteditor en vergelijk deze plaats met de vorige objecten";
    }
}
