package be.serv.advies.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README is the short entry page; everything longer lives in docs/. */
class ReadmeTest {
    @Test
    void theReadmeStaysShort() throws Exception {
        // Given the README
        List<String> lines = Files.readAllLines(Path.of("README.md"));

        // Then it fits in 150 lines
        assertTrue(lines.size() <= 150, "README.md has " + lines.size() + " lines; move detail into docs/");
    }
}
