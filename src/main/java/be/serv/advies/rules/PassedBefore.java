package be.serv.advies.rules;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * A rules folder recognised, from the bytes of its files alone, as one this build checked before and
 * found without error: the check results kept for it, and its rule base read back from the cache on
 * a thread of its own while the folder's tables are still being parsed.
 *
 * <p>Why this may start before the checks: check results are kept only for a folder that passed every
 * check, the rule language check included, and their key covers every file of the folder and every class of
 * this build. A folder that matches one has the same bytes the rule language check let through; its compiled
 * rules are what the ordinary path would read from the cache after the checks. A folder that does not
 * match (a file changed, another build, a damaged entry) gets nothing here and takes that path.</p>
 */
final class PassedBefore implements Function<RuleFolder.Bytes, FolderTables> {
    private final RuleBaseCache cache;
    private String checksKey;
    private RuleBaseCache.Checked checked;
    private FutureTask<Loaded> ruleBase;

    /** The packages read back and the rule base built from them. */
    record Loaded(Collection<KiePackage> packages, KieBase kieBase) {
    }

    PassedBefore(RuleBaseCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * Called by {@link RuleFolder#read} once every file read: looks the folder up, and starts on its
     * rule base if it passed before. The tables kept with its results, if any, so they are not parsed again.
     */
    @Override
    public FolderTables apply(RuleFolder.Bytes bytes) {
        if (!cache.enabled()) return null;
        String contentKey = bytes.contentKey();
        if (contentKey == null) return null;
        checksKey = RuleBaseCache.checksKey(contentKey);
        checked = cache.checked(checksKey);
        if (checked == null) return null;
        if (!bytes.drl().isEmpty()) startRuleBase(bytes);
        return checked.tables();
    }

    private void startRuleBase(RuleFolder.Bytes bytes) {
        ruleBase = new FutureTask<>(() -> {
            Collection<KiePackage> packages = cache.cached(bytes.drl());
            return packages == null ? null : new Loaded(packages, RuleBaseCache.kieBase(packages));
        });
        Thread t = new Thread(ruleBase, "advies-rulebase");
        t.setDaemon(true);
        t.start();
    }

    /** The key the folder's check results are kept under; null when caching is off or a file did not read. */
    String checksKey() {
        return checksKey;
    }

    /** The check results kept for the folder; null when it was not checked before by this build. */
    RuleBaseCache.Checked checked() {
        return checked;
    }

    /** The rule base read back from the cache; null when it was not started or the cache had no valid entry. */
    Loaded ruleBase() {
        return ruleBase == null ? null : Background.join(ruleBase, "reading the compiled rules");
    }
}
