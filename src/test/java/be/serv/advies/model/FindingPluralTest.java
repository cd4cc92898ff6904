package be.serv.advies.model;

import org.junit.jupiter.api.Test;

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
}
