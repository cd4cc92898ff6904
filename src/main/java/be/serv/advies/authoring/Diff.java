package be.serv.advies.authoring;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The impact of a rule change on a batch: the same applications drafted under the old and the new
 * rules, every application whose verdict, reasons or motivation changes, and the counts per verdict.
 */
public final class Diff {
    /** One application that changes. */
    public record Change(Application application, Advice before, Advice after) {
        public boolean verdictChanged() {
            return before.verdict() != after.verdict();
        }

        public boolean reasonsChanged() {
            return !before.reasons().equals(after.reasons());
        }

        public boolean motivationChanged() {
            return !before.motivation().equals(after.motivation());
        }
    }

    public record Result(List<Change> changes, Map<Verdict, Integer> before, Map<Verdict, Integer> after, int applications) {
    }

    private Diff() {
    }

    public static Result of(DraftRun before, DraftRun after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Batch batch = before.batch();
        List<Change> changes = new ArrayList<>();
        for (Application a : batch.getApplications()) {
            Advice b = before.advice(a.getId()).orElseThrow();
            Advice n = after.advice(a.getId()).orElseThrow();
            Change c = new Change(a, b, n);
            if (c.verdictChanged() || c.reasonsChanged() || c.motivationChanged()) changes.add(c);
        }
        return new Result(changes, counts(before), counts(after), batch.getApplications().size());
    }

    private static Map<Verdict, Integer> counts(DraftRun run) {
        Map<Verdict, Integer> out = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) out.put(v, 0);
        for (Advice a : run.advices()) out.merge(a.verdict(), 1, Integer::sum);
        return out;
    }

    public static void print(Result r, Batch batch, PrintWriter out) {
        out.printf("%-26s %6s %6s %6s%n", "Advies", "voor", "na", "verschil");
        for (Verdict v : Verdict.values()) {
            int b = r.before().get(v);
            int a = r.after().get(v);
            out.printf("  %-24s %6d %6d %+6d%n", v.label(), b, a, a - b);
        }
        long verdicts = r.changes().stream().filter(Change::verdictChanged).count();
        out.println();
        out.println(r.changes().size() + " van " + r.applications() + " aanvragen veranderen (" + verdicts + " van advies):");
        for (Change c : r.changes()) {
            Application a = c.application();
            String name = batch.trajectory(a.getTrajectory()) == null ? a.getTrajectory() : batch.trajectory(a.getTrajectory()).getName();
            out.println();
            out.println(a.getId() + "  " + a.getInstitutionName() + ", " + a.getPlace() + " (" + a.getProvince() + "), " + name);
            out.println("  advies:     " + c.before().verdict().label() + (c.verdictChanged() ? " -> " + c.after().verdict().label() : " (ongewijzigd)"));
            if (c.reasonsChanged()) out.println("  redenen:    " + c.before().reasons() + " -> " + c.after().reasons());
            if (c.motivationChanged()) {
                out.println("  motivering voor: " + c.before().motivation());
                out.println("  motivering na:   " + c.after().motivation());
            }
        }
    }
}
