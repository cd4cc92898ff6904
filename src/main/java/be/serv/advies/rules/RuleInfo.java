package be.serv.advies.rules;

/** A rule as written in a rule file: its name, the file (relative to the rules folder) and the line it starts on. */
public record RuleInfo(String name, String file, int line) {
    public RuleInfo(String name, String file) {
        this(name, file, 0);
    }

    /** {@code file:line}, how a message points at the rule. */
    public String place() {
        return line > 0 ? file + ":" + line : file;
    }
}
