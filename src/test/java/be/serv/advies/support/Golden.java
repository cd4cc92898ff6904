package be.serv.advies.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares output with a golden file under src/test/resources/golden, so a change in what users
 * read is a reviewed diff. Run with {@code -Dgolden.update=true} to rewrite the files, then review
 * the diff before committing. Hashes are masked: they change with every rule edit and are tested
 * on their own.
 */
public final class Golden {
    private Golden() {
    }

    public static String maskHashes(String text) {
        return text.replaceAll("[0-9a-f]{64}", "<sha256>").replaceAll("(Regels|invoer): [0-9a-f]{12}", "$1: <hash>");
    }

    public static void assertMatches(String name, String actual) {
        Path file = Path.of("src/test/resources/golden").resolve(name);
        String masked = maskHashes(actual);
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                if (!Boolean.getBoolean("golden.update")) {
                    throw new AssertionError("golden file " + file + " is missing; run with -Dgolden.update=true to create it");
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, masked, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), masked, "output differs from golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
