package be.serv.advies.cli;

import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleSetException;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.Diagnostic;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Batch;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The draft run every command starts from, with bad input and rule problems reported the same way. */
final class Drafting {
    private Drafting() {
    }

    /** The door with the batch at hand, for rules loaded while it was read; the warnings go to {@code err} and do not stop the command. */
    static RuleSet rules(RuleSet.Pending pending, Batch batch, PrintWriter err) throws RuleSetException {
        RuleSet rules = pending.get(batch);
        for (Diagnostic d : rules.warnings()) err.println(d);
        return rules;
    }

    /** The batch through the one door; what linking last year's advice could not settle goes to {@code err} as a warning. */
    static Batch load(Path batchDir, Path previousAdvice, PrintWriter err) throws InvalidInputException {
        Batch batch = BatchLoader.load(batchDir, previousAdvice);
        for (String w : batch.getWarnings()) err.println("waarschuwing: " + w);
        return batch;
    }

    static DraftRun draft(Path batchDir, Path rulesDir, PrintWriter err) {
        return draft(batchDir, rulesDir, Evaluator.Options.FULL_TRACE, err);
    }

    static DraftRun draft(Path batchDir, Path rulesDir, Evaluator.Options options, PrintWriter err) {
        return draft(batchDir, RuleSet.loadInBackground(rulesDir), options, err);
    }

    /**
     * The draft run with rules already loading ({@link RuleSet#loadInBackground}): they load on the
     * other core while the batch is read, and bad input is still reported first. A command starts
     * them before anything else it checks, so its own start-up overlaps with theirs too.
     */
    static DraftRun draft(Path batchDir, RuleSet.Pending pending, Evaluator.Options options, PrintWriter err) {
        return draft(batchDir, null, pending, options, err);
    }

    /** {@code previousAdvice}: last year's final annex given with {@code --previous-advice}, or null for batch.json's. */
    static DraftRun draft(Path batchDir, Path previousAdvice, RuleSet.Pending pending, Evaluator.Options options, PrintWriter err) {
        Batch batch;
        try {
            batch = load(batchDir, previousAdvice, err);
        } catch (InvalidInputException e) {
            throw new CommandFailed(ExitCodes.report(e, err));
        }
        return draft(batch, pending, options, err);
    }

    /** As above, for a batch already read (the server reads it before it starts, drafts after). */
    static DraftRun draft(Batch batch, RuleSet.Pending pending, Evaluator.Options options, PrintWriter err) {
        try {
            // Work on the batch alone while the rules are still loading.
            Evaluator.Prepared prepared = Evaluator.prepare(batch);
            return DraftRun.of(prepared, rules(pending, batch, err), options);
        } catch (RuleSetException e) {
            throw new CommandFailed(ExitCodes.report(e, err));
        }
    }
}
