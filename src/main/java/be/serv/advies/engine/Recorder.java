package be.serv.advies.engine;

import be.serv.advies.load.Problem;
import be.serv.advies.model.Application;
import be.serv.advies.model.Finding;
import be.serv.advies.rules.RuleInfo;
import be.serv.advies.rules.RuleSet;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects findings and the trace from the session's events. */
final class Recorder {
    /**
     * Honest rule sets conclude a few times per application (one finding per criterion and
     * sector remark; 14 at most on the shipped batch); far beyond that a rule floods the run and memory would end it.
     */
    static final int FINDINGS_PER_APPLICATION = 100;

    final Map<String, List<Finding>> findings = new HashMap<>();
    final Map<String, List<Firing>> firings = new HashMap<>();
    final Map<String, Integer> firedCount = new LinkedHashMap<>();
    final Map<String, String> files = new HashMap<>();
    final List<Problem> violations = new ArrayList<>();
    final Evaluator.Options options;
    List<Finding> current = new ArrayList<>();
    int sequence;

    final RuleSet rules;
    /** The match whose consequence runs now (null between firings): the rule to name when something goes wrong. */
    volatile Match firing;
    private volatile long firingSince;

    Recorder(Evaluator.Options options, RuleSet rules) {
        this.options = options;
        this.rules = rules;
    }

    /** Whether the session has neither inserted nor fired anything for {@code timeoutMillis}, outside a firing. */
    boolean stalled(long timeoutMillis) {
        long p = progress;
        return p != 0 && firing == null && System.nanoTime() - p > timeoutMillis * 1_000_000L;
    }

    /** The thread that runs the session, to see which rule's condition it is in. */
    volatile Thread thread;

    /**
     * The rule whose condition the session's thread is in, when its code shows it: Drools compiles
     * an eval into a class named after the rule. Null when it cannot be told (an mvel constraint).
     */
    String evaluating() {
        Thread t = thread;
        if (t == null) return null;
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            int at = c.indexOf("Rule_");
            if (at < 0) continue;
            // The longest name that fits: rule "Hangs" must not be named for the class of rule "HangsInCondition".
            String best = null;
            int bestLength = -1;
            for (RuleInfo info : rules.rules()) {
                String name = info.name().replaceAll("[^\\w]", "_");
                if (c.startsWith(name, at + 5) && name.length() > bestLength) {
                    best = info.name();
                    bestLength = name.length();
                }
            }
            if (best != null) return best;
        }
        return null;
    }

    /** The time of the session's last insert or firing; 0 when it does not run. */
    volatile long progress;

    /** The match that has been firing for longer than {@code timeoutMillis}, or null. */
    Match stuck(long timeoutMillis) {
        Match m = firing;
        long since = firingSince;
        return m != null && System.nanoTime() - since > timeoutMillis * 1_000_000L ? m : null;
    }

    Problem failure(Match m, Throwable cause) {
        if (m == null) return RuleFailures.condition(rules, cause);
        return RuleFailures.problem(rules, m.getRule(), "faalde" + RuleFailures.at(applicationIdsOf(m.getObjects(), List.of()))
                + ": " + RuleFailures.describe(cause));
    }

    final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            progress = System.nanoTime();
            if (event.getRule() == null) return;
            Object o = event.getObject();
            if (o instanceof Finding f) {
                f.attribute(event.getRule().getName(), fileOfRule(event.getRule()));
                List<Finding> of = findings.computeIfAbsent(f.getApplicationId(), k -> new ArrayList<>());
                of.add(f);
                current.add(f);
                if (!rules.precedence().knows(f.getCode())) {
                    halt(event.getKieRuntime());
                    violation(event.getRule(), "geeft redencode '" + f.getCode() + "', die niet in precedence.yaml staat; "
                            + "voeg haar daar toe met haar soort en omschrijving");
                } else if (of.size() > FINDINGS_PER_APPLICATION) {
                    halt(event.getKieRuntime());
                    if (of.size() == FINDINGS_PER_APPLICATION + 1) {
                        violation(event.getRule(), "voegt te veel bevindingen toe: meer dan " + FINDINGS_PER_APPLICATION
                                + " voor aanvraag " + f.getApplicationId() + "; een regel geeft één bevinding per vuring");
                    }
                }
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
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firingSince = System.nanoTime();
            progress = firingSince;
            firing = event.getMatch();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            firing = null;
            progress = System.nanoTime();
            Match m = event.getMatch();
            String rule = m.getRule().getName();
            int[] count = counts.get(m.getRule());
            if (count == null) {
                counts.put(m.getRule(), count = new int[1]);
                files.put(rule, RuleSet.fileOf(m.getRule()));
            }
            count[0]++;
            ++sequence;
            if (options.traced() != null && options.traced().isEmpty()) {
                // Findings only: nothing of the firing itself is kept.
                current.clear();
                return;
            }
            String file = files.get(rule);
            // A firing belongs to the applications it concluded about; one that concluded nothing
            // belongs to the applications it matched.
            List<String> ids = current.isEmpty() ? applicationIdsOf(m.getObjects(), List.of())
                    : applicationIdsOf(List.of(), current);
            if (!options.traces(ids)) {
                current.clear();
                return;
            }
            // Facts are the objects the rule matched and the facts it bound from them (the norm of a
            // TrajectoryInProvince); computed values (a count or sum) are shown as the bindings that
            // name them, e.g. "$total = 2".
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
                if (v == null || matched.stream().anyMatch(x -> x == v)) continue;
                if (isFact(v)) {
                    matched.add(v);
                    facts.add(String.valueOf(v));
                } else {
                    bindings.put(id, String.valueOf(v));
                }
            }
            Firing firing = new Firing(sequence, rule, file, facts, bindings, ids, List.copyOf(current));
            for (String id : ids) firings.computeIfAbsent(id, k -> new ArrayList<>()).add(firing);
            current = new ArrayList<>();
        }
    };

    private final Map<Rule, String> ruleFiles = new IdentityHashMap<>();

    String fileOfRule(Rule rule) {
        String f = ruleFiles.get(rule);
        if (f == null) ruleFiles.put(rule, f = RuleSet.fileOf(rule));
        return f;
    }

    /** An object of the fact model (not a number, text or choice such as a province). */
    private static boolean isFact(Object v) {
        return !(v instanceof Enum<?>) && v.getClass().getPackage() == Application.class.getPackage();
    }

    /** Stops the run after the offending rule: what follows from a corrupted fact is meaningless. */
    void halt(KieRuntime runtime) {
        if (runtime instanceof KieSession s) s.halt();
    }

    void violation(Rule rule, String what) {
        if (violations.size() < 20) violations.add(RuleFailures.problem(rules, rule, what));
    }

    /** Per rule, counted by identity while firing and named once at the end. */
    final Map<Rule, int[]> counts = new IdentityHashMap<>();

    Map<String, Integer> firedCount() {
        counts.forEach((rule, n) -> firedCount.merge(rule.getName(), n[0], Integer::sum));
        counts.clear();
        return firedCount;
    }

    String mostFired() {
        firedCount();
        return firedCount.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
    }

    String fileOf(String rule) {
        return files.getOrDefault(rule, "regels");
    }

    static List<String> applicationIdsOf(List<?> objects, List<Finding> inserted) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object o : objects) {
            if (o instanceof Application a) ids.add(a.getId());
        }
        for (Finding f : inserted) ids.add(f.getApplicationId());
        return new ArrayList<>(ids);
    }
}
