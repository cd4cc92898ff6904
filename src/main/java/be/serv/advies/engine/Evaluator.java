package be.serv.advies.engine;

import be.serv.advies.load.Problem;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Finding;
import be.serv.advies.model.Norm;
import be.serv.advies.model.Trajectory;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a rule set over a batch in one session and records a trace. Findings are the only thing
 * rules may insert; a rule that updates or deletes an input fact, or keeps firing, stops the run.
 */
public final class Evaluator {
    /** Honest rule sets fire a few dozen times per application; far beyond that a rule loops. */
    static final int FIRINGS_PER_FACT = 200;

    private Evaluator() {
    }

    public static Evaluation evaluate(RuleSet rules, Batch batch) throws RuleSetException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(batch, "batch");
        KieSession session = rules.kieBase().newKieSession();
        Recorder recorder = new Recorder();
        session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder.agenda);
        session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder.runtime);
        try {
            int facts = insertFacts(session, rules, batch);
            int limit = FIRINGS_PER_FACT * Math.max(facts, 1);
            int fired = session.fireAllRules(limit);
            // A modified fact makes other rules fire again; the modification is the problem to name.
            if (!recorder.violations.isEmpty()) throw new RuleSetException(recorder.violations);
            if (fired >= limit) {
                String rule = recorder.mostFired();
                throw new RuleSetException(List.of(Problem.ofFile(recorder.fileOf(rule),
                        "regel '" + rule + "' blijft vuren (limiet van " + limit + " vuringen bereikt); zij lokt zichzelf opnieuw uit")));
            }
        } catch (ConsequenceException e) {
            Match m = e.getMatch();
            String rule = m == null ? "?" : m.getRule().getName();
            String file = m == null ? "regels" : RuleSet.fileOf(m.getRule());
            String apps = m == null ? "" : String.join(", ", applicationIdsOf(m.getObjects(), List.of()));
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleSetException(List.of(Problem.ofFile(file, "regel '" + rule + "' faalde"
                    + (apps.isEmpty() ? "" : " bij aanvraag " + apps) + ": " + cause)));
        } finally {
            session.dispose();
        }
        return new Evaluation(recorder.findings, recorder.firings, recorder.firedCount);
    }

    private static int insertFacts(KieSession session, RuleSet rules, Batch batch) {
        int n = 0;
        for (Object o : batch.getPartnerships()) { session.insert(o); n++; }
        for (Object o : batch.getTrajectories()) { session.insert(o); n++; }
        for (Object o : batch.getCapacity()) { session.insert(o); n++; }
        for (Object o : batch.getShortages()) { session.insert(o); n++; }
        Map<String, Norm> norms = new LinkedHashMap<>();
        for (Application a : batch.getApplications()) {
            Trajectory t = batch.trajectory(a.getTrajectory());
            norms.computeIfAbsent(a.getTrajectory() + "|" + a.getProvince(),
                    k -> rules.thresholds().resolve(t.getPartnership(), t.getCode(), a.getProvince()));
        }
        for (Norm norm : norms.values()) { session.insert(norm); n++; }
        for (Application a : batch.getApplications()) { session.insert(a); n++; }
        return n;
    }

    static List<String> applicationIdsOf(List<?> objects, List<Finding> inserted) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object o : objects) {
            if (o instanceof Application a) ids.add(a.getId());
        }
        for (Finding f : inserted) ids.add(f.getApplicationId());
        return new ArrayList<>(ids);
    }

    /** Collects findings and the trace from the session's events. */
    private static final class Recorder {
        final Map<String, List<Finding>> findings = new HashMap<>();
        final Map<String, List<Firing>> firings = new HashMap<>();
        final Map<String, Integer> firedCount = new LinkedHashMap<>();
        final Map<String, String> files = new HashMap<>();
        final List<Problem> violations = new ArrayList<>();
        List<Finding> current = new ArrayList<>();
        int sequence;

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() == null) return;
                Object o = event.getObject();
                if (o instanceof Finding f) {
                    f.attribute(event.getRule().getName(), RuleSet.fileOf(event.getRule()));
                    findings.computeIfAbsent(f.getApplicationId(), k -> new ArrayList<>()).add(f);
                    current.add(f);
                } else {
                    halt(event.getKieRuntime());
                    violation(event.getRule(), "voegt een " + o.getClass().getSimpleName()
                            + " toe; regels mogen alleen bevindingen (Finding) toevoegen");
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                if (event.getRule() == null) return;
                halt(event.getKieRuntime());
                violation(event.getRule(), "wijzigt het feit " + event.getObject()
                        + "; regels mogen de invoer niet wijzigen, alleen bevindingen toevoegen");
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                if (event.getRule() == null) return;
                halt(event.getKieRuntime());
                violation(event.getRule(), "verwijdert het feit " + event.getOldObject()
                        + "; regels mogen de invoer niet wijzigen, alleen bevindingen toevoegen");
            }
        };

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Match m = event.getMatch();
                String rule = m.getRule().getName();
                String file = RuleSet.fileOf(m.getRule());
                files.put(rule, file);
                firedCount.merge(rule, 1, Integer::sum);
                // Facts are the objects the rule matched; computed values (an accumulate's count or sum)
                // are shown as the bindings that name them, e.g. "$count = 2".
                List<Object> matched = new ArrayList<>();
                List<String> facts = new ArrayList<>();
                for (Object o : m.getObjects()) {
                    if (o instanceof Number || o instanceof CharSequence) continue;
                    matched.add(o);
                    facts.add(String.valueOf(o));
                }
                Map<String, String> bindings = new LinkedHashMap<>();
                for (String id : m.getDeclarationIds()) {
                    Object v = m.getDeclarationValue(id);
                    if (matched.stream().noneMatch(x -> x == v)) bindings.put(id, String.valueOf(v));
                }
                // A firing belongs to the applications it concluded about; one that concluded nothing
                // belongs to the applications it matched.
                List<String> ids = current.isEmpty() ? applicationIdsOf(m.getObjects(), List.of())
                        : applicationIdsOf(List.of(), current);
                Firing firing = new Firing(++sequence, rule, file, facts, bindings, ids, List.copyOf(current));
                for (String id : ids) firings.computeIfAbsent(id, k -> new ArrayList<>()).add(firing);
                current = new ArrayList<>();
            }
        };

        /** Stops the run after the offending rule: what follows from a corrupted fact is meaningless. */
        void halt(org.kie.api.runtime.KieRuntime runtime) {
            if (runtime instanceof KieSession s) s.halt();
        }

        void violation(org.kie.api.definition.rule.Rule rule, String what) {
            if (violations.size() < 20) {
                violations.add(Problem.ofFile(RuleSet.fileOf(rule), "regel '" + rule.getName() + "' " + what));
            }
        }

        String mostFired() {
            return firedCount.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        }

        String fileOf(String rule) {
            return files.getOrDefault(rule, "regels");
        }
    }
}
