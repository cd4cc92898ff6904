package be.serv.advies.output;

/**
 * Text that came from input files may start with a character a spreadsheet runs as a formula
 * ({@code =cmd|...}); such cells get a leading apostrophe, which Excel and LibreOffice show as text.
 */
public final class SafeCells {
    private SafeCells() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        char c = text.charAt(0);
        return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') ? "'" + text : text;
    }
}
