package be.serv.advies.rules;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A condition on a kind of fact the session never holds (Norm and RegionalDemand were facts once,
 * and now travel inside TrajectoryInProvince) would compile and never fire; the door refuses it.
 */
class FactsNotInSessionTest {
    @TempDir
    Path tmp;

    @Test
    void aConditionOnAFactTheSessionNeverHoldsIsRefusedWhereItIsWritten() throws Exception {
        for (String pattern : new String[]{"Norm(trajectory == $a.trajectory, $a.expectedStudents < minExpectedStudents)",
                "RegionalDemand(trajectory == $a.trajectory, applications > 1)"}) {
            // Given a rule written against a fact the engine no longer inserts
            Path rules = TestRules.copyTo(tmp.resolve("rules-" + pattern.substring(0, 4)));
            Path drl = rules.resolve("criteria/low-inflow.drl");
            int line = (int) Files.readString(drl).lines().count() + 5;
            Files.writeString(drl, "\nrule \"OldStyleRule\"\nwhen\n    $a : Application()\n    $x : " + pattern + "\nthen\n"
                    + "    insert(Finding.applies($a, \"LOW_INFLOW\", \"Verwachte instroom beperkt\"));\nend\n", StandardOpenOption.APPEND);
            // When the rules load
            RuleSetException refused = assertThrows(RuleSetException.class, () -> RuleSet.load(rules, RuleBaseCache.off()));
            // Then the refusal names the file, the line of the condition, the rule and the fact, in Dutch
            String type = pattern.substring(0, pattern.indexOf('('));
            assertTrue(refused.problems().stream().anyMatch(p -> p.file().equals("criteria/low-inflow.drl") && p.row() == line
                    && p.message().contains("'OldStyleRule'") && p.message().contains("een " + type + " komt nooit als feit in de sessie")),
                    refused.problems().toString());
        }
    }

    @Test
    void theShippedRulesUseOnlyFactsOfTheSession() throws Exception {
        // Given the shipped rules, When they load, Then nothing is refused
        RuleSet.load(TestRules.copyTo(tmp.resolve("rules")), RuleBaseCache.off());
    }
}
