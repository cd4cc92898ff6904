package be.serv.advies.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes a set of output files so that each appears whole or not at all: everything is first
 * written to a staging folder beside the target, and only when all files are complete are they
 * moved into place. A failure leaves the target as it was.
 */
public final class AtomicOutput {
    private final Path target;
    private final Map<String, Content> files = new LinkedHashMap<>();

    /** Writes one file's content into the staging folder; large outputs stream instead of being held whole. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public AtomicOutput(Path target) {
        this.target = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
    }

    public AtomicOutput add(String name, byte[] content) {
        Objects.requireNonNull(content, "content");
        return add(name, out -> out.write(content));
    }

    public AtomicOutput add(String name, Content content) {
        files.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(content, "content"));
        return this;
    }

    public void commit() throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            for (Map.Entry<String, Content> e : files.entrySet()) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(staging.resolve(e.getKey())), 1 << 16)) {
                    e.getValue().writeTo(out);
                } catch (UncheckedIOException u) {
                    throw u.getCause();
                }
            }
            if (!Files.exists(target)) {
                move(staging, target);
                return;
            }
            if (!Files.isDirectory(target)) throw new IOException(target + " bestaat en is geen map");
            for (String name : files.keySet()) move(staging.resolve(name), target.resolve(name));
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // A leftover staging folder is hidden (dot-name) and harmless; the outputs are already in place.
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
