package be.serv.advies.report;

import be.serv.advies.model.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * report.json: every figure of the report, each count with the ids of the applications it counts.
 * No timestamps, so the same batch and rules give the same bytes (the golden file relies on it).
 */
public final class ReportJson {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static byte[] bytes(Report report) {
        try {
            return JSON.writeValueAsBytes(render(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("report.json", e);
        }
    }

    public static ObjectNode render(Report r) {
        Objects.requireNonNull(r, "r");
        ObjectNode root = JSON.createObjectNode();
        root.put("school_year", r.schoolYear());
        root.put("previous_school_year", r.previous() == null ? null : r.previous().schoolYear());
        root.put("verdicts", r.basis());
        root.put("rules_hash", r.rulesHash());
        root.put("input_hash", r.inputHash());

        ObjectNode totals = root.putObject("totals");
        ObjectNode so = totals.putObject("so");
        figure(so, r.so());
        change(so, r.soChange());
        ObjectNode buso = totals.putObject("buso");
        figure(buso, r.buso());
        change(buso, r.busoChange());
        totals.put("all", r.so().count() + r.buso().count());

        ObjectNode inst = root.putObject("institutions");
        inst.put("so_institutions", r.institutions().size());
        strings(inst.putArray("institution_numbers"), r.institutions());
        ObjectNode first = inst.putObject("first_time");
        first.put("institutions", r.firstTimeInstitutions().size());
        strings(first.putArray("institution_numbers"), r.firstTimeInstitutions());
        figure(first.putObject("applications"), r.firstTimeApplications());
        figure(root.putObject("reapplications"), r.reapplications());
        if (!r.reapplicationBreakdown().isEmpty()) {
            ObjectNode by = root.putObject("reapplications_by_previous_outcome");
            r.reapplicationBreakdown().byOutcome().forEach(by::put);
        }

        ObjectNode ft = root.putObject("full_time");
        figure(ft.putObject("applications"), r.fullTime());
        ft.put("share_percent", r.fullTimeSharePercent());
        figure(ft.putObject("cdo_or_syntra"), r.notFullTime());

        ArrayNode nets = root.putArray("by_network");
        for (Report.NetworkRow n : r.networks()) {
            ObjectNode o = nets.addObject();
            o.put("network", n.network().name());
            o.put("label", n.network().label());
            figure(o.putObject("applications"), n.applications());
            o.put("share_percent", n.sharePercent());
            figure(o.putObject("full_time"), n.fullTime());
            o.put("full_time_share_percent", n.fullTimeSharePercent());
            change(o, n.change());
        }

        ArrayNode provs = root.putArray("by_province");
        for (Report.ProvinceRow p : r.provinces()) {
            ObjectNode o = provs.addObject();
            o.put("province", p.province().label());
            figure(o.putObject("applications"), p.applications());
            o.put("share_percent", p.sharePercent());
            change(o, p.change());
        }

        ArrayNode levels = root.putArray("by_level");
        for (Report.LevelRow l : r.levels()) level(levels.addObject(), l);
        ObjectNode busoLevel = root.putObject("buso");
        level(busoLevel, r.busoLevel());
        verdicts(busoLevel.putArray("verdicts"), r.busoVerdicts());

        ObjectNode nt = root.putObject("new_trajectories");
        nt.put("possible", r.newTrajectories());
        nt.put("asked", r.newTrajectoriesAsked());
        trajectories(nt.putArray("without_application"), r.newWithoutApplication());
        trajectories(root.putArray("trajectories_without_application"), r.withoutApplication());
        ObjectNode popular = root.putObject("popular_trajectories");
        popular.put("from_applications", Report.POPULAR_FROM);
        ArrayNode pop = popular.putArray("trajectories");
        for (Report.PopularRow p : r.popular()) {
            ObjectNode o = pop.addObject();
            trajectory(o, p.trajectory());
            figure(o.putObject("applications"), p.applications());
        }

        ObjectNode advice = root.putObject("advice");
        verdicts(advice.putArray("so"), r.soVerdicts());
        reasons(advice.putArray("negative_reasons"), r.negativeReasons());
        reasons(advice.putArray("no_advice_reasons"), r.noAdviceReasons());
        ObjectNode remarks = advice.putObject("positive_with_remarks");
        figure(remarks.putObject("attention_points"), r.attentionPoints());
        figure(remarks.putObject("confirmations_only"), r.confirmationsOnly());

        ArrayNode t1 = root.putArray("tabel_1");
        for (Report.SectorRow s : r.tabel1()) {
            ObjectNode o = t1.addObject();
            o.put("code", s.code());
            o.put("name", s.name());
            o.put("so_applications", s.soApplications());
            figure(o.putObject("negative_or_no_advice"), s.negativeOrNoAdvice());
            figure(o.putObject("positive_with_attention_points"), s.attentionPoints());
            o.put("buso_applications", s.busoApplications());
            o.put("motivation", s.motivation());
        }

        ArrayNode sig = root.putArray("signals");
        for (Report.SignalRow row : r.signals()) {
            ObjectNode o = sig.addObject();
            o.put("code", row.code());
            o.put("label", row.label());
            figure(o.putObject("applications"), row.applications());
        }

        // Bijlage 1: the rows as the sectors wrote them; "shortages" below is the same per province, as the rules match them.
        ObjectNode b1 = root.putObject("bijlage_1");
        b1.put("rows", r.signalledShortages().size());
        b1.put("answered", (int) r.signalledShortages().stream().filter(Report.SignalledShortage::answered).count());
        ObjectNode sectorRemarks = b1.putObject("sector_remarks");
        r.shortageRemarks().forEach(sectorRemarks::put);
        ArrayNode b1rows = b1.putArray("list");
        for (Report.SignalledShortage s : r.signalledShortages()) {
            ObjectNode o = b1rows.addObject();
            o.put("partnership", s.partnership());
            o.put("sector", s.sector());
            o.put("trajectory", s.trajectory().code());
            o.put("trajectory_name", s.trajectory().name());
            o.put("region", s.region());
            o.put("text", s.text());
            strings(o.putArray("answered_in"), s.answeredIn());
            figure(o.putObject("answered_by"), s.answeredBy());
        }

        ObjectNode sh = root.putObject("shortages");
        sh.put("signalled", r.shortages().size());
        sh.put("unanswered", r.unansweredShortages().size());
        ArrayNode list = sh.putArray("list");
        for (Report.ShortageRow s : r.shortages()) {
            ObjectNode o = list.addObject();
            o.put("partnership", s.partnership());
            o.put("sector", s.sector());
            o.put("trajectory", s.trajectory().code());
            o.put("trajectory_name", s.trajectory().name());
            o.put("province", s.province());
            o.put("region", s.region());
            o.put("text", s.text());
            o.put("answered", s.answered());
            figure(o.putObject("answered_by"), s.answeredBy());
        }
        return root;
    }

    private static void level(ObjectNode o, Report.LevelRow l) {
        o.put("level", l.key());
        o.put("label", l.label());
        figure(o.putObject("applications"), l.applications());
        o.put("share_percent", l.sharePercent());
        change(o, l.change());
        o.put("trajectories_asked", l.trajectoriesAsked());
        o.put("trajectories_possible", l.trajectoriesPossible());
        ObjectNode n = o.putObject("new");
        figure(n.putObject("applications"), l.newApplications());
        n.put("trajectories_asked", l.newTrajectoriesAsked());
        n.put("trajectories_possible", l.newTrajectoriesPossible());
        figure(o.putObject("full_time"), l.fullTime());
        if (l.byLevel().size() > 1) {
            ObjectNode parts = o.putObject("by_level");
            for (Map.Entry<Level, Figure> e : l.byLevel().entrySet()) figure(parts.putObject(e.getKey().name()), e.getValue());
        }
    }

    private static void verdicts(ArrayNode a, List<Report.VerdictRow> rows) {
        for (Report.VerdictRow v : rows) {
            ObjectNode o = a.addObject();
            o.put("verdict", v.verdict().name());
            o.put("label", v.verdict().label());
            figure(o.putObject("applications"), v.applications());
            o.put("share_percent", v.sharePercent());
        }
    }

    private static void reasons(ArrayNode a, List<Report.ReasonRow> rows) {
        for (Report.ReasonRow r : rows) {
            ObjectNode o = a.addObject();
            o.put("code", r.code());
            o.put("label", r.label());
            figure(o.putObject("applications"), r.applications());
        }
    }

    private static void trajectories(ArrayNode a, List<Report.TrajectoryRef> refs) {
        for (Report.TrajectoryRef t : refs) trajectory(a.addObject(), t);
    }

    private static void trajectory(ObjectNode o, Report.TrajectoryRef t) {
        o.put("code", t.code());
        o.put("name", t.name());
        o.put("level", t.level() == null ? null : t.level().name());
        o.put("new", t.isNew());
        o.put("sector", t.sector());
    }

    private static void figure(ObjectNode o, Figure f) {
        o.put("count", f.count());
        strings(o.putArray("ids"), f.ids());
    }

    private static void change(ObjectNode o, Change c) {
        if (c.previous() == null) {
            o.putNull("previous");
            o.putNull("change_percent");
        } else {
            o.put("previous", c.previous());
            if (c.percent() == null) o.putNull("change_percent");
            else o.put("change_percent", c.percent());
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
