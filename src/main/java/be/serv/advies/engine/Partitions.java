package be.serv.advies.engine;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Trajectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a batch into parts that can be evaluated in separate sessions with the same findings as one
 * session. Competing applications need the count of every application of a (province, trajectory):
 * the evaluator derives that count from the whole batch (the {@code TrajectoryInProvince}'s
 * {@code RegionalDemand}) and gives it to every part, so those groups may be split; so is the demand on workplaces (the expected students of
 * the group). SAME_TEXT reads {@code SimilarText}, derived from the whole batch before any session
 * (each application's most similar text of its institution), so an institution's applications need
 * not share a session either: they spread over all parts. Keeping whole institutions together (as
 * when the rule compared texts in the session) let one institution with 1,200 applications put 1.4
 * million comparisons into one session: batches with large institutions took three times as long
 * per application.
 *
 * <p>The groups are packed into parts of about {@link #PART_SIZE} applications, biggest first, each
 * into the lightest part, so an institution's applications spread over all parts. A session's memory
 * grows with its applications (the network keeps a tuple per application per rule), so bounded parts
 * keep memory and time per application flat as batches grow, and let several parts run side by side.
 * Each part keeps the reference facts its applications can reach: their trajectories, the capacity
 * of those trajectories in every province and their shortages (LIMITED_OFFER reads the sum over
 * Flanders from the derived {@code TrajectoryInProvince}).</p>
 *
 * <p>Any rule added later that relates applications across other keys needs its key in
 * {@link #together}; the test {@code PartitionedEvaluationTest} compares partitioned and
 * single-session results, also with large institutions.</p>
 */
public final class Partitions {
    /**
     * Applications per session: big enough that a session's fixed cost is small, small enough that a
     * session's tuples stay in the processor's cache while every rule walks them (1,000 used 15% less
     * CPU than 5,000 at 100,000 applications; 500 no less than 1,000).
     */
    static final int PART_SIZE = 1_000;

    private Partitions() {
    }

    /** Parts of at most {@code partSize} applications where the groups allow it; one part when the batch is small. */
    public static List<Batch> split(Batch batch, int partSize) {
        if (partSize < 1) throw new IllegalArgumentException("partSize must be at least 1, was " + partSize);
        List<Application> apps = batch.getApplications();
        int parts = (apps.size() + partSize - 1) / partSize;
        if (parts <= 1) return List.of(batch);

        Map<Object, List<Application>> groups = new HashMap<>();
        List<Object> order = new ArrayList<>();
        for (Application a : apps) {
            Object root = together(a);
            List<Application> g = groups.get(root);
            if (g == null) {
                groups.put(root, g = new ArrayList<>());
                order.add(root);
            }
            g.add(a);
        }
        if (groups.size() == 1) return List.of(batch);
        // Biggest group first, ties by first appearance, so the split is the same on every run.
        List<Object> bySize = new ArrayList<>(order);
        Map<Object, Integer> firstSeen = new HashMap<>();
        for (int i = 0; i < order.size(); i++) firstSeen.put(order.get(i), i);
        bySize.sort(Comparator.<Object>comparingInt(r -> -groups.get(r).size()).thenComparingInt(firstSeen::get));
        int[] load = new int[parts];
        Map<Object, Integer> partOf = new HashMap<>();
        for (Object root : bySize) {
            int lightest = 0;
            for (int p = 1; p < parts; p++) if (load[p] < load[lightest]) lightest = p;
            partOf.put(root, lightest);
            load[lightest] += groups.get(root).size();
        }
        List<List<Application>> members = new ArrayList<>();
        for (int p = 0; p < parts; p++) members.add(new ArrayList<>());
        // Input order is kept within each part.
        for (Application a : apps) members.get(partOf.get(together(a))).add(a);
        List<Batch> out = new ArrayList<>();
        for (List<Application> m : members) if (!m.isEmpty()) out.add(part(batch, m));
        return out;
    }

    /**
     * What must share a session with what. No rule joins two applications in a session now (the
     * batch-wide counts and text similarities are derived before), so each application is its own group;
     * a rule that compares applications in the session again needs its key here.
     */
    static Object together(Application a) {
        return a;
    }

    /** The batch's applications with these ids (in batch order), with the reference facts they can reach. */
    static Batch only(Batch batch, Set<String> ids) {
        return part(batch, batch.getApplications().stream().filter(a -> ids.contains(a.getId())).toList());
    }

    private static Batch part(Batch batch, List<Application> apps) {
        Set<String> codes = new HashSet<>();
        for (Application a : apps) codes.add(a.getTrajectory());
        List<Trajectory> trajectories = batch.getTrajectories().stream().filter(t -> codes.contains(t.getCode())).toList();
        List<Capacity> capacity = batch.getCapacity().stream().filter(c -> codes.contains(c.getTrajectory())).toList();
        List<Shortage> shortages = batch.getShortages().stream().filter(s -> codes.contains(s.getTrajectory())).toList();
        return new Batch(batch.getSchoolYear(), batch.getPartnerships(), trajectories, capacity, shortages, apps,
                batch.getInputHash());
    }
}
