package be.serv.advies.cli;

import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleSetException;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The draft run every command starts from, with bad input and rule problems reported the same way. */
final class Drafting {
    private Drafting() {
    }

    static DraftRun draft(Path batchDir, Path rulesDir, PrintWriter err) {
        return draft(batchDir, rulesDir, Evaluator.Options.FULL_TRACE, err);
    }

    static DraftRun draft(Path batchDir, Path rulesDir, Evaluator.Options options, PrintWriter err) {
        try {
            return DraftRun.of(batchDir, rulesDir, options);
        } catch (InvalidInputException e) {
            throw new CommandFailed(ExitCodes.report(e, err));
        } catch (RuleSetException e) {
            throw new CommandFailed(ExitCodes.report(e, err));
        }
    }
}
