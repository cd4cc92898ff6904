package be.serv.advies.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** A copy of the small test batch that a test may add rows to. */
final class TestBatches {
    static final Path SMALL = Path.of("src/test/resources/batches/small");

    private TestBatches() {
    }

    static Path copyOfSmall(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(SMALL)) {
            for (Path p : files.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    static void append(Path batch, String table, String... lines) throws IOException {
        Path file = batch.resolve(table + ".csv");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder add = new StringBuilder(text.endsWith("\n") ? "" : "\n");
        for (String line : lines) add.append(line).append('\n');
        Files.writeString(file, add.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
