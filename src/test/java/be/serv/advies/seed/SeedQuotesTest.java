package be.serv.advies.seed;

import be.serv.advies.load.Problem;
import be.serv.advies.load.Row;
import be.serv.advies.load.Table;
import be.serv.advies.load.TableReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped batches quote the sectors (Bijlage 1) word for word: every shortage's text and its
 * words for the region are found in the seed, typos included. The seed is the text extracted from
 * the SERV's PDF (a copy in the test resources): its lines are wrapped, and a word broken at the end
 * of a line carries a hyphen there, so a line-end hyphen after a letter may be read with or without
 * it ("op-lossing" and "Oost-Vlaanderen" alike).
 */
class SeedQuotesTest {
    private static final char BREAK = '\u00AD';

    @Test
    void everyQuotedSectorTextIsFoundWordForWordInTheSeed() throws IOException {
        // Given the seed and the shortages of the shipped batches
        String seed = seed();
        List<String> quotes = new ArrayList<>();
        for (String year : List.of("2022-2023", "2021-2022")) {
            Path file = Path.of("fixtures", year, "shortages.csv");
            List<Problem> problems = new ArrayList<>();
            Table t = TableReader.read(file.getFileName().toString(), Files.readAllBytes(file), problems);
            assertEquals(List.of(), problems);
            for (Row r : t.rows()) {
                quotes.add(r.get("text"));
                if (r.get("area") != null) quotes.add(r.get("area"));
            }
        }
        assertTrue(quotes.size() > 100, "the 2022-2023 batch quotes Bijlage 1");
        // When / Then each is in the seed
        List<String> missing = quotes.stream().distinct().filter(q -> !found(seed, q)).toList();
        assertEquals(List.of(), missing, "quoted, but not found word for word in the seed");
    }

    @Test
    void aWordChangedInAQuoteIsNotFound() throws IOException {
        // Given a sentence of Bijlage 1 with one word changed, and the seed's typo corrected
        String seed = seed();
        // When / Then
        assertTrue(found(seed, "Momenteel te weinig aanbod in relatie met de vraag naar arbeidskrachten in de regio."));
        assertTrue(!found(seed, "Momenteel te weinig aanbod in relatie met de vraag naar werkkrachten in de regio."));
        assertTrue(found(seed, "driehoek: De Pinte, Zottegemn, Oudenaarde"));
        assertTrue(!found(seed, "driehoek: De Pinte, Zottegem, Oudenaarde"));
    }

    private static String seed() throws IOException {
        try (InputStream in = SeedQuotesTest.class.getResourceAsStream("/seed/serv-advice-dual-learning-2022-2023.txt")) {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return raw.replaceAll("(?<=\\p{L})-[ \\t]*\\R\\s*", String.valueOf(BREAK)).replaceAll("\\s+", " ");
        }
    }

    static boolean found(String seed, String quote) {
        String q = quote.strip().replaceAll("\\s+", " ");
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (i > 0) re.append(BREAK).append('?');
            re.append(c == '-' ? "[-" + BREAK + "]" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString()).matcher(seed).find();
    }
}
