package be.serv.advies.load;

import be.serv.advies.support.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal message of the input findings and of the refusals the earlier input tests check, as a
 * person reads it, in one golden file
 * ({@code golden/input/refusals.txt}): a changed message is a reviewed diff. And none of them speaks
 * the parser's language: no Java class name, no "Exception", no Jackson or POI phrase.
 */
class RefusalMessagesGoldenTest {
    /** What the JSON reader, POI, the zip reader and Java say in their own words. */
    static final List<Pattern> PARSER_WORDS = List.of(
            Pattern.compile("Exception"),
            Pattern.compile("\\b(java|javax|org|com)\\.[a-z]+\\.[A-Za-z.]+"),
            Pattern.compile("\\b[A-Z][a-z]+(Feature|Exception|Error|Constraints|Parser|Reader|Factory)\\b"),
            Pattern.compile("at \\[Source|line: \\d|column: \\d|REDACTED|CTRL-CHAR|Unexpected character|Unrecognized token|"
                    + "Non-standard token|enable `|nesting depth|end-of-input|Illegal (unquoted )?character|Invalid UTF-8|"
                    + "Truncated ZIP|invalid code|end-of-block|XmlException|POIXML|NotOfficeXml|OLE2|ZipFile|"
                    + "Duplicate field|Trailing token|expected a valid value|double-quote to start field name"));

    @TempDir
    Path tmp;

    @Test
    void everyRefusalMessageIsAsReviewedAndFreeOfParserWords() throws Exception {
        // Given each finding's damage on a fresh copy of the shipped batch
        StringBuilder all = new StringBuilder();
        List<String> leaks = new ArrayList<>();
        List<InputFindings.Finding> findings = new ArrayList<>(InputFindings.all());
        findings.addAll(InputFindings.earlier());
        for (InputFindings.Finding f : findings) {
            ShippedCopy copy = new ShippedCopy(tmp.resolve(f.name().replaceAll("[^A-Za-z0-9]+", "-")));
            f.edit().apply(copy);
            // When the batch is loaded
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> be.serv.advies.load.BatchLoader.load(copy.batch), f.name());
            all.append("## ").append(f.name()).append('\n');
            for (String line : ProblemReport.lines(e.problems())) {
                all.append(line).append('\n');
                for (Pattern p : PARSER_WORDS) if (p.matcher(line).find()) leaks.add(f.name() + ": " + line);
            }
            all.append('\n');
        }
        // Then no message speaks the parser's language, and every message is the reviewed one
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        Golden.assertMatches("input/refusals.txt", all.toString());
    }
}
