package be.serv.advies.model;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A finding's text picks singular or plural by the number written before {enkelvoud|meervoud}. */
class FindingPluralTest {
    @Test
    void theNumberBeforeAChoiceDecidesSingularOrPlural() {
        // Given / When / Then
        assertEquals("1 vrije leerwerkplek voor de 15 verwachte leerlingen van 2 aanvragen",
                Finding.format("%d {vrije leerwerkplek|vrije leerwerkplekken} voor de %d verwachte {leerling|leerlingen} van %d {aanvraag|aanvragen}", 1, 15, 2));
        assertEquals("12 vrije leerwerkplekken voor de 1 verwachte leerling van 1 aanvraag",
                Finding.format("%d {vrije leerwerkplek|vrije leerwerkplekken} voor de %d verwachte {leerling|leerlingen} van %d {aanvraag|aanvragen}", 12, 1, 1));
        assertEquals("0 aanbieders", Finding.format("%d {aanbieder|aanbieders}", 0));
        assertEquals("1.001 aanbieders", Finding.format("%,d {aanbieder|aanbieders}", 1001));
    }

    @Test
    void aDecimalOrAnOtherWordsNumberIsNotAOne() {
        // Given a decimal ending in 1, and a word with a digit between the number and the choice
        assertEquals("2,1 leerlingen per aanbieder", Finding.format("%.1f {leerling|leerlingen} per aanbieder", 2.1));
        assertEquals("1 keer OK3 opleiding", Finding.format("%d keer OK3 {opleiding|opleidingen}", 1));
    }

    @Test
    void aChoiceInAValueIsLeftAsWritten() {
        // Given a sector's quote that happens to hold braces
        assertEquals("1 aanbieder: \"{x|y}\"", Finding.format("%d {aanbieder|aanbieders}: \"%s\"", 1, "{x|y}"));
    }

    @Test
    void theLastNumberIsTheOneAScanOfTheWholeTextEndsOn() {
        // Given texts made of what numbers are written with and what stands around them: digits,
        // points, commas, letters (also outside the BMP), spaces and other signs
        String[] pieces = {"0", "1", "1", "2", "9", ".", ",", " ", "a", "K", "é", "\uD835\uDC00", "\uD800", "%", "-", "(",
                "000", "1.000", "1,5", "\u0661"};
        Pattern number = Pattern.compile("(?<![\\p{L}\\d.,])\\d+(?:\\.\\d{3})*(?:,\\d+)?(?![\\d,])");
        Random random = new Random(14);
        for (int t = 0; t < 200_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) text.append(pieces[random.nextInt(pieces.length)]);
            // When / Then: the last match of a left-to-right scan, as the plural rule is defined
            Matcher m = number.matcher(text);
            String last = null;
            while (m.find()) last = m.group();
            assertEquals("1".equals(last), Finding.isOne(text), () -> "text: " + text);
        }
    }
}
