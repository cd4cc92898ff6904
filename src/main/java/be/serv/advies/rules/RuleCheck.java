package be.serv.advies.rules;

import be.serv.advies.model.Batch;

import java.util.List;

/**
 * One check the door ({@link RuleSet#load}) makes on every load, for every command. A check adds
 * what it finds to {@code out}: an error refuses the rule set, a warning is printed and does not.
 * To add a check, implement this and list it in {@link RuleChecks}.
 */
@FunctionalInterface
public interface RuleCheck {
    /**
     * @param folder the rules folder as read: every file, the parsed DRL, precedence and thresholds
     * @param batch  the batch the rules are about to run on, or null when there is none (validate
     *               without --batch, test); checks that need a batch do nothing without one
     */
    void check(RuleFolder folder, Batch batch, List<Diagnostic> out);
}
