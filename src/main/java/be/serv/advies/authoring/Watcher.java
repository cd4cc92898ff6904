package be.serv.advies.authoring;

import be.serv.advies.rules.FolderWatcher;
import be.serv.advies.rules.RuleBaseCache;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code advies test --watch}: rebuilds the rules in this JVM whenever a file under the rules folder
 * changes and runs the cases again. Editors save in bursts (temp file, rename, touch), so events are
 * gathered until the folder is quiet for {@link #QUIET_MS} before one rebuild.
 */
public final class Watcher implements AutoCloseable {
    static final long QUIET_MS = 80;
    /** Silent rebuilds at start; see {@link #warmUp}. */
    public static final int WARM_UPS = 3;

    /** What one rebuild gave: the run (null when the rules did not compile) and how long the rebuild took. */
    public record Outcome(CaseRunner.Run run, RuleSetException error, long rebuildMillis) {
    }

    private final Path dir;
    private final FolderWatcher watch;

    public Watcher(Path dir) throws IOException {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.watch = new FolderWatcher(dir);
    }

    /** One build and run of the cases, printed. */
    public static Outcome once(Path dir, PrintWriter out) throws IOException {
        return once(dir, RuleSet.loadInBackground(dir), out);
    }

    /** As {@link #once(Path, PrintWriter)}, with the rules of {@code dir} already loading. */
    public static Outcome once(Path dir, RuleSet.Pending pending, PrintWriter out) throws IOException {
        return once(dir, pending::get, out);
    }

    /** Where the rules of one run come from: loading in the background, or loaded in the watch loop. */
    @FunctionalInterface
    private interface Rules {
        RuleSet get() throws RuleSetException;
    }

    /**
     * After a save, the rule set is new: the rule base cache would only write an entry no later run
     * asks for, so the watch loop compiles without it, the same way the warm-up does.
     */
    private static RuleSet compiled(Path dir) throws RuleSetException {
        return RuleSet.load(dir, null, RuleBaseCache.off());
    }

    private static Outcome once(Path dir, Rules rules, PrintWriter out) throws IOException {
        long t0 = System.nanoTime();
        try {
            // With rules loading in the background, the case files are read meanwhile on the other core.
            List<CaseFile.Parsed> cases = CaseRunner.read(dir);
            CaseRunner.Run run = CaseRunner.run(rules.get(), cases);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            CaseReport.failures(run, out);
            CaseReport.summary(run, out);
            return new Outcome(run, null, ms);
        } catch (RuleSetException e) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            e.problems().forEach(out::println);
            // Every case fails when the rules do not load; a summary of "0 failed" would read as a pass.
            int cases = 0;
            for (CaseFile.Parsed parsed : CaseRunner.read(dir)) cases += Math.max(1, parsed.cases().size());
            out.println("0 geslaagd, " + Math.max(cases, 1) + " mislukt (de regels laden niet: " + e.getMessage() + ")");
            return new Outcome(null, e, ms);
        }
    }

    /**
     * Builds the rules and runs the cases {@code times} more, printing nothing, while the user has not
     * edited yet: the first rebuilds after start ran at three times the later ones' time while the JIT
     * compiled the compiler. The rule base cache is off here, so each is a real compile, as after a
     * save in the watch loop. A save during the warm-up is not lost: the folder is already watched.
     */
    public void warmUp(int times) {
        for (int i = 0; i < times && !Thread.currentThread().isInterrupted(); i++) {
            try {
                CaseRunner.run(compiled(dir), CaseRunner.read(dir));
            } catch (RuleSetException | IOException | RuntimeException e) {
                // Rules that do not load warm nothing; the first result has already said why.
                return;
            }
        }
    }

    /**
     * Waits for changes and rebuilds after each burst, until the thread is interrupted or the
     * watcher is closed; {@code each} sees every outcome (used to measure edit-to-result time).
     */
    public void loop(PrintWriter out, Consumer<Outcome> each) throws IOException {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                watch.awaitChanges(Duration.ofMillis(QUIET_MS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException e) {
                return;
            }
            out.println("-- gewijzigd, opnieuw opgebouwd --");
            Outcome o;
            try {
                o = once(dir, () -> compiled(dir), out);
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // Whatever a save breaks, the watch goes on and the next good save is run again.
                out.println("de regels of gevallen konden niet gelezen of uitgevoerd worden; verbeter ze en bewaar opnieuw");
                out.flush();
                continue;
            }
            out.println("(regels en gevallen in " + o.rebuildMillis() + " ms)");
            out.flush();
            if (each != null) each.accept(o);
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
