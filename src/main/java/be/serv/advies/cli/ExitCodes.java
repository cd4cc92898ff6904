package be.serv.advies.cli;

import be.serv.advies.load.InvalidInputException;
import be.serv.advies.load.ProblemReport;
import be.serv.advies.rules.RuleSetException;

import java.io.PrintWriter;
import be.serv.advies.load.InputFiles;
import be.serv.advies.output.AtomicOutput;
import java.io.IOException;
import java.nio.file.Path;

/** The exit statuses every subcommand keeps to, and how each kind of failure is reported. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A rule problem: the rules do not compile, or a rule misbehaved. */
    public static final int RULES = 1;
    /** Bad input: the batch (or an argument) is refused. */
    public static final int INPUT = 2;
    /** The run could not finish for want of memory; nothing was written. */
    public static final int RESOURCES = 3;
    /**
     * The results could not be written (a full disk, a read-only or forbidden folder); the input was fine,
     * so this is not {@link #INPUT}: a script can tell "fix the batch" from "fix the disk".
     */
    public static final int WRITE = 4;

    private ExitCodes() {
    }

    static int report(InvalidInputException e, PrintWriter err) {
        ProblemReport.lines(e.problems()).forEach(err::println);
        err.println("advies: " + e.getMessage() + "; er is niets geschreven.");
        return INPUT;
    }

    /** A write that failed: the target refused as a target is bad input (2), anything else a write failure (4). */
    static int writeFailed(IOException e, Path out, PrintWriter err) {
        err.println("advies: kan niet schrijven naar " + out + ": " + InputFiles.reason(e) + "; er is niets geschreven.");
        return e instanceof AtomicOutput.Refused ? INPUT : WRITE;
    }

    static int report(RuleSetException e, PrintWriter err) {
        ProblemReport.lines(e.problems()).forEach(err::println);
        err.println("advies: " + e.getMessage() + "; er is niets geschreven.");
        return RULES;
    }
}
