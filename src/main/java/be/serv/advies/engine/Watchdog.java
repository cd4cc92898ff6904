package be.serv.advies.engine;

import be.serv.advies.load.Problem;
import be.serv.advies.rules.Background;
import be.serv.advies.rules.RuleSetException;
import org.kie.api.runtime.rule.Match;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The run-time guard over running sessions: a firing or a condition that does not finish ends the run. */
final class Watchdog {
    private Watchdog() {
    }

    /**
     * How long one firing may take before the run is given up: a consequence takes microseconds.
     * The rule language check (rules.RuleLanguage) already refuses loops and recursion; this bounds whatever gets past it.
     * System property {@code advies.firingTimeoutMillis} changes it.
     */
    static long firingTimeoutMillis() {
        return Long.getLong("advies.firingTimeoutMillis", 10_000L);
    }

    /**
     * Waits for one part while watching every running session: a firing that has not finished
     * within {@link #firingTimeoutMillis()} ends the run with the rule named. Its thread cannot be
     * stopped safely; it is a daemon, asked to stop, and left behind (the command ends anyway).
     */
    static Evaluator.Outcome watch(Future<Evaluator.Outcome> f, List<Recorder> recorders) {
        long timeout = firingTimeoutMillis();
        long poll = Math.max(10, Math.min(250, timeout / 4));
        while (true) {
            try {
                return f.get(poll, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                for (Recorder r : recorders) {
                    if (r.stalled(timeout)) {
                        // No insert and no firing for the whole budget: a condition is still being evaluated.
                        String evaluating = r.evaluating();
                        f.cancel(true);
                        if (evaluating != null) {
                            return new Evaluator.Outcome(null, new RuleSetException(List.of(RuleFailures.problem(r.rules, evaluating, r.fileOf(evaluating),
                                    "is na " + timeout / 1000.0 + " s nog niet klaar met het nagaan van haar voorwaarden; "
                                            + "een voorwaarde blijft hangen of rekent te lang"))));
                        }
                        // The last rule that fired says nothing about whose condition hangs: Drools evaluates
                        // constraints, 'from' and 'accumulate' in shared nodes, not in a class of the rule. No file
                        // is named rather than a wrong one.
                        return new Evaluator.Outcome(null, new RuleSetException(List.of(Problem.ofFile(r.rules.dir().toString(),
                                "de regels zijn na " + timeout / 1000.0 + " s nog niet klaar met het nagaan van hun voorwaarden; "
                                + "een voorwaarde blijft hangen of rekent te lang. Welke regel het is, kan het programma hier niet "
                                + "met zekerheid zeggen (de voorwaarde staat in een patroon, een from of een accumulate, niet in een "
                                + "eval); kijk naar de regels die u het laatst wijzigde, of zoek de regel met 'advies test'"))));
                    }
                    Match stuck = r.stuck(timeout);
                    if (stuck != null) {
                        f.cancel(true);
                        return new Evaluator.Outcome(null, new RuleSetException(List.of(RuleFailures.problem(r.rules, stuck.getRule(),
                                "is" + RuleFailures.at(Recorder.applicationIdsOf(stuck.getObjects(), List.of())) + " na " + timeout / 1000.0
                                        + " s nog niet klaar met één vuring; zij blijft hangen (een lus of een te grote berekening)"))));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            } catch (ExecutionException e) {
                throw Background.unchecked(e.getCause());
            }
        }
    }
}
