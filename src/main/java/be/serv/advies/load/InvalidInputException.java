package be.serv.advies.load;

import java.util.List;
import java.util.Objects;

/** The input was refused; {@link #problems()} lists every problem found, not just the first. */
public final class InvalidInputException extends Exception {
    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return ProblemReport.number(problems.size()) + (problems.size() == 1 ? " probleem" : " problemen") + " in de invoer";
    }
}
