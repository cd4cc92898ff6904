package be.serv.advies.report;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Trajectory;
import be.serv.advies.report.Report.ShortageRow;
import be.serv.advies.report.Report.SignalledShortage;
import be.serv.advies.report.Report.TrajectoryRef;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * §3.3 and Bijlage 1 of the report: the shortages the sectors signalled and the applications that
 * answer them, per resolved shortage and folded back into the rows the sectors wrote.
 */
final class ShortageFigures {
    private ShortageFigures() {
    }

    static List<ShortageRow> rows(Batch batch) {
        List<ShortageRow> rows = new ArrayList<>();
        for (Shortage s : batch.getShortages()) {
            // The same matching as rules/criteria/shortage-confirmed.drl: the trajectory, in a municipality
            // the shortage covers (resolved from the gazetteer and rules/regions.csv; one row per province
            // for a shortage in every province).
            List<Application> answering = Report.filter(batch.getApplications(), a -> a.getTrajectory().equals(s.getTrajectory())
                    && s.covers(a.getLocation()));
            Partnership p = batch.partnership(s.getPartnership());
            Trajectory t = batch.trajectory(s.getTrajectory());
            rows.add(new ShortageRow(s.getPartnership(), p == null ? s.getPartnership() : p.getName(),
                    t == null ? new TrajectoryRef(s.getTrajectory(), s.getTrajectory(), null, false, "") : Report.ref(batch, t),
                    s.getProvince() == null ? "Vlaanderen" : s.getProvince().label(), s.getRegion(), s.getText(),
                    Figure.of(answering)));
        }
        return List.copyOf(rows);
    }

    /**
     * The resolved shortages (one per province for a row "in elke provincie") folded back into the
     * rows the sectors wrote, in the file's order; a shortage from a case file or a test without a
     * row number stands for itself.
     */
    static List<SignalledShortage> signalled(Batch batch, List<ShortageRow> rows) {
        Map<Object, List<Integer>> byOrigin = new LinkedHashMap<>();
        List<Shortage> all = batch.getShortages();
        for (int i = 0; i < all.size(); i++) {
            Shortage.Origin o = all.get(i).getOrigin();
            byOrigin.computeIfAbsent(o == null ? i : o, k -> new ArrayList<>()).add(i);
        }
        List<SignalledShortage> out = new ArrayList<>();
        for (List<Integer> parts : byOrigin.values()) {
            Shortage first = all.get(parts.get(0));
            ShortageRow row = rows.get(parts.get(0));
            List<String> answeredIn = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (int i : parts) {
                if (rows.get(i).answered()) answeredIn.add(rows.get(i).province());
                ids.addAll(rows.get(i).answeredBy().ids());
            }
            String region = first.isEveryProvince() ? "alle provincies" : region(first);
            out.add(new SignalledShortage(row.partnership(), row.sector(), row.trajectory(), region, first.isEveryProvince(),
                    first.getText(), List.copyOf(answeredIn), parts.size(), Figure.ofIds(List.copyOf(ids))));
        }
        return List.copyOf(out);
    }

    /**
     * Where a row asks for more programming, each name once: the province (or Vlaanderen) and the
     * places the row names, or the places alone when they already name the province.
     */
    private static String region(Shortage s) {
        String base = s.getProvince() == null ? "Vlaanderen" : Report.provinceName(s.getProvince());
        String words = String.join(", ", s.getPlaces()).strip();
        if (words.isEmpty()) return base;
        if (letters(words).contains(letters(base))) return words;
        return base + " (" + words + ")";
    }

    private static String letters(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
