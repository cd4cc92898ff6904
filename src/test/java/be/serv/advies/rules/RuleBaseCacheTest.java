package be.serv.advies.rules;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.model.Batch;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An unchanged rule set is read back instead of compiled; a wrong entry is never used. */
class RuleBaseCacheTest {
    @TempDir
    Path tmp;

    private Path rules() {
        return TestRules.copyTo(tmp.resolve("rules"));
    }

    private static List<String> verdicts(RuleSet rules) throws Exception {
        Batch batch = BatchLoader.load(Path.of("src/test/resources/batches/small"));
        return DraftRun.of(batch, rules).advices().stream().map(a -> a.applicationId() + " " + a.verdict() + " " + a.motivation()).toList();
    }

    private Path onlyEntry(Path cache) throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            List<Path> entries = s.filter(p -> p.toString().endsWith(RuleBaseCache.SUFFIX)).toList();
            assertEquals(1, entries.size(), "entries: " + entries);
            return entries.get(0);
        }
    }

    @Test
    void unchangedRulesAreReadFromTheCacheWithTheSameResults() throws Exception {
        // Given a rule set compiled once into an empty cache
        Path rules = rules();
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet first = RuleSet.load(rules, cache);
        // When it is loaded again
        RuleSet second = RuleSet.load(rules, cache);
        // Then the second comes from the cache and decides exactly like a fresh compile
        assertEquals(RuleBaseCache.Outcome.MISS, first.cacheOutcome());
        assertEquals(RuleBaseCache.Outcome.HIT, second.cacheOutcome());
        assertEquals(first.rules(), second.rules());
        assertEquals(verdicts(RuleSet.load(rules, RuleBaseCache.off())), verdicts(second));
    }

    @Test
    void aChangedRuleFileIsCompiledAgain() throws Exception {
        // Given a cached rule set
        Path rules = rules();
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet.load(rules, cache);
        // When a rule file changes
        Path drl = rules.resolve("criteria/infrastructure.drl");
        Files.writeString(drl, Files.readString(drl).replace("Onvoldoende voorbereiding", "Te weinig voorbereiding"));
        RuleSet changed = RuleSet.load(rules, cache);
        // Then it is compiled, not read, and the change shows
        assertEquals(RuleBaseCache.Outcome.MISS, changed.cacheOutcome());
        assertEquals(1, verdicts(changed).stream().filter(v -> v.contains("Te weinig voorbereiding")).count());
    }

    @Test
    void aCorruptEntryIsRebuiltNeverUsed() throws Exception {
        Path rules = rules();
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        List<String> expected = verdicts(RuleSet.load(rules, cache));
        Path entry = onlyEntry(tmp.resolve("cache"));
        byte[] good = Files.readAllBytes(entry);
        for (String damage : List.of("flip", "truncate", "empty", "garbage")) {
            // Given an entry damaged on disk
            byte[] bad = switch (damage) {
                case "flip" -> { byte[] b = good.clone(); b[b.length - 100] ^= 0x5A; yield b; }
                case "truncate" -> java.util.Arrays.copyOf(good, good.length / 2);
                case "empty" -> new byte[0];
                default -> "not a cache entry at all".getBytes();
            };
            Files.write(entry, bad, StandardOpenOption.TRUNCATE_EXISTING);
            // When the rules load
            RuleSet again = RuleSet.load(rules, cache);
            // Then the entry is rebuilt, results are right, and the next load reads the repaired entry
            assertEquals(RuleBaseCache.Outcome.REBUILT, again.cacheOutcome(), damage);
            assertEquals(expected, verdicts(again), damage);
            assertEquals(RuleBaseCache.Outcome.HIT, RuleSet.load(rules, cache).cacheOutcome(), damage);
        }
    }

    @Test
    void anEntryStoredUnderAnotherKeyIsNotUsed() throws Exception {
        // Given the entry of rule set A copied under the key of a different rule set B (a stale or swapped file)
        Path rulesA = rules();
        Path cacheDir = tmp.resolve("cache");
        RuleBaseCache cache = RuleBaseCache.at(cacheDir);
        RuleSet.load(rulesA, cache);
        Path entryA = onlyEntry(cacheDir);
        Path rulesB = TestRules.copyTo(tmp.resolve("rulesB"));
        Path drl = rulesB.resolve("signals/weak-application.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// rule set B differs from A by this line\n");
        RuleSet.load(rulesB, RuleBaseCache.off());
        String keyB = RuleBaseCache.key(drlOf(rulesB));
        assertNotEquals(entryA.getFileName().toString(), keyB + RuleBaseCache.SUFFIX);
        Files.copy(entryA, cache.file(keyB));
        // When B loads
        RuleSet b = RuleSet.load(rulesB, cache);
        // Then A's packages are refused and B is compiled
        assertEquals(RuleBaseCache.Outcome.REBUILT, b.cacheOutcome());
        assertEquals(RuleSet.load(rulesB, RuleBaseCache.off()).rules(), b.rules());
    }

    @Test
    void anUnusableCacheFolderOnlyCostsTheCompile() throws Exception {
        // Given a cache "folder" that is a file
        Path notADir = Files.writeString(tmp.resolve("cache"), "x");
        // When the rules load
        RuleSet r = RuleSet.load(rules(), RuleBaseCache.at(notADir));
        // Then they are compiled and work
        assertEquals(RuleBaseCache.Outcome.OFF, r.cacheOutcome());
        assertEquals(5, verdicts(r).size());
    }

    private static java.util.Map<String, byte[]> drlOf(Path rules) throws Exception {
        java.util.Map<String, byte[]> drl = new java.util.LinkedHashMap<>();
        for (Path rel : RuleSet.drlFiles(rules)) drl.put(rel.toString().replace('\\', '/'), Files.readAllBytes(rules.resolve(rel)));
        return drl;
    }

}
