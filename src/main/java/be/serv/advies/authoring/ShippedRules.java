package be.serv.advies.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.Comparator;

/**
 * The rules as this build shipped them, kept inside the jar (under {@code shipped-rules/}, see
 * pom.xml): what {@code advies diff --shipped} compares the working copy with on a machine without
 * git. Copied to a temporary folder for the time of the comparison, so nobody can edit them.
 */
public final class ShippedRules implements AutoCloseable {
    static final String PREFIX = "shipped-rules/";
    private final Path dir;

    private ShippedRules(Path dir) {
        this.dir = dir;
    }

    /** The folder with the shipped rules, removed again on close. */
    public Path rules() {
        return dir;
    }

    /** Copies the shipped rules out of the jar (or the class folder of a build). */
    public static ShippedRules open() throws IOException {
        Path from;
        try {
            from = Path.of(ShippedRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("de regels van deze versie zijn niet te vinden", e);
        }
        Path to = Files.createTempDirectory("advies-shipped-");
        boolean found = false;
        if (Files.isDirectory(from)) {
            Path root = from.resolve(PREFIX);
            if (Files.isDirectory(root)) {
                found = true;
                try (var s = Files.walk(root)) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) {
                        Path target = to.resolve(root.relativize(p).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target);
                    }
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(from.toFile())) {
                for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) continue;
                    String rel = entry.getName().substring(PREFIX.length());
                    Path target = to.resolve(rel).normalize();
                    if (!target.startsWith(to)) continue; // an entry never writes outside the folder
                    found = true;
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        ShippedRules shipped = new ShippedRules(to);
        if (!found) {
            shipped.close();
            throw new IOException("deze versie bevat geen regels om mee te vergelijken");
        }
        return shipped;
    }

    @Override
    public void close() {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException ignored) {
            // Left for the system's cleaning of the temporary folder.
        }
    }
}
