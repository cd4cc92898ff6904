package be.serv.advies.cli;

import be.serv.advies.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules a command line names start loading at once, and a command only takes that load for the folder it names. */
class EarlyRulesTest {
    @Test
    void theFolderIsReadOffTheArgumentsAsTheCommandWould() {
        // Given the ways a rules folder is named (and not named) on a command line
        // Then the folder is the one the command's --rules option gets
        assertEquals(Path.of("mijn-regels"), EarlyRules.rulesDir(new String[]{"evaluate", "b", "--rules", "mijn-regels", "--out", "o"}));
        assertEquals(Path.of("mijn-regels"), EarlyRules.rulesDir(new String[]{"test", "--rules=mijn-regels"}));
        assertEquals(Path.of(System.getProperty("advies.rules", "rules")), EarlyRules.rulesDir(new String[]{"validate"}));
        assertEquals(Path.of(System.getProperty("advies.rules", "rules")), EarlyRules.rulesDir(new String[]{"explain", "--", "--rules", "x"}));
    }

    @Test
    void aCommandTakesTheEarlyLoadOnlyForTheFolderItNames() throws Exception {
        // Given a load started early for the shipped rules, and none for a command that loads no rules
        assertNull(EarlyRules.start(new String[]{"generate", "--rules", "rules"}));
        RuleSet.Pending early = EarlyRules.start(new String[]{"validate", "--rules", "rules"});
        // When a command asks for another folder, then for the same one twice
        RuleSet.Pending other = EarlyRules.load(Path.of("src/test/resources/no-such-rules"));
        RuleSet.Pending same = EarlyRules.load(Path.of("rules").toAbsolutePath());
        RuleSet.Pending again = EarlyRules.load(Path.of("rules"));
        // Then the other folder gets a load of its own, the same folder gets the early load once, and each is of its folder
        assertNotSame(early, other);
        assertSame(early, same);
        assertNotSame(early, again);
        assertEquals(Path.of("rules").toAbsolutePath(), same.get().dir().toAbsolutePath());
        assertEquals(same.get().hash(), again.get().hash());
        assertThrows(be.serv.advies.rules.RuleSetException.class, other::get);
    }
}
