package be.serv.advies.engine;

import be.serv.advies.load.ShortageAreas;
import be.serv.advies.load.Problem;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Finding;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.RegionalDemand;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.SimilarText;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.Trajectory;
import be.serv.advies.model.TrajectoryInProvince;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a rule set over a batch in one session and records a trace. Findings are the only thing
 * rules may insert; a rule that updates or deletes an input fact, or keeps firing, stops the run.
 */
public final class Evaluator {
    /** Honest rule sets fire a few dozen times per application; far beyond that a rule loops. */
    static final int FIRINGS_PER_FACT = 200;
    /**
     * Honest rule sets conclude a few times per application (one finding per criterion and
     * sector remark; 14 at most on the shipped batch); far beyond that a rule floods the run and memory would end it.
     */
    static final int FINDINGS_PER_APPLICATION = 100;
    /**
     * How long one firing may take before the run is given up: a consequence takes microseconds.
     * The rule language check (rules.RuleLanguage) already refuses loops and recursion; this bounds whatever gets past it.
     * System property {@code advies.firingTimeoutMillis} changes it.
     */
    static long firingTimeoutMillis() {
        return Long.getLong("advies.firingTimeoutMillis", 10_000L);
    }

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
            return new Options(java.util.Objects.requireNonNull(applicationIds, "applicationIds"), 0, Partitions.PART_SIZE, true);
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
        Derived derived = derive(rules, batch, prepared.similarText());
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
                Outcome o = watch(futures.get(i), recorders);
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

    private record Outcome(Evaluation evaluation, RuleSetException failure) {
    }

