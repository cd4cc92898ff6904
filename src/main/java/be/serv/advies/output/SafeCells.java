package be.serv.advies.output;

/**
 * Text that came from input files may start with a character a spreadsheet runs as a formula
 * ({@code =cmd|...}); such cells get a leading apostrophe, which Excel and LibreOffice show as text.
 */
public final class SafeCells {
    private SafeCells() {
    }

    /** For CSV, where a cell has no style: the text with a leading apostrophe when it looks like a formula. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        return looksLikeFormula(text) ? "'" + text : text;
    }

    /**
     * Whether a spreadsheet would take this text for a formula. In a workbook such a cell keeps the
     * text as typed and gets the quote-prefix style instead, which shows it (and keeps it) as text.
     */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) return false;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
