package be.serv.advies.server;

import be.serv.advies.load.Problem;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The drafts in force and the rules folder they came from. A reload compiles the rules afresh and
 * re-drafts the same batch; when the rules do not compile, the running drafts stay and the problems
 * are kept for the pages to show. Decisions are not touched: they live in the store and keep the
 * draft they were taken on, which is how a changed draft is noticed.
 */
public final class Drafts {
    /** What the last reload attempt found. */
    public record LoadState(DraftRun run, Instant loadedAt, List<Problem> lastProblems, Instant lastFailureAt) {
    }

    private final Path rulesDir;
    private final ReviewStore store;
    /** Null until the first drafts are made. */
    private volatile LoadState state;
    private final CompletableFuture<DraftRun> first;
    /** The batch folder a reload is tried on in a child process first; null: no trial (tests that build drafts in memory). */
    private volatile Path trialBatch;
    private volatile TrialRun.Limits trialLimits = TrialRun.Limits.DEFAULT;

    public Drafts(DraftRun initial, Path rulesDir, ReviewStore store) {
        this(CompletableFuture.completedFuture(Objects.requireNonNull(initial, "initial")), rulesDir, store);
    }

    /**
     * Drafts still being made: the server answers its sign-in page at once, and the first page that
     * needs the drafts waits for them.
     */
    public Drafts(CompletableFuture<DraftRun> initial, Path rulesDir, ReviewStore store) {
        this.rulesDir = Objects.requireNonNull(rulesDir, "rulesDir");
        this.store = Objects.requireNonNull(store, "store");
        this.first = Objects.requireNonNull(initial, "initial").thenApply(run -> {
            state = new LoadState(run, Instant.now(), List.of(), null);
            store.recordRuleLoad(run.rules().hash(), true, "start", "");
            return run;
        });
    }

    public DraftRun current() {
        return state().run();
    }

    public LoadState state() {
        LoadState s = state;
        if (s != null) return s;
        first.join();
        return state;
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /**
     * From now on, a reload runs the new rules over {@code batchDir} in a child process before the
     * server runs them ({@link TrialRun}): at most {@code time}, with {@code heap} (e.g. "1g").
     */
    public void trialRunsOn(Path batchDir, Duration time, String heap) {
        this.trialBatch = Objects.requireNonNull(batchDir, "batchDir");
        this.trialLimits = new TrialRun.Limits(time, heap);
    }

    /** As {@link #trialRunsOn(Path, Duration, String)} with the default limits (2 minutes, 1 GB). */
    public void trialRunsOn(Path batchDir) {
        this.trialBatch = Objects.requireNonNull(batchDir, "batchDir");
    }

    /** Reloads the rules; returns true when new drafts are in force, false when the old ones stay. */
    public boolean reload(String why) {
        return reload(why, "");
    }

    /** As {@link #reload(String)}, naming the reviewer who asked for it in the audit log. */
    public synchronized boolean reload(String why, String actor) {
        DraftRun old = state().run();
        try {
            RuleSet rules = RuleSet.load(rulesDir, old.batch());
            Path batchDir = trialBatch;
            if (batchDir != null) {
                List<Problem> trial = TrialRun.problems(rulesDir, batchDir, trialLimits);
                if (!trial.isEmpty()) throw new RuleSetException(trial);
            }
            DraftRun fresh = DraftRun.of(old.batch(), rules);
            state = new LoadState(fresh, Instant.now(), List.of(), null);
            store.recordRuleLoad(rules.hash(), true, why, actor);
            return true;
        } catch (RuleSetException e) {
            state = new LoadState(old, state.loadedAt(), e.problems(), Instant.now());
            store.recordRuleLoad(null, false, why + ": " + e.getMessage(), actor);
            return false;
        } catch (RuntimeException e) {
            // A rule that throws while running must not take the review down with it.
            state = new LoadState(old, state.loadedAt(), List.of(Problem.ofFile(rulesDir.toString(),
                    "de regels konden niet uitgevoerd worden door een fout in het programma; de vorige regels blijven gelden")), Instant.now());
            store.recordRuleLoad(null, false, why + ": " + e, actor);
            return false;
        }
    }
}
