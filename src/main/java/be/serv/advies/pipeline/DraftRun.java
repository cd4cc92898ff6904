package be.serv.advies.pipeline;

import be.serv.advies.engine.Evaluation;
import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.model.Batch;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Drafter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One pass of the whole flow: batch files, validation, facts, rules, findings, drafts. Every
 * command that needs drafts (evaluate, explain, report, serve) starts from here.
 */
public final class DraftRun {
    private final Batch batch;
    private final RuleSet rules;
    private final Evaluation evaluation;
    private final List<Advice> advices;
    private final String basis;
    private final int decided;
    private final Map<String, Advice> byId = new LinkedHashMap<>();

    private DraftRun(Batch batch, RuleSet rules, Evaluation evaluation, List<Advice> advices, String basis, int decided) {
        this.batch = batch;
        this.decided = decided;
        this.rules = rules;
        this.evaluation = evaluation;
        this.advices = List.copyOf(advices);
        this.basis = basis;
        advices.forEach(a -> byId.put(a.applicationId(), a));
    }

    /** Loads the batch first, so bad input is reported even when the rules are broken too. */
    public static DraftRun of(Path batchDir, Path rulesDir) throws InvalidInputException, RuleSetException {
        return of(batchDir, rulesDir, Evaluator.Options.FULL_TRACE);
    }

    /**
     * As {@link #of(Path, Path)}, choosing how much trace to keep and how many sessions to use. The
     * rules load on a second thread while the batch is read: on a short command the two are most of
     * the time after start-up, and neither needs the other. Bad input is still reported first.
     */
    public static DraftRun of(Path batchDir, Path rulesDir, Evaluator.Options options) throws InvalidInputException, RuleSetException {
        Objects.requireNonNull(batchDir, "batchDir");
        Objects.requireNonNull(rulesDir, "rulesDir");
        RuleSet.Pending rules = RuleSet.loadInBackground(rulesDir);
        Batch batch = BatchLoader.load(batchDir);
        Evaluator.Prepared prepared = Evaluator.prepare(batch);
        return of(prepared, rules.get(batch), options);
    }

    public static DraftRun of(Batch batch, RuleSet rules) throws RuleSetException {
        return of(batch, rules, Evaluator.Options.FULL_TRACE);
    }

    public static DraftRun of(Batch batch, RuleSet rules, Evaluator.Options options) throws RuleSetException {
        Objects.requireNonNull(batch, "batch");
        return of(Evaluator.prepare(batch), rules, options);
    }

    /**
     * As {@link #of(Batch, RuleSet, Evaluator.Options)}, from a batch already prepared (while the rules
     * loaded). With {@link Evaluator.Options#tracedOnly()} only the traced applications are drafted.
     */
    public static DraftRun of(Evaluator.Prepared prepared, RuleSet rules, Evaluator.Options options) throws RuleSetException {
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(options, "options");
        Batch batch = Evaluator.resolveShortages(prepared.batch(), rules);
        // Resolved once: the evaluator finds the shortages resolved and takes the batch as it is.
        Evaluation evaluation = Evaluator.evaluate(rules, new Evaluator.Prepared(batch, prepared.similarText()), options);
        Drafter drafter = new Drafter(rules.precedence());
        List<Advice> advices = options.tracedOnly()
                ? batch.getApplications().stream().filter(a -> options.traced().contains(a.getId()))
                        .map(a -> drafter.draft(a.getId(), evaluation.findings(a.getId()))).toList()
                : drafter.draftAll(batch, evaluation);
        return new DraftRun(batch, rules, evaluation, advices, DRAFTS, 0);
    }

    /** What the advices of a fresh run are: drafts nobody confirmed yet. */
    public static final String DRAFTS = "ontwerpadvies, nog niet bevestigd";

    /**
     * The same run with the advices people decided in place of some drafts (the review), so reports
     * count what was decided. {@code basis} says so in words, e.g. "beslist advies voor 312 van 383";
     * {@code decidedCount} is how many of the advices people decided (the rest are drafts).
     */
    public DraftRun withAdvices(List<Advice> decided, String basis, int decidedCount) {
        Objects.requireNonNull(decided, "decided");
        Objects.requireNonNull(basis, "basis");
        if (decided.size() != advices.size()) throw new IllegalArgumentException("one advice per application is needed");
        for (int i = 0; i < decided.size(); i++) {
            if (!decided.get(i).applicationId().equals(advices.get(i).applicationId())) {
                throw new IllegalArgumentException("advices must keep the batch order: " + decided.get(i).applicationId());
            }
        }
        if (decidedCount < 0 || decidedCount > decided.size()) throw new IllegalArgumentException("decided count out of range: " + decidedCount);
        return new DraftRun(batch, rules, evaluation, decided, basis, decidedCount);
    }

    /**
     * The same run holding only the applications {@code keep} accepts (in batch order), for an export
     * limited to what its reader may take, e.g. one sector's applications.
     */
    public DraftRun only(Predicate<Advice> keep) {
        Objects.requireNonNull(keep, "keep");
        // Which of a reviewed run's decided advices survive the filter is not known here: only drafts are split.
        if (decided != 0) throw new IllegalStateException("a run with decided advices is not split");
        return new DraftRun(batch, rules, evaluation, advices.stream().filter(keep).toList(), basis, 0);
    }

    /** Whether the advices are drafts or (partly) decided by people, in Dutch words for reports. */
    public String basis() { return basis; }

    /** How many advices people decided; 0 for a fresh run, where every advice is a draft. */
    public int decided() { return decided; }

    public Batch batch() { return batch; }
    public RuleSet rules() { return rules; }
    public Evaluation evaluation() { return evaluation; }
    /** One draft per application (per traced one when only those were evaluated), in input order. */
    public List<Advice> advices() { return advices; }

    public Optional<Advice> advice(String applicationId) {
        return Optional.ofNullable(byId.get(applicationId));
    }
}
