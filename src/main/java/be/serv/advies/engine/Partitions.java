package be.serv.advies.engine;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

        // Groups numbered in order of first appearance and held in arrays: with each application its own
        // group, three maps and a list per group took a fifth of a second at 100,000 applications, on
        // one thread, before any session started.
        int n = apps.size();
        int[] groupOf = new int[n];
        int[] size = new int[n];
        Map<Object, Integer> number = new HashMap<>(2 * n);
        int groups = 0;
        for (int i = 0; i < n; i++) {
            Integer g = number.putIfAbsent(together(apps.get(i)), groups);
            if (g == null) g = groups++;
            groupOf[i] = g;
            size[g]++;
        }
        if (groups == 1) return List.of(batch);
        // Biggest group first, ties by first appearance, so the split is the same on every run.
        long[] bySize = new long[groups];
        for (int g = 0; g < groups; g++) bySize[g] = ((long) (n - size[g]) << 32) | g;
        Arrays.sort(bySize);
        int[] load = new int[parts];
        int[] partOf = new int[groups];
        for (long key : bySize) {
            int g = (int) key;
            int lightest = 0;
            for (int p = 1; p < parts; p++) if (load[p] < load[lightest]) lightest = p;
            partOf[g] = lightest;
            load[lightest] += size[g];
        }
        List<List<Application>> members = new ArrayList<>();
        for (int p = 0; p < parts; p++) members.add(new ArrayList<>());
        // Input order is kept within each part.
        for (int i = 0; i < n; i++) members.get(partOf[groupOf[i]]).add(apps.get(i));
        members.removeIf(List::isEmpty);
        return parts(batch, members);
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
        return parts(batch, List.of(batch.getApplications().stream().filter(a -> ids.contains(a.getId())).toList())).get(0);
    }

    /**
     * Each part with the reference facts its applications can reach, every list in batch order. One
     * pass over each list of reference facts for all parts: filtering each list once per part cost a
     * tenth of a 100,000-application run (100 parts times some 45,000 rows), before any session started.
     */
    private static List<Batch> parts(Batch batch, List<List<Application>> members) {
        Map<String, BitSet> partsOf = new HashMap<>();
        for (int p = 0; p < members.size(); p++) {
            for (Application a : members.get(p)) partsOf.computeIfAbsent(a.getTrajectory(), k -> new BitSet()).set(p);
        }
        List<List<Trajectory>> trajectories = perPart(batch.getTrajectories(), Trajectory::getCode, partsOf, members.size());
        List<List<Capacity>> capacity = perPart(batch.getCapacity(), Capacity::getTrajectory, partsOf, members.size());
        List<List<Shortage>> shortages = perPart(batch.getShortages(), Shortage::getTrajectory, partsOf, members.size());
        List<Batch> out = new ArrayList<>(members.size());
        for (int p = 0; p < members.size(); p++) {
            out.add(new Batch(batch.getSchoolYear(), batch.getPartnerships(), trajectories.get(p), capacity.get(p),
                    shortages.get(p), members.get(p), batch.getInputHash()).withPreviousAdvice(batch.getPreviousAdvice(), List.of()));
        }
        return out;
    }

    private static <T> List<List<T>> perPart(List<T> rows, Function<T, String> trajectory, Map<String, BitSet> partsOf, int parts) {
        List<List<T>> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) out.add(new ArrayList<>());
        for (T row : rows) {
            BitSet in = partsOf.get(trajectory.apply(row));
            if (in == null) continue;
            for (int p = in.nextSetBit(0); p >= 0; p = in.nextSetBit(p + 1)) out.get(p).add(row);
        }
        return out;
    }
}
