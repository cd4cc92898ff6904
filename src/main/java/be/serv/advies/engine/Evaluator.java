package be.serv.advies.engine;

import be.serv.advies.load.Problem;
import be.serv.advies.load.ShortageAreas;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.SimilarText;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a rule set over a batch in one session and records a trace. Findings are the only thing
 * rules may insert; a rule that updates or deletes an input fact, or keeps firing, stops the run.
 */
public final class Evaluator {
    /** Honest rule sets fire a few dozen times per application; far beyond that a rule loops. */
    static final int FIRINGS_PER_FACT = 200;

    private Evaluator() {
    }

    /** The whole batch in one session, with the full trace (what {@code explain} and reports read). */
    public static Evaluation evaluate(RuleSet rules, Batch batch) throws RuleSetException {
        return evaluate(rules, batch, Options.FULL_TRACE);
    }

    /**
     * The batch with its shortages resolved against the gazetteer and the rules' regions
     * ({@code regions.csv}); a shortage naming a place neither knows is a problem of the rules.
     * Facts carry resolved places, so the rules compare municipalities, never spellings.
     */
    public static Batch resolveShortages(Batch batch, RuleSet rules) throws RuleSetException {
        if (batch.getShortages().stream().allMatch(Shortage::isResolved)) return batch;
        List<Problem> problems = new ArrayList<>();
        List<Shortage> resolved = ShortageAreas.resolve(batch.getShortages(),
                rules.regions(), problems);
        if (!problems.isEmpty()) throw new RuleSetException(problems);
        return batch.withShortages(resolved);
    }

    /**
     * How to run: which applications get a trace (the firings with their facts as text, which cost
     * more than the findings themselves), and over how many sessions the batch is spread.
     *
     * @param traced  applications whose firings are recorded; {@code null} for all
     * @param threads sessions run side by side; above 0 the batch is also split into bounded parts
     *                ({@link Partitions}), 0 keeps it in one session
     */
    public record Options(Set<String> traced, int threads, int partSize, boolean tracedOnly) {
        public static final Options FULL_TRACE = new Options(null, 0);

        public Options(Set<String> traced, int threads) {
            this(traced, threads, Partitions.PART_SIZE);
        }

        public Options(Set<String> traced, int threads, int partSize) {
            this(traced, threads, partSize, false);
        }

        /**
         * @param tracedOnly evaluate only the traced applications (what {@code explain} needs); the
         *                   batch-wide facts they are weighed against still come from the whole batch,
         *                   so their findings are those of a run over the whole batch
         */
        public Options {
            if (threads < 0) throw new IllegalArgumentException("threads must be at least 0, was " + threads);
            if (partSize < 1) throw new IllegalArgumentException("partSize must be at least 1, was " + partSize);
            if (tracedOnly && traced == null) throw new IllegalArgumentException("tracedOnly needs the traced applications");
            traced = traced == null ? null : Set.copyOf(traced);
        }

        /** These applications only, with their trace, in one session: what {@code explain} needs. */
        public static Options only(Set<String> applicationIds) {
            return new Options(Objects.requireNonNull(applicationIds, "applicationIds"), 0, Partitions.PART_SIZE, true);
        }

        /** Findings only, in bounded parts over this many threads: what {@code evaluate} needs. */
        public static Options findingsOnly(int threads) {
            return new Options(Set.of(), Math.max(1, threads));
        }

        boolean traces(List<String> applicationIds) {
            if (traced == null) return true;
            for (String id : applicationIds) if (traced.contains(id)) return true;
            return false;
        }
    }

    public static Evaluation evaluate(RuleSet rules, Batch batch, Options options) throws RuleSetException {
        return evaluate(rules, prepare(batch), options);
    }

    /**
     * What the engine derives from the batch alone, before any rule: for each application the most
     * similar text of its institution. A command computes it while the rules load.
     */
    public record Prepared(Batch batch, Map<String, SimilarText> similarText) {
        public Prepared {
            Objects.requireNonNull(batch, "batch");
            similarText = Map.copyOf(Objects.requireNonNull(similarText, "similarText"));
        }
    }

    public static Prepared prepare(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        return new Prepared(batch, TextComparison.mostSimilar(batch));
    }

