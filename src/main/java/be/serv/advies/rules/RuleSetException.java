package be.serv.advies.rules;

import be.serv.advies.load.Problem;

import java.util.List;
import java.util.Objects;

/** The rules could not be used: they do not compile, or a rule misbehaved while running. */
public final class RuleSetException extends Exception {
    private final List<Problem> problems;

    public RuleSetException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " probleem" : " problemen") + " met de regels");
        this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    public List<Problem> problems() {
        return problems;
    }
}
