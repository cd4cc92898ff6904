package be.serv.advies.engine;

import be.serv.advies.load.Problem;
import be.serv.advies.rules.RuleInfo;
import be.serv.advies.rules.RuleSet;
import org.kie.api.definition.rule.Rule;

import java.util.IllegalFormatException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that failed while running, said in Dutch at the rule's file and line. The reader is a sector
 * expert: what went wrong is named in words (divides by zero, recurses, text where a number was
 * meant), never by a Java exception, a stack trace or an mvel message.
 */
final class RuleFailures {
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule[ :]*(?:name=)?[\"']([^\"']+)[\"']");

    private RuleFailures() {
    }

    static Problem problem(RuleSet rules, Rule rule, String what) {
        return problem(rules, rule.getName(), RuleSet.fileOf(rule), what);
    }

    /** " bij aanvraag A1" for the applications a firing matched, or nothing. */
    static String at(List<String> applications) {
        return applications.isEmpty() ? "" : " bij aanvraag " + String.join(", ", applications);
    }

    /** {@code file:line: regel 'X' <what>}, at the line the rule starts on. */
    static Problem problem(RuleSet rules, String rule, String file, String what) {
        RuleInfo info = rules.rule(rule).orElse(null);
        String where = info != null ? info.file() : file;
        int line = info != null ? info.line() : 0;
        return new Problem(where, line, null, "regel '" + rule + "' " + what);
    }

    /**
     * A failure outside any consequence: Drools evaluates conditions lazily while firing, so a
     * condition that cannot be evaluated ends up here. Drools names the rule in its message.
     */
    static Problem condition(RuleSet rules, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = RULE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (m.find() && rules.rule(m.group(1)).isPresent()) {
                return problem(rules, m.group(1), "regels", "faalde in een voorwaarde: " + describe(e));
            }
        }
        return Problem.ofFile(rules.dir().toString(), "een regel faalde in een voorwaarde: " + describe(e)
                + "; voer 'advies validate' uit om de regel te vinden");
    }

    /** What went wrong, in words a rule author can act on. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StackOverflowError) return "zij roept zichzelf eindeloos op (te diepe herhaling)";
            if (t instanceof OutOfMemoryError) return "zij vraagt meer geheugen dan er is";
            if (t instanceof ArithmeticException) return "zij deelt door nul";
            if (t instanceof NumberFormatException) {
                return "een getal wordt vergeleken met tekst die geen getal is; schrijf het getal zonder aanhalingstekens";
            }
            if (t instanceof IllegalFormatException) {
                return "de tekst van de bevinding past niet bij haar waarden (%d voor een geheel getal, %s voor tekst, "
                        + "%.1f voor een kommagetal)";
            }
            if (t instanceof NullPointerException) return "zij gebruikt een waarde die ontbreekt";
            if (t instanceof ClassCastException) return "zij gebruikt een waarde van de verkeerde soort (tekst, getal, ja/nee)";
            if (t instanceof IndexOutOfBoundsException) return "zij vraagt een element dat niet bestaat";
            String message = String.valueOf(t.getMessage());
            if (message.contains("For input string")) {
                return "een getal wordt vergeleken met tekst die geen getal is; schrijf het getal zonder aanhalingstekens";
            }
        }
        return "zij kon niet uitgevoerd worden; voer 'advies validate' uit voor de regel";
    }

    /**
     * Whether running out of memory was the rule's own doing (an allocation in its consequence or a
     * request beyond any heap) rather than a batch too large for the memory given to Java.
     */
    static boolean fromRule(OutOfMemoryError e) {
        if (String.valueOf(e.getMessage()).contains("Requested array size exceeds VM limit")) return true;
        StackTraceElement[] trace = e.getStackTrace();
        // The frame that allocated: a consequence compiled from DRL lives in a class named after the rule.
        return trace.length > 0 && (trace[0].getClassName().contains(".Rule_") || trace[0].getClassName().startsWith("Rule_"));
    }
}
