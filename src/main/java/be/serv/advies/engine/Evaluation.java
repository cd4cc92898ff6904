package be.serv.advies.engine;

import be.serv.advies.model.Finding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/** The rule engine's result for a batch: every finding and every firing, per application. */
public final class Evaluation {
    private final Map<String, List<Finding>> findings;
    private final Map<String, List<Firing>> firings;
    private final Map<String, Integer> firedCount;

    Evaluation(Map<String, List<Finding>> findings, Map<String, List<Firing>> firings, Map<String, Integer> firedCount) {
        this.findings = findings;
        this.firings = firings;
        this.firedCount = firedCount;
    }

    /** The evaluations of disjoint parts of a batch as one; rule counts are summed. */
    static Evaluation merge(List<Evaluation> parts) {
        Map<String, List<Finding>> findings = new HashMap<>();
        Map<String, List<Firing>> firings = new HashMap<>();
        Map<String, Integer> firedCount = new LinkedHashMap<>();
        for (Evaluation e : parts) {
            findings.putAll(e.findings);
            firings.putAll(e.firings);
            e.firedCount.forEach((rule, n) -> firedCount.merge(rule, n, Integer::sum));
        }
        return new Evaluation(findings, firings, firedCount);
    }

    /** All findings of an application, in the order the rules inserted them. */
    public List<Finding> findings(String applicationId) {
        return findings.getOrDefault(applicationId, List.of());
    }

    /** The firings whose matched facts include this application. */
    public List<Firing> firings(String applicationId) {
        return firings.getOrDefault(applicationId, List.of());
    }

    /** How often each rule fired over the whole batch (rules that never fired are absent). */
    public Map<String, Integer> firedCount() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(firedCount));
    }
}
