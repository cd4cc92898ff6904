package be.serv.advies.verdict;

import be.serv.advies.explain.Explanation;
import be.serv.advies.explain.ExplanationText;
import be.serv.advies.model.Application;
import be.serv.advies.pipeline.DraftRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every motivation and every explanation of the shipped batches and of a generated batch reads as a
 * careful Dutch writer would write it: no "(s)" or "(en)" templates, no region named twice, no
 * doubled full stop after a quote, no reason code where its label belongs, and no claim of sector
 * support that no fact makes.
 */
class DutchTextsTest {
    private static final String REGION = "(?:Antwerpen|Brussel|Limburg|Oost-Vlaanderen|Vlaams-Brabant|West-Vlaanderen|Vlaanderen)";
    private static final List<Pattern> WRONG = List.of(
            Pattern.compile("\\((?:s|en)\\)"),
            Pattern.compile("aanbieder\\(s\\)"),
            Pattern.compile("/-"),
            // "Antwerpen (Antwerpen)", "Vlaams-Brabant (Vlaams-Brabant (Leuven))", "Vlaanderen (2de graad, Vlaanderen)"
            Pattern.compile("(?<![\\p{L}-])(" + REGION + ")(?![\\p{L}-]) \\([^)]*(?<![\\p{L}-])\\1(?![\\p{L}-])"),
            // any place written twice: "Mechelen (Mechelen)"
            Pattern.compile("(?<![\\p{L}-])([\\p{L}][\\p{L}-]+) \\(\\1\\)"),
            Pattern.compile("\\.\"\\."),
            Pattern.compile("onderschrijft"));

    @TempDir
    static Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fixtures/2022-2023", "fixtures/2021-2022", "generated"})
    void everyMotivationAndExplanationReadsAsDutch(String batch) throws Exception {
        // Given a batch drafted with the shipped rules
        Path dir = Path.of(batch);
        if (batch.equals("generated")) {
            dir = tmp.resolve("generated");
            shell("generate", "--applications", "1500", "--seed", "10", "--out", dir.toString()).succeeded();
        }
        DraftRun run = DraftRun.of(dir, Path.of("rules"));
        Pattern codes = Pattern.compile("(?<![\\p{L}\\d_])(" + String.join("|", run.rules().precedence().codes().keySet())
                + ")(?![\\p{L}\\d_])");

        // When every motivation and every full explanation is written
        List<String> texts = new ArrayList<>();
        for (Application a : run.batch().getApplications()) {
            Advice advice = run.advice(a.getId()).orElseThrow();
            texts.add(advice.motivation());
            texts.add(ExplanationText.render(Explanation.of(run, a.getId()).orElseThrow(), run.rules().precedence(),
                    Explanation.View.FULL));
        }

        // Then none has a template's trace, a doubled region, a code in capitals or an unfounded claim
        assertTrue(texts.size() > 100, "a batch of some size: " + texts.size());
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            for (Pattern p : WRONG) find(p, text, found);
            find(codes, text, found);
        }
        assertTrue(found.isEmpty(), found.size() + " faults, e.g.:\n" + String.join("\n", found.subList(0, Math.min(10, found.size()))));
    }

    private static void find(Pattern p, String text, List<String> found) {
        Matcher m = p.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 60);
            int to = Math.min(text.length(), m.end() + 40);
            found.add("'" + m.group() + "' in …" + text.substring(from, to).replace('\n', ' ') + "…");
        }
    }

    @org.junit.jupiter.api.Test
    void theChecksFindWhatTheyLookFor() {
        // Given texts with each fault / When checked / Then each is found, and a clean text is not
        for (String bad : List.of("3 leerling(en)", "slechts 0 aanbieder(s)", "1 partnerbedrijf/-bedrijven", "in Antwerpen (Antwerpen)",
                "in Vlaams-Brabant (Vlaams-Brabant (Leuven))", "in Mechelen (Mechelen)", "tekort.\".", "de sector onderschrijft dit aanbod")) {
            List<String> found = new ArrayList<>();
            for (Pattern p : WRONG) find(p, bad, found);
            assertFalse(found.isEmpty(), bad);
        }
        List<String> found = new ArrayList<>();
        for (Pattern p : WRONG) find(p, "in Oost-Vlaanderen (Oost- en West-Vlaanderen): \"geen opleiding.\" Verder", found);
        assertTrue(found.isEmpty(), found.toString());
    }
}
