package be.serv.advies.report;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium, run as the page's reader would open it: from disk, with a fresh
 * profile, nothing fetched in the background. CI installs it (.ci/run); elsewhere a missing
 * browser skips the page tests, except under CI=true where it fails them.
 */
final class Chromium {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--enable-logging=stderr", "--v=0");

    record Run(int exitCode, String stdout, String stderr) {
        /** Messages the page wrote to its console, and resources it failed to load. */
        List<String> consoleProblems() {
            List<String> out = new ArrayList<>();
            for (String line : stderr.split("\n")) {
                if (line.contains(":CONSOLE") || line.contains("Failed to load resource") || line.contains("net::ERR_")) out.add(line);
            }
            return out;
        }
    }

    private Chromium() {
    }

    static Path binary() {
        String configured = System.getenv("ADVIES_CHROMIUM");
        for (String candidate : new String[]{configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        if ("true".equals(System.getenv("CI"))) fail("Chromium is not installed; .ci/run installs Debian's chromium package");
        Assumptions.abort("Chromium not installed (apt-get install chromium); page tests skipped");
        return null;
    }

    static Run screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        return run("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, page.toUri().toString());
    }

    /** The page as the browser prints it (Ctrl+P, A4 from the page's own @page rule), without the browser's header and footer. */
    static Run printToPdf(Path page, Path pdf) throws IOException, InterruptedException {
        Files.createDirectories(pdf.toAbsolutePath().getParent());
        return run("--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer", page.toUri().toString());
    }

    static Run dumpDom(Path page) throws IOException, InterruptedException {
        return run("--dump-dom", page.toUri().toString());
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        Path profile = be.serv.advies.testing.TempDirs.create("advies-chromium-");
        Path io = be.serv.advies.testing.TempDirs.create("advies-chromium-io-");
        Path stdout = io.resolve("out.txt");
        Path stderr = io.resolve("err.txt");
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("Chromium did not finish within 120 s: " + cmd);
            }
            Run run = new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            assertEquals(0, run.exitCode(), () -> "Chromium failed: " + cmd + "\n" + run.stderr());
            return run;
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
