package be.serv.advies.cli;

import be.serv.advies.rules.RuleSet;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The rules a command line names, loading from the program's first moment: reading and checking
 * them is the longest step of a short command, and it need not wait for the command line to be
 * parsed. The folder is read off the arguments ({@code --rules DIR}, else the default); the command,
 * once parsed, takes that load only when it names the same folder, and otherwise loads its own. So
 * a guess that is wrong costs a load nobody waits for, never a different rule set. The load is the
 * one door ({@link RuleSet#load}) either way.
 */
final class EarlyRules {
    /** The commands that load the rules of {@code --rules} (or the default folder) as their main step. */
    private static final Set<String> COMMANDS = Set.of("evaluate", "explain", "report", "validate", "test", "diff");

    private record Started(Path dir, RuleSet.Pending pending) {
    }

    private static Started started;

    private EarlyRules() {
    }

    /**
     * Starts loading the rules these arguments name, when they start with a command that loads rules;
     * the load started, or null.
     */
    static synchronized RuleSet.Pending start(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) return null;
        try {
            Path dir = rulesDir(args);
            started = new Started(key(dir), RuleSet.loadInBackground(dir));
            return started.pending();
        } catch (InvalidPathException e) {
            // Not a folder name; the command itself will say so.
            return null;
        }
    }

    /** The rules of {@code dir}: the early load when it was of this folder (once), otherwise a new one. */
    static synchronized RuleSet.Pending load(Path dir) {
        Started s = started;
        if (s != null && s.dir().equals(key(dir))) {
            started = null;
            return s.pending();
        }
        return RuleSet.loadInBackground(dir);
    }

    /** {@code --rules DIR} or {@code --rules=DIR} after the command, else the default of every command's option. */
    static Path rulesDir(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--")) break;
            if (args[i].equals("--rules") && i + 1 < args.length) return Path.of(args[i + 1]);
            if (args[i].startsWith("--rules=")) return Path.of(args[i].substring("--rules=".length()));
        }
        return Path.of(System.getProperty("advies.rules", "rules"));
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
