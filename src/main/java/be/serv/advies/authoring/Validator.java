package be.serv.advies.authoring;

import be.serv.advies.model.Batch;
import be.serv.advies.rules.Diagnostic;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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

    /** With a batch, the thresholds are also checked against its partnerships and trajectories. */
    public static Report validate(Path dir, Batch batch) {
        Objects.requireNonNull(dir, "dir");
        try {
            RuleSet rules = RuleSet.load(dir, batch);
            return new Report(rules.warnings(), rules);
        } catch (RuleSetException e) {
            return new Report(e.diagnostics(), null);
        }
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