    /**
     * Waits for one part while watching every running session: a firing that has not finished
     * within {@link #firingTimeoutMillis()} ends the run with the rule named. Its thread cannot be
     * stopped safely; it is a daemon, asked to stop, and left behind (the command ends anyway).
     */
    private static Outcome watch(Future<Outcome> f, List<Recorder> recorders) {
        long timeout = firingTimeoutMillis();
        long poll = Math.max(10, Math.min(250, timeout / 4));
        while (true) {
            try {
                return f.get(poll, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                for (Recorder r : recorders) {
                    if (r.stalled(timeout)) {
                        // No insert and no firing for the whole budget: a condition is still being evaluated.
                        String evaluating = r.evaluating();
                        f.cancel(true);
                        if (evaluating != null) {
                            return new Outcome(null, new RuleSetException(List.of(RuleFailures.problem(r.rules, evaluating, r.fileOf(evaluating),
                                    "is na " + timeout / 1000.0 + " s nog niet klaar met het nagaan van haar voorwaarden; "
                                            + "een voorwaarde blijft hangen of rekent te lang"))));
                        }
                        // The last rule that fired says nothing about whose condition hangs: Drools evaluates
                        // constraints, 'from' and 'accumulate' in shared nodes, not in a class of the rule. No file
                        // is named rather than a wrong one.
                        return new Outcome(null, new RuleSetException(List.of(Problem.ofFile(r.rules.dir().toString(),
                                "de regels zijn na " + timeout / 1000.0 + " s nog niet klaar met het nagaan van hun voorwaarden; "
                                + "een voorwaarde blijft hangen of rekent te lang. Welke regel het is, kan het programma hier niet "
                                + "met zekerheid zeggen (de voorwaarde staat in een patroon, een from of een accumulate, niet in een "
                                + "eval); kijk naar de regels die u het laatst wijzigde, of zoek de regel met 'advies test'"))));
                    }
                    Match stuck = r.stuck(timeout);
                    if (stuck != null) {
                        f.cancel(true);
                        return new Outcome(null, new RuleSetException(List.of(RuleFailures.problem(r.rules, stuck.getRule(),
                                "is" + RuleFailures.at(applicationIdsOf(stuck.getObjects(), List.of())) + " na " + timeout / 1000.0
                                        + " s nog niet klaar met één vuring; zij blijft hangen (een lus of een te grote berekening)"))));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            } catch (ExecutionException e) {
                throw be.serv.advies.rules.Background.unchecked(e.getCause());
            }
        }
    }

    /** One session over (part of) a batch; a rule failure is returned, so partitions report deterministically. */
    private static Outcome run(RuleSet rules, Batch batch, Derived derived, Recorder recorder) {
        try {
            return new Outcome(session(rules, batch, derived, recorder), null);
        } catch (RuleSetException e) {
            return new Outcome(null, e);
        }
    }

    private static Evaluation session(RuleSet rules, Batch batch, Derived derived, Recorder recorder) throws RuleSetException {
        KieSession session = rules.kieBase().newKieSession();
        session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder.agenda);
        session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder.runtime);
        recorder.progress = System.nanoTime();
        recorder.thread = Thread.currentThread();
        try {
            int facts = insertFacts(session, batch, derived);
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
        List<Problem> breaches = complementBreaches(rules, batch, recorder.findings);
        if (!breaches.isEmpty()) throw new RuleSetException(breaches);
        return new Evaluation(recorder.findings, recorder.firings, recorder.firedCount());
    }

    /**
     * A reason code's "applies" and "cleared" rules are opposite conditions written twice; edited
     * apart, one application gets both conclusions for a code, or neither. Exactly one must conclude,
     * unless the application has a finding that precedence.yaml declares leaves the criterion open
     * ({@code open_when}, e.g. no capacity figures). A breach is a fault of the rules, named with the
     * rules and the application, whichever command runs them (and test, over its cases). The first
     * breach in batch order, per code.
     */
    static List<Problem> complementBreaches(RuleSet rules, Batch batch, Map<String, List<Finding>> findings) {
        List<Problem> out = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        Map<String, be.serv.advies.rules.Complement> complements = rules.complements();
        for (Application a : batch.getApplications()) {
            Map<String, Finding> applies = new LinkedHashMap<>();
            Map<String, Finding> cleared = new HashMap<>();
            for (Finding f : findings.getOrDefault(a.getId(), List.of())) {
                (f.isApplies() ? applies : cleared).putIfAbsent(f.getCode(), f);
            }
            for (Map.Entry<String, Finding> e : applies.entrySet()) {
                Finding no = cleared.get(e.getKey());
                if (no == null || !codes.add(e.getKey())) continue;
                out.add(RuleFailures.problem(rules, e.getValue().getRule(), e.getValue().getRuleFile(), "en regel '" + no.getRule()
                        + "' besluiten allebei over " + e.getKey() + " bij aanvraag " + a.getId() + ": de ene dat het criterium geldt, "
                        + "de andere dat het niet geldt. Hun voorwaarden moeten elkaars tegendeel zijn"));
            }
            for (be.serv.advies.rules.Complement c : complements.values()) {
                if (applies.containsKey(c.code()) || cleared.containsKey(c.code()) || codes.contains(c.code())) continue;
                be.serv.advies.rules.CodeInfo info = rules.precedence().code(c.code());
                List<String> openWhen = info == null ? List.of() : info.openWhen();
                if (openWhen.stream().anyMatch(applies::containsKey)) continue;
                codes.add(c.code());
                out.add(neither(rules, c, a.getId(), openWhen));
            }
        }
        return out;
    }

    /** "regel 'A' en regel 'B' (file:line) besluiten geen van beide over CODE bij aanvraag X: ..." and how to mend it. */
    private static Problem neither(RuleSet rules, be.serv.advies.rules.Complement c, String application, List<String> openWhen) {
        List<String> others = new ArrayList<>();
        for (String r : c.applies().subList(1, c.applies().size())) others.add(named(rules, r));
        for (String r : c.cleared()) others.add(named(rules, r));
        String first = c.applies().get(0);
        String also = others.size() == 1 ? "en regel " + others.get(0) + " besluiten geen van beide"
                : "en de regels " + String.join(", ", others.subList(0, others.size() - 1)) + " en " + others.get(others.size() - 1)
                + " besluiten geen van alle";
        String open = openWhen.isEmpty()
                ? "of, als het criterium bij zo'n aanvraag bewust open blijft, noem in " + be.serv.advies.rules.Precedence.FILE + " onder "
                        + c.code() + " de bevinding die dat zegt, bv. open_when: [NO_CAPACITY_FIGURES]"
                : "of voeg in " + be.serv.advies.rules.Precedence.FILE + " onder " + c.code() + " de bevinding die het criterium hier "
                        + "openlaat toe aan open_when (nu " + openWhen + ")";
        return RuleFailures.problem(rules, first, rules.rule(first).map(be.serv.advies.rules.RuleInfo::file).orElse("regels"),
                also + " over " + c.code() + " bij aanvraag " + application + ", zodat het advies over dit criterium zwijgt. "
                        + "Maak hun voorwaarden elkaars tegendeel, " + open);
    }

    private static String named(RuleSet rules, String rule) {
        return "'" + rule + "'" + rules.rule(rule).map(i -> " (" + i.place() + ")").orElse("");
    }

    /**
     * Facts derived from the whole batch once, before any session: per (trajectory, province) with an
     * application, what the rules weigh its applications against ({@link TrajectoryInProvince}: the
     * thresholds, the capacity, the applications and expected students of the whole batch, the providers
     * in Flanders), and per application the most similar text of its institution. Because they are
     * counted over the whole batch, a part evaluated in its own session still sees all competitors.
     */
    private record Derived(Map<String, TrajectoryInProvince> groups, Map<String, SimilarText> similarText) {
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

    /**
     * The derived facts of a batch; {@code evaluate} inserts nothing else besides the batch's own facts,
     * so {@code advies test}'s cases and every command see the same.
     */
    private static Derived derive(RuleSet rules, Batch batch, Map<String, SimilarText> similarText) {
        Map<String, Capacity> capacity = new HashMap<>();
        Map<String, Integer> providersInFlanders = new HashMap<>();
        for (Capacity c : batch.getCapacity()) {
            capacity.putIfAbsent(TrajectoryInProvince.key(c.getTrajectory(), c.getProvince()), c);
            providersInFlanders.merge(c.getTrajectory(), c.getProviders(), Integer::sum);
        }
        Map<String, int[]> demand = new LinkedHashMap<>();
        for (Application a : batch.getApplications()) {
            int[] d = demand.computeIfAbsent(a.getTrajectoryInProvince(), k -> new int[2]);
            d[0]++;
            d[1] += a.getExpectedStudents();
        }
        Map<String, TrajectoryInProvince> groups = new HashMap<>();
        for (Application a : batch.getApplications()) {
            String key = a.getTrajectoryInProvince();
            if (groups.containsKey(key)) continue;
            Trajectory t = batch.trajectory(a.getTrajectory());
            int[] d = demand.get(key);
            groups.put(key, new TrajectoryInProvince(t, batch.partnership(t.getPartnership()), a.getProvince(), capacity.get(key),
                    rules.thresholds().resolve(t.getPartnership(), t.getCode(), a.getProvince()),
                    new RegionalDemand(a.getProvince(), t.getCode(), d[0], d[1]),
                    providersInFlanders.getOrDefault(t.getCode(), 0)));
        }
        return new Derived(groups, similarText);
    }

    private static int insertFacts(KieSession session, Batch batch, Derived derived) {
        int n = 0;
        for (Object o : batch.getPartnerships()) { session.insert(o); n++; }
        for (Object o : batch.getTrajectories()) { session.insert(o); n++; }
        for (Object o : batch.getCapacity()) { session.insert(o); n++; }
        for (Object o : batch.getShortages()) { session.insert(o); n++; }
        Set<String> inserted = new HashSet<>();
        for (Application a : batch.getApplications()) {
            if (inserted.add(a.getTrajectoryInProvince())) {
                session.insert(derived.groups().get(a.getTrajectoryInProvince()));
                n++;
            }
        }
        for (Application a : batch.getApplications()) {
            SimilarText similar = derived.similarText().get(a.getId());
            if (similar != null) { session.insert(similar); n++; }
            PreviousAdvice previous = batch.getPreviousAdvice().get(a.getId());
            if (previous != null) { session.insert(previous); n++; }
        }
        for (Application a : batch.getApplications()) { session.insert(a); n++; }
        return n;
    }

    static List<String> applicationIdsOf(List<?> objects, List<Finding> inserted) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object o : objects) {
            if (o instanceof Application a) ids.add(a.getId());
        }
        for (Finding f : inserted) ids.add(f.getApplicationId());
        return new ArrayList<>(ids);
    }

    /** Collects findings and the trace from the session's events. */
    private static final class Recorder {
        final Map<String, List<Finding>> findings = new HashMap<>();
        final Map<String, List<Firing>> firings = new HashMap<>();
        final Map<String, Integer> firedCount = new LinkedHashMap<>();
        final Map<String, String> files = new HashMap<>();
        final List<Problem> violations = new ArrayList<>();
        final Options options;
        List<Finding> current = new ArrayList<>();
        int sequence;

        final RuleSet rules;
        /** The match whose consequence runs now (null between firings): the rule to name when something goes wrong. */
        volatile Match firing;
        private volatile long firingSince;

        Recorder(Options options, RuleSet rules) {
            this.options = options;
            this.rules = rules;
        }

        /** The match that has been firing for longer than {@code timeoutMillis}, or null. */
        /** Whether the session has neither inserted nor fired anything for {@code timeoutMillis}, outside a firing. */
        boolean stalled(long timeoutMillis) {
            long p = progress;
            return p != 0 && firing == null && System.nanoTime() - p > timeoutMillis * 1_000_000L;
        }

        /** The thread that runs the session, to see which rule's condition it is in. */
        volatile Thread thread;

        /**
         * The rule whose condition the session's thread is in, when its code shows it: Drools compiles
         * an eval into a class named after the rule. Null when it cannot be told (an mvel constraint).
         */
        String evaluating() {
            Thread t = thread;
            if (t == null) return null;
            for (StackTraceElement e : t.getStackTrace()) {
                String c = e.getClassName();
                int at = c.indexOf("Rule_");
                if (at < 0) continue;
                // The longest name that fits: rule "Hangs" must not be named for the class of rule "HangsInCondition".
                String best = null;
                int bestLength = -1;
                for (be.serv.advies.rules.RuleInfo info : rules.rules()) {
                    String name = info.name().replaceAll("[^\\w]", "_");
                    if (c.startsWith(name, at + 5) && name.length() > bestLength) {
                        best = info.name();
                        bestLength = name.length();
                    }
                }
                if (best != null) return best;
            }
            return null;
        }

        /** The time of the session's last insert or firing; 0 when it does not run. */
        volatile long progress;

        Match stuck(long timeoutMillis) {
            Match m = firing;
            long since = firingSince;
            return m != null && System.nanoTime() - since > timeoutMillis * 1_000_000L ? m : null;
        }

        Problem failure(Match m, Throwable cause) {
            if (m == null) return RuleFailures.condition(rules, cause);
            return RuleFailures.problem(rules, m.getRule(), "faalde" + RuleFailures.at(applicationIdsOf(m.getObjects(), List.of()))
                    + ": " + RuleFailures.describe(cause));
        }

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                progress = System.nanoTime();
                if (event.getRule() == null) return;
                Object o = event.getObject();
                if (o instanceof Finding f) {
                    f.attribute(event.getRule().getName(), fileOfRule(event.getRule()));
                    List<Finding> of = findings.computeIfAbsent(f.getApplicationId(), k -> new ArrayList<>());
                    of.add(f);
                    current.add(f);
                    if (!rules.precedence().knows(f.getCode())) {
                        halt(event.getKieRuntime());
                        violation(event.getRule(), "geeft redencode '" + f.getCode() + "', die niet in precedence.yaml staat; "
                                + "voeg haar daar toe met haar soort en omschrijving");
                    } else if (of.size() > FINDINGS_PER_APPLICATION) {
                        halt(event.getKieRuntime());
                        if (of.size() == FINDINGS_PER_APPLICATION + 1) {
                            violation(event.getRule(), "voegt te veel bevindingen toe: meer dan " + FINDINGS_PER_APPLICATION
                                    + " voor aanvraag " + f.getApplicationId() + "; een regel geeft één bevinding per vuring");
                        }
                    }
                } else {
                    halt(event.getKieRuntime());
                    violation(event.getRule(), "voegt een " + o.getClass().getSimpleName()
                            + " toe; regels mogen alleen bevindingen (Finding) toevoegen");
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                if (event.getRule() == null) return;
                halt(event.getKieRuntime());
                violation(event.getRule(), "wijzigt het feit " + event.getObject()
                        + "; regels mogen de invoer niet wijzigen, alleen bevindingen toevoegen");
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                if (event.getRule() == null) return;
                halt(event.getKieRuntime());
                violation(event.getRule(), "verwijdert het feit " + event.getOldObject()
                        + "; regels mogen de invoer niet wijzigen, alleen bevindingen toevoegen");
            }
        };

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
                firingSince = System.nanoTime();
                progress = firingSince;
                firing = event.getMatch();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firing = null;
                progress = System.nanoTime();
                Match m = event.getMatch();
                String rule = m.getRule().getName();
                int[] count = counts.get(m.getRule());
                if (count == null) {
                    counts.put(m.getRule(), count = new int[1]);
                    files.put(rule, RuleSet.fileOf(m.getRule()));
                }
                count[0]++;
                ++sequence;
                if (options.traced() != null && options.traced().isEmpty()) {
                    // Findings only: nothing of the firing itself is kept.
                    current.clear();
                    return;
                }
                String file = files.get(rule);
                // A firing belongs to the applications it concluded about; one that concluded nothing
                // belongs to the applications it matched.
                List<String> ids = current.isEmpty() ? applicationIdsOf(m.getObjects(), List.of())
                        : applicationIdsOf(List.of(), current);
                if (!options.traces(ids)) {
                    current.clear();
                    return;
                }
                // Facts are the objects the rule matched and the facts it bound from them (the norm of a
                // TrajectoryInProvince); computed values (a count or sum) are shown as the bindings that
                // name them, e.g. "$total = 2".
                List<Object> matched = new ArrayList<>();
                List<String> facts = new ArrayList<>();
                for (Object o : m.getObjects()) {
                    if (o instanceof Number || o instanceof CharSequence) continue;
                    matched.add(o);
                    facts.add(String.valueOf(o));
                }
                Map<String, String> bindings = new LinkedHashMap<>();
                for (String id : m.getDeclarationIds()) {
                    Object v = m.getDeclarationValue(id);
                    if (v == null || matched.stream().anyMatch(x -> x == v)) continue;
                    if (isFact(v)) {
                        matched.add(v);
                        facts.add(String.valueOf(v));
                    } else {
                        bindings.put(id, String.valueOf(v));
                    }
                }
                Firing firing = new Firing(sequence, rule, file, facts, bindings, ids, List.copyOf(current));
                for (String id : ids) firings.computeIfAbsent(id, k -> new ArrayList<>()).add(firing);
                current = new ArrayList<>();
            }
        };

        private final Map<org.kie.api.definition.rule.Rule, String> ruleFiles = new java.util.IdentityHashMap<>();

        String fileOfRule(org.kie.api.definition.rule.Rule rule) {
            String f = ruleFiles.get(rule);
            if (f == null) ruleFiles.put(rule, f = RuleSet.fileOf(rule));
            return f;
        }

        /** An object of the fact model (not a number, text or choice such as a province). */
        private static boolean isFact(Object v) {
            return !(v instanceof Enum<?>) && v.getClass().getPackage() == Application.class.getPackage();
        }

        /** Stops the run after the offending rule: what follows from a corrupted fact is meaningless. */
        void halt(org.kie.api.runtime.KieRuntime runtime) {
            if (runtime instanceof KieSession s) s.halt();
        }

        void violation(org.kie.api.definition.rule.Rule rule, String what) {
            if (violations.size() < 20) violations.add(RuleFailures.problem(rules, rule, what));
        }

        /** Per rule, counted by identity while firing and named once at the end. */
        final Map<org.kie.api.definition.rule.Rule, int[]> counts = new java.util.IdentityHashMap<>();

        Map<String, Integer> firedCount() {
            counts.forEach((rule, n) -> firedCount.merge(rule.getName(), n[0], Integer::sum));
            counts.clear();
            return firedCount;
        }

        String mostFired() {
            firedCount();
            return firedCount.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        }

        String fileOf(String rule) {
            return files.getOrDefault(rule, "regels");
        }
    }
}
