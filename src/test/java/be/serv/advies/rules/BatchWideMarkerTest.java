package be.serv.advies.rules;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fact that is not tied to the application is refused with the line to write; the documented
 * marker @heleBatch lets a rule combine with the whole batch on purpose.
 */
class BatchWideMarkerTest {
    @TempDir
    Path tmp;

    private static final String RULE = """
            package advies.extra
            import be.serv.advies.model.*;
            rule "AllProviders"%s
            when
                $a : Application(id == "nergens")
                $n : Number(intValue > 1000) from accumulate(Capacity($p : providers), sum($p))
            then
                insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "%%d aanbieders", $n.intValue()));
            end
            """;

    private Path rulesWith(String marker) throws Exception {
        Path rules = TestRules.copyTo(tmp.resolve("rules" + marker.length()));
        Files.writeString(rules.resolve("sectors/extra.drl"), RULE.formatted(marker));
        return rules;
    }

    @Test
    void withoutTheMarkerTheUntiedFactIsRefusedWithTheLineToWrite() throws Exception {
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.load(rulesWith(""), RuleBaseCache.off()));
        assertTrue(e.problems().toString().contains("sectors/extra.drl:6:50: regel 'AllProviders': dit feit is niet aan de aanvraag "
                + "gekoppeld: de regel combineert elke aanvraag met elk feit Capacity dat past, ook dat van andere aanvragen; schrijf "
                + "Capacity(trajectory == $a.trajectory, province == $a.province, $p : providers)"), e.problems().toString());
    }

    @Test
    void withTheMarkerTheRuleLoads() throws Exception {
        RuleSet set = RuleSet.load(rulesWith(" @heleBatch"), RuleBaseCache.off());
        assertTrue(set.rule("AllProviders").isPresent());
    }
}
