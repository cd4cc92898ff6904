package be.serv.advies.cli;

import be.serv.advies.load.InvalidInputException;
import be.serv.advies.load.ProblemReport;
import be.serv.advies.rules.RuleSetException;

import java.io.PrintWriter;

/** The exit statuses every subcommand keeps to, and how each kind of failure is reported. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A rule problem: the rules do not compile, or a rule misbehaved. */
    public static final int RULES = 1;
    /** Bad input: the batch (or an argument) is refused. */
    public static final int INPUT = 2;
    /** The run could not finish for want of memory; nothing was written. */
    public static final int RESOURCES = 3;

    private ExitCodes() {
    }

    static int report(InvalidInputException e, PrintWriter err) {
        ProblemReport.lines(e.problems()).forEach(err::println);
        err.println("advies: " + e.getMessage() + "; er is niets geschreven.");
        return INPUT;
    }

    static int report(RuleSetException e, PrintWriter err) {
        ProblemReport.lines(e.problems()).forEach(err::println);
        err.println("advies: " + e.getMessage() + "; er is niets geschreven.");
        return RULES;
    }
}
