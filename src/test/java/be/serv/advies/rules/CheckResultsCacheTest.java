package be.serv.advies.rules;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The door's check results are kept with the compiled rules: an unchanged folder says the same
 * (warnings and rule places) without being checked again, and any change to any file of it, or a
 * damaged entry, means the checks run again.
 */
class CheckResultsCacheTest {
    @TempDir
    Path tmp;

    /** The shipped rules with a stray file, which the door warns about without refusing. */
    private Path rulesWithAWarning() throws Exception {
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.writeString(rules.resolve("notities.txt"), "nog na te vragen bij de sector\n");
        return rules;
    }

    private List<Path> checkEntries() throws Exception {
        Path dir = tmp.resolve("cache");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(RuleBaseCache.CHECKS_SUFFIX)).toList();
        }
    }

    private static List<String> said(RuleSet r) {
        return r.warnings().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void anUnchangedFolderSaysTheSameFromTheCache() throws Exception {
        // Given a rules folder with a warning, loaded once through a cache
        Path rules = rulesWithAWarning();
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet first = RuleSet.load(rules, cache);
        // When it is loaded again
        RuleSet second = RuleSet.load(rules, cache);
        // Then one entry holds the results, and the second load gives the same warnings and rule places as a load without cache
        assertEquals(1, checkEntries().size());
        RuleSet uncached = RuleSet.load(rules, RuleBaseCache.off());
        assertEquals(1, said(uncached).size(), "the stray file is warned about: " + said(uncached));
        assertTrue(said(uncached).get(0).contains("notities.txt"));
        assertEquals(said(uncached), said(first));
        assertEquals(said(uncached), said(second));
        assertEquals(uncached.rules(), second.rules());
        assertTrue(second.rules().stream().allMatch(r -> r.line() > 0), "every rule keeps its line");
    }

    @Test
    void aSecondLoadTakesTheStoredResultsInsteadOfCheckingAgain() throws Exception {
        // Given a folder whose results are stored, then replaced by other (well-formed) results under the same key
        Path rules = rulesWithAWarning();
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet.load(rules, cache);
        Path entry = checkEntries().get(0);
        String key = entry.getFileName().toString().replace(RuleBaseCache.CHECKS_SUFFIX, "");
        Diagnostic stored = Diagnostic.warning("elders.txt", 0, 0, "een waarschuwing die alleen in de cache staat");
        assertTrue(cache.storeChecked(key, new RuleBaseCache.Checked(List.of(stored), DuplicateRules.places(folderOf(rules)), null)));
        // When the folder loads again
        RuleSet again = RuleSet.load(rules, cache);
        // Then what was stored is what the door says: the checks did not run
        assertEquals(List.of(stored.toString()), said(again));
    }

    @Test
    void aChangedCaseFileIsCheckedAgain() throws Exception {
        // Given a folder that passed the checks and is cached
        Path rules = rulesWithAWarning();
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet.load(rules, cache);
        // When a case file (not a rule file) is changed into one the door refuses
        Path cases = rules.resolve("criteria/low-inflow.cases.yaml");
        Files.writeString(cases, Files.readString(cases).replace("cases:", "gevallen:"));
        RuleSetException refused = assertThrows(RuleSetException.class, () -> RuleSet.load(rules, cache));
        // Then the refusal names the case file, and no result is kept for the refused folder
        assertTrue(refused.problems().stream().anyMatch(p -> p.file().equals("criteria/low-inflow.cases.yaml")
                && p.message().contains("cases:")), refused.problems().toString());
        assertEquals(1, checkEntries().size(), "only the folder that passed has an entry");
    }

    @Test
    void harmfulCodeAddedAfterACleanLoadIsRefused() throws Exception {
        // Given a cached clean folder
        Path rules = rulesWithAWarning();
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        RuleSet.load(rules, cache);
        // When a consequence gains code the rule language check refuses
        Path drl = rules.resolve("criteria/infrastructure.drl");
        Files.writeString(drl, Files.readString(drl).replace(
                "    insert(Finding.doesNotApply($a, \"INFRASTRUCTURE\",\n        \"Infrastructuur en leermiddelen voldoende volgens de sector\"));",
                "    System.exit(3);\n    insert(Finding.doesNotApply($a, \"INFRASTRUCTURE\",\n        \"Infrastructuur en leermiddelen voldoende volgens de sector\"));"));
        assertTrue(Files.readString(drl).contains("System.exit"));
        // Then the door refuses it as it would without a cache
        RuleSetException refused = assertThrows(RuleSetException.class, () -> RuleSet.load(rules, cache));
        RuleSetException uncached = assertThrows(RuleSetException.class, () -> RuleSet.load(rules, RuleBaseCache.off()));
        assertEquals(uncached.problems(), refused.problems());
    }

    @Test
    void aDamagedEntryIsCheckedAgainAndRepaired() throws Exception {
        // Given a cached folder whose entry is damaged on disk
        Path rules = rulesWithAWarning();
        RuleBaseCache cache = RuleBaseCache.at(tmp.resolve("cache"));
        List<String> expected = said(RuleSet.load(rules, cache));
        Path entry = checkEntries().get(0);
        byte[] good = Files.readAllBytes(entry);
        for (String damage : List.of("flip", "truncate", "garbage")) {
            byte[] bad = switch (damage) {
                case "flip" -> { byte[] b = good.clone(); b[b.length - 3] ^= 0x5A; yield b; }
                case "truncate" -> java.util.Arrays.copyOf(good, good.length / 2);
                default -> "geen cache".getBytes();
            };
            Files.write(entry, bad, StandardOpenOption.TRUNCATE_EXISTING);
            // When the folder loads
            RuleSet again = RuleSet.load(rules, cache);
            // Then the checks ran (same warnings) and the entry is whole again
            assertEquals(expected, said(again), damage);
            assertFalse(java.util.Arrays.equals(bad, Files.readAllBytes(entry)), damage);
        }
    }

    @Test
    void theFactClassesFingerprintFollowsTheirEntriesOnly() throws Exception {
        // Given two jars that differ in a fact class, and one that differs elsewhere only
        Path a = jar("a.jar", Map.of("be/serv/advies/model/Application.class", "v1", "be/serv/advies/cli/X.class", "x"));
        Path b = jar("b.jar", Map.of("be/serv/advies/model/Application.class", "v2", "be/serv/advies/cli/X.class", "x"));
        Path c = jar("c.jar", Map.of("be/serv/advies/model/Application.class", "v1", "be/serv/advies/cli/X.class", "y"));
        // Then the facts' fingerprint tells a from b but not a from c; the whole build's tells a from c
        assertNotEquals(fingerprint(a, RuleBaseCache.Code.FACTS), fingerprint(b, RuleBaseCache.Code.FACTS));
        assertEquals(fingerprint(a, RuleBaseCache.Code.FACTS), fingerprint(c, RuleBaseCache.Code.FACTS));
        assertNotEquals(fingerprint(a, RuleBaseCache.Code.ALL), fingerprint(c, RuleBaseCache.Code.ALL));
    }

    private static String fingerprint(Path jar, java.util.function.Predicate<String> entries) {
        return new String(RuleBaseCache.Code.of(jar, entries, false));
    }

    private Path jar(String name, Map<String, String> entries) throws Exception {
        Path p = tmp.resolve(name);
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new java.util.jar.JarEntry(e.getKey()));
                out.write(e.getValue().getBytes());
                out.closeEntry();
            }
        }
        return p;
    }

    private static RuleFolder folderOf(Path rules) {
        return RuleFolder.read(rules, new java.util.ArrayList<>());
    }
}
