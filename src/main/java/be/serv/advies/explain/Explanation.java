package be.serv.advies.explain;

import be.serv.advies.engine.Firing;
import be.serv.advies.model.Application;
import be.serv.advies.model.Finding;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.Trajectory;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.CodeInfo;
import be.serv.advies.rules.Kind;
import be.serv.advies.verdict.Advice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Why one application got its draft: the rules that fired with the facts and figures they matched,
 * the criteria checked that did not apply and why not, and the codes no rule concluded on. One
 * recorded trace; the views ({@link View}) filter it. {@code previous} is last year's advice on the same
 * offer, or null when none was linked.
 */
public record Explanation(Application application, Trajectory trajectory, Partnership partnership, Advice advice,
                          List<Firing> fired, List<Finding> cleared, List<CodeInfo> notAssessed,
                          String rulesHash, String inputHash, PreviousAdvice previous) {

    /** What part of the trace to show, after OPA's {@code --explain=notes|fails|full}. */
    public enum View {
        /** Everything: rules fired, criteria not applied, codes not assessed. */
        FULL,
        /** Only the rules that fired with a conclusion that applies. */
        FIRED,
        /** Only why the other criteria did not apply. */
        WHY_NOT
    }

    public static Optional<Explanation> of(DraftRun run, String applicationId) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(applicationId, "applicationId");
        Optional<Application> app = run.batch().application(applicationId);
        if (app.isEmpty()) return Optional.empty();
        Application a = app.get();
        Trajectory t = run.batch().trajectory(a.getTrajectory());
        Partnership p = run.batch().partnership(t.getPartnership());
        Advice advice = run.advice(applicationId).orElseThrow();
        List<Firing> fired = new ArrayList<>();
        for (Firing f : run.evaluation().firings(applicationId)) {
            if (f.findings().stream().anyMatch(x -> x.isApplies() && x.getApplicationId().equals(applicationId))) fired.add(f);
        }
        Set<String> concluded = new HashSet<>();
        run.evaluation().findings(applicationId).forEach(f -> concluded.add(f.getCode()));
        List<CodeInfo> notAssessed = new ArrayList<>();
        for (CodeInfo info : run.rules().precedence().codes().values()) {
            if (!concluded.contains(info.code())) notAssessed.add(info);
        }
        // A criterion that applies for one reason may also have been cleared for another (two shortages,
        // one matching); the reader wants only the clearances of criteria that did not apply at all.
        Set<String> applying = new HashSet<>();
        advice.findings().forEach(f -> applying.add(f.getCode()));
        List<Finding> cleared = advice.cleared().stream().filter(f -> !applying.contains(f.getCode())).toList();
        return Optional.of(new Explanation(a, t, p, advice, fired, cleared, notAssessed,
                run.rules().hash(), run.batch().getInputHash(), run.batch().previousAdvice(applicationId).orElse(null)));
    }

}
