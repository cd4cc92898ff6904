package be.serv.advies.server;

import be.serv.advies.load.Problem;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review server tries reloaded rules in a child process with a time and memory limit before it
 * runs them itself: a rule set that does not finish there, or fails there, is not taken; the running
 * rules stay and the work list shows why.
 */
class TrialRunTest {
    @TempDir
    Path tmp;

    private static final Path BATCH = Path.of("src/test/resources/batches/small");

    private Drafts drafts(Path rules) throws Exception {
        DraftRun run = DraftRun.of(BATCH, rules);
        return new Drafts(run, rules, ReviewStore.open(tmp.resolve("review.db")));
    }

    private static String shown(Drafts d) {
        return d.state().lastProblems().stream().map(Problem::toString).toList().toString();
    }

    @Test
    void aRuleSetThatDoesNotFinishWithinTheLimitIsNotTakenAndTheServerKeepsItsRules() throws Exception {
        // Given a server whose trial limit is shorter than any run (the child is stopped, whatever it does)
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Drafts drafts = drafts(rules);
        String before = drafts.current().rules().hash();
        drafts.trialRunsOn(BATCH, Duration.ofMillis(50), "256m");
        Files.writeString(rules.resolve("signals/extra.drl"), Files.readString(rules.resolve("signals/weak-application.drl"))
                .replace("package advies.signals", "package advies.extra").replace("rule \"", "rule \"Extra"));
        // When the rules are reloaded
        long t0 = System.nanoTime();
        boolean taken = drafts.reload("test");
        System.out.println("trial refused after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        // Then the new rules are not taken, the old ones stay, and the work list says why
        assertFalse(taken);
        assertEquals(before, drafts.current().rules().hash());
        assertTrue(shown(drafts).contains("in een proefrun over de batch nog niet klaar; de vorige regels blijven gelden"), shown(drafts));
    }

    @Test
    void aRuleThatFailsInTheTrialIsShownWithTheChildsMessage() throws Exception {
        // Given a rule that divides by zero for one application of the batch
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Drafts drafts = drafts(rules);
        drafts.trialRunsOn(BATCH, Duration.ofMinutes(2), "256m");
        Files.writeString(rules.resolve("signals/extra.drl"), """
                package advies.extra
                import be.serv.advies.model.*;
                rule "DividesByZero" when $a : Application() $c : Capacity(trajectory == $a.trajectory, province == $a.province) then
                    insert(Finding.applies($a, "HORECA_SCHOOL_UNKNOWN", "%d per plaats", $c.getStudents() / ($c.getProviders() - 4)));
                end
                """);
        // When the rules are reloaded, Then the trial's failure is what the work list shows
        assertFalse(drafts.reload("test"));
        assertTrue(shown(drafts).contains("signals/extra.drl:3: regel 'DividesByZero' faalde bij aanvraag"), shown(drafts));
    }

    @Test
    void aGoodRuleSetPassesItsTrialAndIsTaken() throws Exception {
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Drafts drafts = drafts(rules);
        drafts.trialRunsOn(BATCH, Duration.ofMinutes(2), "256m");
        assertTrue(drafts.reload("test"), shown(drafts));
        assertEquals(List.of(), drafts.state().lastProblems());
    }
}
