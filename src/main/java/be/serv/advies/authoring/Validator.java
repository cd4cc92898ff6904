package be.serv.advies.authoring;

import be.serv.advies.engine.Evaluator;
import be.serv.advies.model.Batch;
import be.serv.advies.rules.Diagnostic;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.ArrayList;

/**
 * {@code advies validate}: the door every command goes through ({@link RuleSet#load}) with nothing
 * run after it, so what validate refuses every command refuses, and what it lets through every
 * command accepts.
 */
public final class Validator {
    /** The result: every diagnostic sorted by file and line, and the rules when they loaded. */
    public record Report(List<Diagnostic> diagnostics, RuleSet rules) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }

        public long errors() {
            return diagnostics.stream().filter(Diagnostic::isError).count();
        }

        public long warnings() {
            return diagnostics.size() - errors();
        }
    }

    private Validator() {
    }

    public static Report validate(Path dir) {
        return validate(dir, null);
    }

    /**
     * With a batch, the rules and thresholds are also checked against its partnerships and
     * trajectories, and the rules run over it without writing anything: what only a run shows (a
     * reason code that neither its "applies" nor its "cleared" rule concludes, a rule that does not
     * end) is refused here as evaluate would refuse it.
     */
    public static Report validate(Path dir, Batch batch) {
        Objects.requireNonNull(dir, "dir");
        RuleSet rules;
        try {
            rules = RuleSet.load(dir, batch);
        } catch (RuleSetException e) {
            return new Report(e.diagnostics(), null);
        }
        if (batch != null) {
            try {
                Evaluator.evaluate(rules, batch);
            } catch (RuleSetException e) {
                List<Diagnostic> all = new ArrayList<>(rules.warnings());
                all.addAll(e.diagnostics());
                return new Report(List.copyOf(all), rules);
            }
        }
        return new Report(rules.warnings(), rules);
    }

    /** The door's verdict on rules already loading ({@link RuleSet#loadInBackground}). */
    public static Report validate(RuleSet.Pending pending) {
        Objects.requireNonNull(pending, "pending");
        try {
            RuleSet rules = pending.get();
            return new Report(rules.warnings(), rules);
        } catch (RuleSetException e) {
            return new Report(e.diagnostics(), null);
        }
    }

    static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
