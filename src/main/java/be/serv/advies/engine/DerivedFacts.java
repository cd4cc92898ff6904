package be.serv.advies.engine;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.RegionalDemand;
import be.serv.advies.model.SimilarText;
import be.serv.advies.model.Trajectory;
import be.serv.advies.model.TrajectoryInProvince;
import be.serv.advies.rules.RuleSet;
import org.kie.api.runtime.KieSession;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Facts derived from the whole batch once, before any session: per (trajectory, province) with an
 * application, what the rules weigh its applications against ({@link TrajectoryInProvince}: the
 * thresholds, the capacity, the applications and expected students of the whole batch, the providers
 * in Flanders), and per application the most similar text of its institution. Because they are
 * counted over the whole batch, a part evaluated in its own session still sees all competitors.
 */
record DerivedFacts(Map<String, TrajectoryInProvince> groups, Map<String, SimilarText> similarText) {
    /**
     * The derived facts of a batch; {@code evaluate} inserts nothing else besides the batch's own facts,
     * so {@code advies test}'s cases and every command see the same.
     */
    static DerivedFacts of(RuleSet rules, Batch batch, Map<String, SimilarText> similarText) {
        Map<String, Capacity> capacity = new HashMap<>();
        Map<String, Integer> providersInFlanders = new HashMap<>();
        for (Capacity c : batch.getCapacity()) {
            capacity.putIfAbsent(TrajectoryInProvince.key(c.getTrajectory(), c.getProvince()), c);
            providersInFlanders.merge(c.getTrajectory(), c.getProviders(), Integer::sum);
        }
        Map<String, int[]> demand = new LinkedHashMap<>();
        for (Application a : batch.getApplications()) {
            int[] d = demand.computeIfAbsent(a.getTrajectoryInProvince(), k -> new int[2]);
            d[0]++;
            d[1] += a.getExpectedStudents();
        }
        Map<String, TrajectoryInProvince> groups = new HashMap<>();
        for (Application a : batch.getApplications()) {
            String key = a.getTrajectoryInProvince();
            if (groups.containsKey(key)) continue;
            Trajectory t = batch.trajectory(a.getTrajectory());
            int[] d = demand.get(key);
            groups.put(key, new TrajectoryInProvince(t, batch.partnership(t.getPartnership()), a.getProvince(), capacity.get(key),
                    rules.thresholds().resolve(t.getPartnership(), t.getCode(), a.getProvince()),
                    new RegionalDemand(a.getProvince(), t.getCode(), d[0], d[1]),
                    providersInFlanders.getOrDefault(t.getCode(), 0)));
        }
        return new DerivedFacts(groups, similarText);
    }

    /** Inserts the batch's own facts and these derived ones; returns how many. */
    int insertInto(KieSession session, Batch batch) {
        int n = 0;
        for (Object o : batch.getPartnerships()) { session.insert(o); n++; }
        for (Object o : batch.getTrajectories()) { session.insert(o); n++; }
        for (Object o : batch.getCapacity()) { session.insert(o); n++; }
        for (Object o : batch.getShortages()) { session.insert(o); n++; }
        Set<String> inserted = new HashSet<>();
        for (Application a : batch.getApplications()) {
            if (inserted.add(a.getTrajectoryInProvince())) {
                session.insert(groups.get(a.getTrajectoryInProvince()));
                n++;
            }
        }
        for (Application a : batch.getApplications()) {
            SimilarText similar = similarText.get(a.getId());
            if (similar != null) { session.insert(similar); n++; }
            PreviousAdvice previous = batch.getPreviousAdvice().get(a.getId());
            if (previous != null) { session.insert(previous); n++; }
        }
        for (Application a : batch.getApplications()) { session.insert(a); n++; }
        return n;
    }
}
