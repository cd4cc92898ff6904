package be.serv.advies.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

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
     * files and of the build ({@link RuleBaseCache#checksKey}). The checks of files this package does not
     * read itself (the cases beside the rules) come last, as {@link FolderCheck} services.
     */
    static final List<RuleCheck> BEFORE_COMPILE = beforeCompile();

    /** Checks against the batch the rules will run on; only when there is one, and on every load. */
    static final List<RuleCheck> WITH_BATCH = List.of(new ThresholdReferences(), new CodeLiterals());

    private static List<RuleCheck> beforeCompile() {
        List<RuleCheck> checks = new ArrayList<>(List.of(new FileNames(), new RuleLanguage(), new DuplicateRules(), DrlCheck.ALL));
        ServiceLoader.load(FolderCheck.class, RuleChecks.class.getClassLoader()).forEach(checks::add);
        // A build without the case-file check would pass rule sets whose cases do not read: refuse to start instead.
        if (checks.size() == 4) throw new IllegalStateException("no " + FolderCheck.class.getName() + " in the build");
        return List.copyOf(checks);
    }
}
