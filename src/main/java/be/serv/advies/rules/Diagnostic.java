package be.serv.advies.rules;

import be.serv.advies.load.Problem;

import java.util.Objects;

/** One thing {@code advies validate} says about the rules: an error (exit 1) or a warning (no effect on the exit). */
public record Diagnostic(Severity severity, Problem problem) implements Comparable<Diagnostic> {
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(problem, "problem");
    }

    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(Severity.ERROR, new Problem(file, line, column > 0 ? String.valueOf(column) : null, message));
    }

    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(Severity.WARNING, new Problem(file, line, column > 0 ? String.valueOf(column) : null, message));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: message}, with "waarschuwing: " before the message of a warning. */
    @Override
    public String toString() {
        if (isError()) return problem.toString();
        Problem p = problem;
        return new Problem(p.file(), p.row(), p.column(), "waarschuwing: " + p.message()).toString();
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = problem.file().compareTo(o.problem.file());
        if (c != 0) return c;
        c = Integer.compare(problem.row(), o.problem.row());
        if (c != 0) return c;
        return Integer.compare(col(problem.column()), col(o.problem.column()));
    }

    private static int col(String column) {
        try {
            return column == null ? 0 : Integer.parseInt(column);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
