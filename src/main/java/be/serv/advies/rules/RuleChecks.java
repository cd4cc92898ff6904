package be.serv.advies.rules;

import java.util.List;

/**
 * Every check the door makes, in the order their messages are most useful. {@link RuleSet#load}
 * runs all of them for every command and for the review server's reload (those before the compile
 * only when the folder or the build changed since they last passed); a new check is one more entry here.
 */
final class RuleChecks {
    private RuleChecks() {
    }

    /**
     * Checks that may refuse a rule set before Drools compiles it. Harmful code never reaches the compiler.
     * They read the folder alone (they get no batch), so their results are kept under a key of its
     * files and of the build ({@link RuleBaseCache#checksKey}).
     */
    static final List<RuleCheck> BEFORE_COMPILE = List.of(
            new FileNames(),
            new RuleLanguage(),
            new DuplicateRules(),
            DrlCheck.ALL,
            be.serv.advies.authoring.CaseFile.CHECK);

    /** Checks against the batch the rules will run on; only when there is one, and on every load. */
    static final List<RuleCheck> WITH_BATCH = List.of(new ThresholdReferences(), new CodeLiterals());
}
