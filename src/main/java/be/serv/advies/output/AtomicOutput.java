package be.serv.advies.output;

import be.serv.advies.load.InputFiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes a set of output files as one unit: the folder holds the whole old set or the whole new set,
 * never a mix, whenever the process stops. Everything is first written to a staging folder beside the
 * target ({@code .NAME.tmp-PID-RANDOM}). Into an absent target the staging folder is renamed in one
 * step. Over an existing result the old folder is first renamed aside ({@code .NAME.old-…}), then the
 * staging folder renamed into place, then the old one renamed to {@code .NAME.del-…} and deleted.
 *
 * <p>A run killed between those steps leaves a hidden folder; the next commit to the same target
 * cleans up after it before it starts: staging and deleted folders of processes that no longer run
 * are removed, and an old result set aside is put back when the target is missing (the kill came
 * between the two renames). A folder of a process that still runs is left alone, so concurrent runs
 * do not break each other; the last to finish wins, whole.</p>
 *
 * <p>The target must be a new folder or hold only the files of this output (a previous result): the
 * old folder is replaced as a whole, so anything else in it would be lost, and is refused instead.</p>
 */
public final class AtomicOutput {
    /**
     * Told of each step of a commit as it is reached: {@code writing}, {@code staged}, {@code aside},
     * {@code placed}, {@code cleaning}. Nobody listens in the program; a test that halts the process
     * at a step, as a kill would, sets a listener before the command runs.
     */
    private static volatile Consumer<String> steps = step -> { };
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";
    private static final String DEL = ".del-";

    private final Path target;
    private final Map<String, Content> files = new LinkedHashMap<>();