    public static Evaluation evaluate(RuleSet rules, Prepared prepared, Options options) throws RuleSetException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(options, "options");
        Batch batch = resolveShortages(prepared.batch(), rules);
        DerivedFacts derived = DerivedFacts.of(rules, batch, prepared.similarText());
        Batch scope = options.tracedOnly() ? Partitions.only(batch, options.traced()) : batch;
        List<Batch> parts = options.threads() == 0 ? List.of(scope) : Partitions.split(scope, partSize(scope, options));
        List<Future<Outcome>> futures = new ArrayList<>();
        List<Recorder> recorders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), parts.size())), r -> {
            Thread t = new Thread(r, "advies-evaluator");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Batch part : parts) {
                Recorder recorder = new Recorder(options, rules);
                recorders.add(recorder);
                futures.add(pool.submit(() -> run(rules, part, derived, recorder)));
            }
            List<Evaluation> done = new ArrayList<>();
            RuleSetException first = null;
            for (int i = 0; i < futures.size(); i++) {
                Outcome o = Watchdog.watch(futures.get(i), recorders);
                if (o.failure() != null) {
                    // The first failing part in batch order is reported; the rest need not finish.
                    first = o.failure();
                    futures.forEach(x -> x.cancel(true));
                    break;
                }
                done.add(o.evaluation());
            }
            if (first != null) throw first;
            return Evaluation.merge(done);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A part's evaluation, or the rule failure that ended it. */
    record Outcome(Evaluation evaluation, RuleSetException failure) {
    }

    /** One session over (part of) a batch; a rule failure is returned, so partitions report deterministically. */
    private static Outcome run(RuleSet rules, Batch batch, DerivedFacts derived, Recorder recorder) {
        try {
            return new Outcome(session(rules, batch, derived, recorder), null);
        } catch (RuleSetException e) {
            return new Outcome(null, e);
        }
    }

    private static Evaluation session(RuleSet rules, Batch batch, DerivedFacts derived, Recorder recorder) throws RuleSetException {
        KieSession session = rules.kieBase().newKieSession();
        session.addEventListener((AgendaEventListener) recorder.agenda);
        session.addEventListener((RuleRuntimeEventListener) recorder.runtime);
        recorder.progress = System.nanoTime();
        recorder.thread = Thread.currentThread();
        try {
            int facts = derived.insertInto(session, batch);
            int limit = FIRINGS_PER_FACT * Math.max(facts, 1);
            int fired = session.fireAllRules(limit);
            // A modified fact makes other rules fire again; the modification is the problem to name.
            if (!recorder.violations.isEmpty()) throw new RuleSetException(recorder.violations);
            if (fired >= limit) {
                String rule = recorder.mostFired();
                throw new RuleSetException(List.of(RuleFailures.problem(rules, rule, recorder.fileOf(rule),
                        "blijft vuren (limiet van " + limit + " vuringen bereikt); zij lokt zichzelf opnieuw uit")));
            }
        } catch (ConsequenceException e) {
            Match m = e.getMatch() != null ? e.getMatch() : recorder.firing;
            throw new RuleSetException(List.of(recorder.failure(m, e.getCause() == null ? e : e.getCause())));
        } catch (RuleSetException e) {
            throw e;
        } catch (Throwable e) {
            // Anything else out of the engine came from a rule: a condition that cannot be evaluated
            // (text where a number was meant), a consequence that recursed or allocated too much.
            if (e instanceof OutOfMemoryError oom && !RuleFailures.fromRule(oom)) throw oom;
            Match m = recorder.firing;
            throw new RuleSetException(List.of(m != null ? recorder.failure(m, e) : RuleFailures.condition(rules, e)));
        } finally {
            recorder.firing = null;
            recorder.progress = 0;
            session.dispose();
        }
        List<Problem> breaches = ComplementCheck.breaches(rules, batch, recorder.findings);
        if (!breaches.isEmpty()) throw new RuleSetException(breaches);
        return new Evaluation(recorder.findings, recorder.firings, recorder.firedCount());
    }

    /**
     * Parts of {@link Options#partSize()}; a batch smaller than that is still shared out over the
     * threads when each gets at least {@link #MIN_SHARE} applications: on a cold start the rules run
     * interpreted, and two sessions side by side finish sooner than one.
     */
    static int partSize(Batch batch, Options options) {
        int n = batch.getApplications().size();
        int share = (n + options.threads() - 1) / Math.max(1, options.threads());
        return share >= MIN_SHARE ? Math.min(options.partSize(), share) : options.partSize();
    }

    static final int MIN_SHARE = 100;
}
