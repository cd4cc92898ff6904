package be.serv.advies.rules;

import java.util.List;

/**
 * A reason code concluded both ways: the rules that say it applies and the rules that say it was
 * checked and does not apply, by name. For each application exactly one side concludes, unless
 * precedence.yaml declares the finding that leaves the criterion open ({@link CodeInfo#openWhen()}).
 */
public record Complement(String code, List<String> applies, List<String> cleared) {
    public Complement {
        applies = List.copyOf(applies);
        cleared = List.copyOf(cleared);
    }
}
