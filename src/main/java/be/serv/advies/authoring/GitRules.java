package be.serv.advies.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Comparator;
import java.util.stream.Stream;

/** The rules folder as it was at a git revision, written to a temporary folder with {@code git archive}. */
public final class GitRules {
    private GitRules() {
    }

    /** Thrown with a one-line Dutch message when git cannot give the folder. */
    public static final class GitException extends Exception {
        public GitException(String message) {
            super(message);
        }
    }

    /**
     * The rules folder at a revision, in a temporary folder that {@link #close} removes: every diff
     * against a revision would otherwise leave a copy of the rules behind.
     */
    public record Checkout(Path root, Path rules) implements AutoCloseable {
        @Override
        public void close() {
            delete(root);
        }
    }

    public static Checkout checkout(Path rulesDir, String revision) throws GitException, IOException {
        Objects.requireNonNull(rulesDir, "rulesDir");
        Objects.requireNonNull(revision, "revision");
        if (revision.startsWith("-")) throw new GitException("ongeldige revisie '" + revision + "'");
        Path abs = rulesDir.toAbsolutePath().normalize();
        Path probe = Files.isDirectory(abs) ? abs : abs.getParent();
        String top = git(probe, "rev-parse", "--show-toplevel").strip();
        Path root = Path.of(top).toRealPath();
        Path real = Files.isDirectory(abs) ? abs.toRealPath() : abs;
        String rel = root.relativize(real).toString().replace('\\', '/');
        Path tmp = Files.createTempDirectory("advies-rules-" + revision.replaceAll("[^\\w.-]", "_") + "-");
        try {
            Path tar = tmp.resolve(".rules.tar");
            git(root, "archive", "--format=tar", "-o", tar.toString(), revision, "--", rel.isEmpty() ? "." : rel);
            run(tmp, List.of("tar", "-xf", tar.toString()));
            Files.delete(tar);
            Path out = rel.isEmpty() ? tmp : tmp.resolve(rel);
            if (!Files.isDirectory(out)) throw new GitException("revisie " + revision + " heeft geen map " + rel);
            return new Checkout(tmp, out);
        } catch (GitException | IOException | RuntimeException e) {
            delete(tmp);
            throw e;
        }
    }

    /** Best effort: a file that cannot be removed stays in the temporary folder, where the system clears it. */
    private static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException ignored) {
            // Left for the system's cleaning of the temporary folder.
        }
    }

    private static String git(Path dir, String... args) throws GitException, IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        return run(dir, cmd);
    }

    private static String run(Path dir, List<String> cmd) throws GitException, IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new GitException(cmd.get(0) + " " + cmd.get(1) + " faalde: " + out.lines().findFirst().orElse("").strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("onderbroken");
        }
        return out;
    }
}
