package be.serv.advies.review;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The advices as decided in the review: where a reviewer decided, their advice counts; elsewhere
 * the draft. A confirmation keeps the draft whole; an override to another verdict keeps no reason
 * codes of the draft (they argued for the verdict that was overruled) and takes the reviewer's
 * reason as motivation.
 */
public final class Reviewed {
    private Reviewed() {
    }

    public static DraftRun apply(DraftRun run, Map<String, Decision> latest) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(latest, "latest");
        List<Advice> out = new ArrayList<>(run.advices().size());
        int decided = 0;
        for (Advice draft : run.advices()) {
            Decision d = latest.get(draft.applicationId());
            if (d == null) {
                out.add(draft);
                continue;
            }
            decided++;
            out.add(d.advice() == draft.verdict() ? draft : overridden(draft, d));
        }
        if (decided == 0) return run;
        String basis = "beslist advies voor " + decided + " van " + run.advices().size() + " aanvragen"
                + (decided < run.advices().size() ? ", ontwerpadvies voor de overige" : "");
        return run.withAdvices(out, basis, decided);
    }

    static Advice overridden(Advice draft, Decision d) {
        Verdict v = d.advice();
        String motivation = "Beslist door " + d.reviewer() + ": " + v.label() + " (ontwerpadvies: " + draft.verdict().label()
                + "). Reden: " + d.reason();
        return new Advice(draft.applicationId(), v, List.of(), List.of(), Map.of(), draft.signals(), motivation,
                draft.findings(), draft.cleared());
    }
}
