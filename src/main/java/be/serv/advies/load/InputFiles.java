package be.serv.advies.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one way input files are read: only regular files, and a refusal says why in Dutch with the
 * reason the operating system gave. The type is checked before the file is opened, because opening a
 * FIFO blocks until someone writes to it and a device such as {@code /dev/zero} never ends.
 */
public final class InputFiles {
    /** The operating system's reasons (as Java reports them on Linux and macOS) in Dutch. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("permission denied", "geen toestemming om te lezen of te schrijven (toegang geweigerd)"),
            Map.entry("operation not permitted", "de bewerking is niet toegestaan"),
            Map.entry("is a directory", "het is een map, geen bestand"),
            Map.entry("not a directory", "een deel van het pad is geen map"),
            Map.entry("no such file or directory", "het bestand of de map bestaat niet"),
            Map.entry("no space left on device", "de schijf is vol"),
            Map.entry("disk quota exceeded", "het schijfquotum is op"),
            Map.entry("read-only file system", "het bestandssysteem is alleen-lezen"),
            Map.entry("input/output error", "lees- of schrijffout van de schijf"),
            Map.entry("too many levels of symbolic links", "een kring van symbolische koppelingen"),
            Map.entry("file name too long", "de bestandsnaam is te lang"),
            Map.entry("directory not empty", "de map is niet leeg"),
            Map.entry("file exists", "het bestaat al"),
            Map.entry("device or resource busy", "het is in gebruik"),
            Map.entry("too many open files", "te veel open bestanden"));

    private InputFiles() {
    }

    /** Thrown with a Dutch message that already names the reason; the caller adds the file's name. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The whole content of a regular file; anything else (a folder, FIFO, device, socket) is refused unopened. */
    public static byte[] read(Path file) throws Refused {
        Objects.requireNonNull(file, "file");
        BasicFileAttributes attrs;
        try {
            // Follows a symbolic link: a link to a regular file is fine, a link to a FIFO is not.
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new Refused("kan niet gelezen worden: " + reason(e));
        }
        if (!attrs.isRegularFile()) {
            throw new Refused(attrs.isDirectory() ? "is een map, geen bestand"
                    : "is geen gewoon bestand (maar bv. een pipe of apparaat) en wordt niet gelezen");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused("kan niet gelezen worden: " + reason(e));
        }
    }

    /** True for a regular file; false when absent. Other kinds count as present, so {@link #read} names them. */
    public static boolean present(Path file) {
        return Files.exists(file) || Files.isSymbolicLink(file);
    }

    /** Why an operation failed, in Dutch, from the reason the system gave. */
    public static String reason(IOException e) {
        if (e instanceof Refused) return e.getMessage();
        if (e instanceof AccessDeniedException) return REASONS.get("permission denied");
        if (e instanceof NoSuchFileException) return REASONS.get("no such file or directory");
        String raw = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        if (raw == null || raw.isBlank()) return "onbekende reden (" + e.getClass().getSimpleName() + ")";
        String dutch = REASONS.get(raw.strip().toLowerCase(Locale.ROOT));
        return dutch != null ? dutch : "het systeem meldt: " + raw.strip();
    }
}
