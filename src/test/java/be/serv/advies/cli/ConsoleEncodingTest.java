package be.serv.advies.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program writes its Dutch text in the console's code page when the Windows launcher names it
 * (-Dadvies.console.encoding, read from chcp), so "potentiële" shows right in cmd and PowerShell
 * without switching the console to UTF-8; without the setting, and for a code page Java does not know,
 * it writes UTF-8 as before.
 */
class ConsoleEncodingTest {
    private static final String WORD = "potentiële";

    /** One rule cache for all runs: the rules compile once. */
    @TempDir
    static Path cache;

    @Test
    void codePage850WritesTheAccentsInCodePage850(@TempDir Path tmp) throws Exception {
        // Given the code page of a Dutch-language Windows console
        byte[] out = explain(tmp, "cp850");

        // Then ë is byte 0x89 as that code page has it, not UTF-8's two bytes
        assertTrue(contains(out, WORD.getBytes(Charset.forName("IBM850"))), "not in code page 850");
        assertFalse(contains(out, WORD.getBytes(StandardCharsets.UTF_8)), "still UTF-8");
    }

    @Test
    void withoutTheSettingOrWithAnUnknownCodePageItWritesUtf8(@TempDir Path tmp) throws Exception {
        assertTrue(contains(explain(tmp, null), WORD.getBytes(StandardCharsets.UTF_8)));
        assertTrue(contains(explain(tmp, "cp0"), WORD.getBytes(StandardCharsets.UTF_8)));
    }

    /** explain of an application whose explanation holds "potentiële", in a JVM of its own. */
    private static byte[] explain(Path tmp, String encoding) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dadvies.cache=" + cache));
        if (encoding != null) cmd.add("-Dadvies.console.encoding=" + encoding);
        cmd.addAll(List.of(AdviesCommand.class.getName(), "explain", "fixtures/2022-2023", "2223-0001", "--rules", "rules"));
        Path out = tmp.resolve("out-" + encoding);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(tmp.resolve("err").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("err")));
        return Files.readAllBytes(out);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
