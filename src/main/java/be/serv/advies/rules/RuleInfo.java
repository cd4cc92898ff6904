package be.serv.advies.rules;

/** A rule as written in a rule file: its name and the file (relative to the rules folder). */
public record RuleInfo(String name, String file) {
}