    /** Writes one file's content into the staging folder; large outputs stream instead of being held whole. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A target that cannot work; a user's mistake (exit 2), said in Dutch. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    public AtomicOutput(Path target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    public AtomicOutput add(String name, byte[] content) {
        Objects.requireNonNull(content, "content");
        return add(name, out -> out.write(content));
    }

    public AtomicOutput add(String name, Content content) {
        files.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(content, "content"));
        return this;
    }

    /**
     * Refuses a target that cannot hold this output as one unit: empty, the root, an existing file, or a
     * folder with files that are not this output's. Commands call it before their work, so a bad
     * {@code --out} costs no evaluation.
     */
    public static Path check(Path target, Collection<String> names) throws Refused {
        Objects.requireNonNull(target, "target");
        if (target.toString().isBlank()) throw new Refused("de uitvoermap is leeg; geef een map, bv. --out out/2022-2023");
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            // Followed: the results go where the link points, and the link stays. Replacing the folder
            // named by the link itself would put a new folder in the link's place without a word.
            try {
                abs = abs.toRealPath();
            } catch (IOException e) {
                throw new Refused("is een symbolische koppeling naar een map die niet bestaat (" + readLink(abs)
                        + "); maak die map of geef een andere");
            }
        }
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new Refused("is de hoofdmap van het bestandssysteem; geef een map daaronder, bv. --out out/2022-2023");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) throw new Refused("bestaat al en is geen map");
        if (Files.isDirectory(abs)) {
            Set<String> others = new TreeSet<>();
            try (Stream<Path> s = Files.list(abs)) {
                s.map(p -> p.getFileName().toString()).filter(n -> !names.contains(n)).forEach(others::add);
            } catch (IOException e) {
                throw new Refused("kan niet gelezen worden: " + InputFiles.reason(e));
            }
            if (!others.isEmpty()) {
                throw new Refused("bevat andere bestanden dan een vorig resultaat (" + String.join(", ", others.stream().limit(5).toList())
                        + (others.size() > 5 ? ", …" : "") + "); die zouden verloren gaan. Kies een nieuwe of lege map");
            }
        }
        return abs;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    public void commit() throws IOException {
        Path target = check(this.target, files.keySet());
        Path parent = target.getParent();
        Files.createDirectories(parent);
        recover(target);
        String name = target.getFileName().toString();
        Path staging = parent.resolve("." + name + TMP + ProcessHandle.current().pid() + "-" + random());
        // createDirectory, not createTempDirectory: the folder gets the umask's mode, as any folder the user makes.
        Files.createDirectory(staging);
        try {
            boolean first = true;
            for (Map.Entry<String, Content> e : files.entrySet()) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(staging.resolve(e.getKey())), 1 << 16)) {
                    e.getValue().writeTo(out);
                } catch (UncheckedIOException u) {
                    throw u.getCause();
                }
                if (first) reached("writing");
                first = false;
            }
            reached("staged");
            place(staging, target);
        } finally {
            deleteTree(staging);
        }
    }

    /** Renames the staging folder into place; over an existing result, with the old one set aside first. */
    private static void place(Path staging, Path target) throws IOException {
        String name = target.getFileName().toString();
        Path parent = target.getParent();
        // A concurrent run may place its result between our steps; then we set that one aside in turn.
        for (int attempt = 0; ; attempt++) {
            if (!Files.exists(target)) {
                try {
                    rename(staging, target);
                    reached("placed");
                    return;
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                    if (attempt > 20) throw raced;
                    continue;
                }
            }
            Path aside = parent.resolve("." + name + OLD + ProcessHandle.current().pid() + "-" + random());
            try {
                rename(target, aside);
            } catch (NoSuchFileException raced) {
                if (attempt > 20) throw raced;
                continue;
            }
            reached("aside");
            try {
                rename(staging, target);
            } catch (IOException failed) {
                try {
                    rename(aside, target);
                } catch (IOException ignored) {
                    // The old result stays aside; the next run puts it back (recover).
                }
                if (failed instanceof FileAlreadyExistsException || failed instanceof DirectoryNotEmptyException) {
                    if (attempt > 20) throw failed;
                    continue;
                }
                throw failed;
            }
            reached("placed");
            Path doomed = parent.resolve("." + name + DEL + ProcessHandle.current().pid() + "-" + random());
            try {
                rename(aside, doomed);
                deleteTree(doomed, true);
            } catch (IOException ignored) {
                // The new result is in place; a leftover is removed by the next run.
            }
            return;
        }
    }

    /**
     * Cleans up after runs that were killed while writing to {@code target}: their staging and
     * half-deleted folders go; an old result they had set aside comes back if the target is missing.
     */
    public static void recover(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        String prefix = "." + abs.getFileName() + ".";
        List<Path> oldSets = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                String rest = n.substring(prefix.length() - 1);
                String kind = rest.startsWith(TMP) ? TMP : rest.startsWith(OLD) ? OLD : rest.startsWith(DEL) ? DEL : null;
                if (kind == null || ownerRuns(p, rest.substring(kind.length()))) continue;
                if (kind.equals(OLD)) oldSets.add(p);
                else deleteTree(p);
            }
        }
        oldSets.sort(Comparator.comparing(AtomicOutput::modified).reversed());
        for (Path old : oldSets) {
            if (!Files.exists(abs)) {
                try {
                    rename(old, abs);
                    continue;
                } catch (IOException ignored) {
                    // someone else placed a result meanwhile; this old one is then only a leftover
                }
            }
            deleteTree(old);
        }
    }

    /** Whether the process that made this folder still runs (the same pid, started before the folder was made). */
    private static boolean ownerRuns(Path folder, String pidAndRandom) {
        int dash = pidAndRandom.indexOf('-');
        long pid;
        try {
            pid = Long.parseLong(dash < 0 ? pidAndRandom : pidAndRandom.substring(0, dash));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) return false;
        Optional<Instant> started = owner.get().info().startInstant();
        // A reused pid: the process running now started after the folder was last written.
        return started.isEmpty() || !started.get().isAfter(modified(folder).toInstant());
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String random() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Sets who is told of each step (see {@link #steps}); for the whole process. */
    public static void onStep(Consumer<String> listener) {
        steps = Objects.requireNonNull(listener, "listener");
    }

    private static void reached(String step) {
        steps.accept(step);
    }

    private static void deleteTree(Path dir) {
        deleteTree(dir, false);
    }

    private static void deleteTree(Path dir, boolean hook) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            boolean first = true;
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // A leftover is hidden (dot-name) and removed by the next run's recover().
                }
                if (hook && first) reached("cleaning");
                first = false;
            }
        } catch (IOException ignored) {
            // as above
        }
    }
}
