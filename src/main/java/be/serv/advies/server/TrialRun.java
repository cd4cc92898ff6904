package be.serv.advies.server;

import be.serv.advies.load.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a reloaded rule set once over the batch in a child Java process with a time and a memory
 * limit, before the server runs it itself. A thread in the server that hangs in a condition or
 * allocates without end cannot be stopped for sure; a child process can. So a rule that slipped past
 * every check costs a child process, never the server: the running rules stay and the problem shows
 * on the work list. The child is the same program ({@code advies evaluate}), so it loads and checks the
 * rules the same way, runs under the same run-time guards, and says what went wrong in the same Dutch words.
 */
final class TrialRun {
    /** The limits of the child: how long it may take and how much heap it gets. */
    record Limits(Duration time, String heap) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(Long.getLong("advies.trialSeconds", 120)),
                System.getProperty("advies.trialHeap", "1g"));
    }

    private TrialRun() {
    }

    /** The problems of running {@code rulesDir} over {@code batchDir} in a child process; empty when it ran through. */
    static List<Problem> problems(Path rulesDir, Path batchDir, Limits limits) {
        Path work = null;
        Process child = null;
        try {
            work = Files.createTempDirectory("advies-trial");
            Path err = work.resolve("err.txt");
            String java = ProcessHandle.current().info().command().orElse("java");
            child = new ProcessBuilder(java, "-Xmx" + limits.heap(), "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "be.serv.advies.cli.AdviesCommand",
                    "evaluate", batchDir.toString(), "--rules", rulesDir.toString(), "--out", work.resolve("out").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            if (!child.waitFor(limits.time().toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return List.of(Problem.ofFile(rulesDir.toString(), "de nieuwe regels waren na " + limits.time().toSeconds()
                        + " s in een proefrun over de batch nog niet klaar; de vorige regels blijven gelden. Voer 'advies evaluate' "
                        + "uit met deze regels om te zien welke regel blijft hangen"));
            }
            if (child.exitValue() == 0) return List.of();
            List<Problem> out = new ArrayList<>();
            for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("advies: ")) out.add(Problem.ofFile(rulesDir.toString(), line.strip()));
            }
            if (out.isEmpty()) {
                out.add(Problem.ofFile(rulesDir.toString(), "de nieuwe regels faalden in een proefrun over de batch; de vorige regels "
                        + "blijven gelden"));
            }
            return out;
        } catch (IOException e) {
            return List.of(Problem.ofFile(rulesDir.toString(), "de proefrun van de nieuwe regels kon niet starten; de vorige regels "
                    + "blijven gelden"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (child != null) child.destroyForcibly();
            return List.of(Problem.ofFile(rulesDir.toString(), "de proefrun van de nieuwe regels werd onderbroken; de vorige regels blijven gelden"));
        } finally {
            if (work != null) delete(work);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind harms nothing
        }
    }
}
