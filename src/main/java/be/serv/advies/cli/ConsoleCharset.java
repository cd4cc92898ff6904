package be.serv.advies.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The character set of the text the program writes to, and reads from, its console. On Windows the
 * console shows text in its code page (850 on most Dutch-language installations), and PowerShell
 * decodes captured output with it too; bin\advies.cmd reads that code page (without changing it) and
 * passes it as {@code -Dadvies.console.encoding}. Elsewhere, and for a name Java does not know, UTF-8.
 */
final class ConsoleCharset {
    private ConsoleCharset() {}

    static Charset get() {
        String named = System.getProperty("advies.console.encoding");
        if (named != null && !named.isBlank()) {
            try {
                return Charset.forName(named.trim());
            } catch (IllegalArgumentException e) {
                // an unknown or unsupported code page: UTF-8, as without the setting
            }
        }
        return StandardCharsets.UTF_8;
    }
}
