package be.serv.advies.rules;

import be.serv.advies.load.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules could not be used: a check of the door refused them, they do not compile, or a rule
 * misbehaved while running. Carries every error, and the warnings found beside them.
 */
public final class RuleSetException extends Exception {
    private final List<Problem> problems;
    private final List<Diagnostic> diagnostics;

    public RuleSetException(List<Problem> problems) {
        this(problems, problems.stream().map(p -> new Diagnostic(Diagnostic.Severity.ERROR, p)).toList());
    }

    private RuleSetException(List<Problem> problems, List<Diagnostic> diagnostics) {
        super(problems.size() + (problems.size() == 1 ? " probleem" : " problemen") + " met de regels", null, false, false);
        this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** From the door: the errors refuse, the warnings are kept to be printed with them. */
    static RuleSetException of(List<Diagnostic> diagnostics) {
        List<Problem> errors = new ArrayList<>();
        for (Diagnostic d : diagnostics) if (d.isError()) errors.add(d.problem());
        return new RuleSetException(errors, diagnostics);
    }

    /** The errors. */
    public List<Problem> problems() {
        return problems;
    }

    /** Errors and warnings in file order, as {@code validate} prints them. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
