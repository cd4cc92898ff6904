package be.serv.advies.load;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.cli.Shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A copy of the shipped batch that a test damages, and the check that the damage is refused with nothing written. */
final class ShippedCopy {
    static final Path SHIPPED = Path.of("fixtures/2022-2023");
    final Path batch;
    final Path out;

    ShippedCopy(Path tmp) throws IOException {
        batch = tmp.resolve("batch");
        out = tmp.resolve("out");
        Files.createDirectories(batch);
        try (Stream<Path> s = Files.list(SHIPPED)) {
            for (Path p : s.toList()) Files.copy(p, batch.resolve(p.getFileName()));
        }
    }

    Path file(String name) {
        return batch.resolve(name);
    }

    String text(String name) throws IOException {
        return Files.readString(file(name), StandardCharsets.UTF_8);
    }

    void write(String name, String content) throws IOException {
        Files.writeString(file(name), content, StandardCharsets.UTF_8);
    }

    /** The line number (1-based) of the first line of {@code name} that contains {@code text}. */
    int lineOf(String name, String text) throws IOException {
        String[] lines = text(name).split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + name);
    }

    void writeBytes(String name, byte[] content) throws IOException {
        Files.write(file(name), content);
    }

    /**
     * Sets one cell of applications.csv: the row of application {@code id}, the column named
     * {@code column}. Only for rows whose quoted cells, if any, are in the last column (the text).
     */
    void setApplicationCell(String id, String column, String value) throws IOException {
        String csv = text("applications.csv");
        List<String> header = List.of(csv.substring(1, csv.indexOf("\r\n")).split(";", -1));
        int at = csv.indexOf("\r\n" + id + ";") + 2;
        int end = csv.indexOf("\r\n", at);
        String line = csv.substring(at, end);
        String[] cells = line.split(";", header.size());
        for (int i = 0; i < cells.length - 1; i++) {
            if (cells[i].contains("\"")) throw new AssertionError("row " + id + " has a quoted cell before the last; pick another");
        }
        cells[header.indexOf(column)] = value;
        write("applications.csv", csv.substring(0, at) + String.join(";", cells) + csv.substring(end));
    }

    /** The column of applications.csv as a spreadsheet numbers it (id is 1). */
    int applicationColumn(String column) throws IOException {
        String csv = text("applications.csv");
        return List.of(csv.substring(1, csv.indexOf("\r\n")).split(";", -1)).indexOf(column) + 1;
    }

    Shell.Result evaluate() {
        return shell("evaluate", batch.toString(), "--out", out.toString());
    }

    /** Exit 2, the message at its place, no trace, and no output folder. */
    Shell.Result refused(String... expected) {
        Shell.Result r = assertThat(evaluate()).exitedWith(ExitCodes.INPUT).errContains("er is niets geschreven")
                .errHasNo("Exception").errHasNo("at [Source").errHasNo("REDACTED");
        for (String e : expected) r.errContains(e);
        assertFalse(Files.exists(out), "nothing may be written after refused input");
        return r;
    }
}
