package be.serv.advies.rules;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder this build checked before is recognised from its bytes, and its compiled rules are read
 * back while the tables are parsed; compiled rules are never read ahead of the checks for a folder
 * that has no check results kept (changed, or checked by another build).
 */
class PassedBeforeTest {
    @TempDir
    Path tmp;

    private PassedBefore readWith(Path rules, RuleBaseCache cache) {
        PassedBefore passed = new PassedBefore(cache);
        List<Diagnostic> out = new ArrayList<>();
        RuleFolder.read(rules, out, passed);
        assertEquals(List.of(), out);
        return passed;
    }

    private void deleteEntries(String suffix) throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(suffix)).toList()) Files.delete(p);
        }
    }

    @Test
    void aFolderCheckedBeforeGetsItsCompiledRulesEarly() throws Exception {
        // Given the shipped rules, loaded once through a cache
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet first = RuleSet.load(rules, cache);
        // When the folder is read again
        PassedBefore passed = readWith(rules, cache);
        // Then it is recognised, and its rule base holds the same rules as the first load's
        assertNotNull(passed.checked());
        PassedBefore.Loaded loaded = passed.ruleBase();
        assertNotNull(loaded);
        assertEquals(names(first.kieBase()), names(loaded.kieBase()));
        // And a whole load takes that way, with the same rules and warnings as a load without a cache
        RuleSet again = RuleSet.load(rules, cache);
        RuleSet uncached = RuleSet.load(rules, RuleBaseCache.off());
        assertEquals(RuleBaseCache.Outcome.HIT, again.cacheOutcome());
        assertEquals(uncached.rules(), again.rules());
        assertEquals(uncached.warnings(), again.warnings());
        // And the tables kept with the results are the ones the files parse to
        assertNotNull(passed.checked().tables());
        assertEquals(uncached.hash(), again.hash());
        assertEquals(uncached.precedence().codes(), again.precedence().codes());
        assertEquals(uncached.thresholds().entries(), again.thresholds().entries());
        assertEquals(new java.util.HashSet<>(uncached.regions().regions()), new java.util.HashSet<>(again.regions().regions()));
    }

    @Test
    void compiledRulesWithoutKeptCheckResultsWaitForTheChecks() throws Exception {
        // Given a cache that holds the folder's compiled rules but not its check results
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet.load(rules, cache);
        deleteEntries(RuleBaseCache.CHECKS_SUFFIX);
        // When the folder is read
        PassedBefore passed = readWith(rules, cache);
        // Then nothing is read ahead: the checks run first, as for a folder never seen
        assertNull(passed.checked());
        assertNull(passed.ruleBase());
        assertNotNull(passed.checksKey(), "the key to keep the results under is known");
    }

    @Test
    void aChangedFileIsNotRecognised() throws Exception {
        // Given a cached folder in which a case file then changes
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet.load(rules, cache);
        Path cases = rules.resolve("criteria/low-inflow.cases.yaml");
        Files.writeString(cases, Files.readString(cases) + "\n# nagekeken\n");
        // When the folder is read
        PassedBefore passed = readWith(rules, cache);
        // Then it is not taken for the folder that passed
        assertNull(passed.checked());
        assertNull(passed.ruleBase());
    }

    @Test
    void withTheCacheOffNothingIsLookedUp() throws Exception {
        // Given the cache switched off
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        // When the folder is read
        PassedBefore passed = readWith(rules, RuleBaseCache.off());
        // Then there is no key, no result and no rule base
        assertNull(passed.checksKey());
        assertNull(passed.checked());
        assertNull(passed.ruleBase());
        assertTrue(RuleSet.load(rules, RuleBaseCache.off()).rules().size() > 0);
    }

    private static List<String> names(org.kie.api.KieBase kb) {
        return kb.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(r -> r.getPackageName() + "." + r.getName()).sorted().toList();
    }
}
