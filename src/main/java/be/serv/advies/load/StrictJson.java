package be.serv.advies.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
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
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Above the cell limit, so an over-long cell is refused by that limit and named where it is.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(4 * TableReader.MAX_CELL).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            String column = at == null || at.getColumnNr() < 1 ? null : String.valueOf(at.getColumnNr());
            problems.add(new Problem(file, Math.max(line, 0), line > 0 ? column : null, "geen geldige JSON: " + dutch(e)));
            return null;
        } catch (IOException e) {
            problems.add(Problem.ofFile(file, "kan niet gelezen worden: " + InputFiles.reason(e)));
            return null;
        }
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
        if (first.startsWith("Illegal unquoted character")) return "een stuurteken in een tekst (schrijf het als \\uXXXX)";
        if (first.startsWith("Invalid UTF-8")) return "geen geldige UTF-8-tekst (bewaar het bestand als UTF-8)";
        return "ongeldige opbouw (de JSON-lezer meldt: " + Cells.abbreviate(first.replaceAll("\\s*\\(for .*$", "")) + ")";
    }
}
