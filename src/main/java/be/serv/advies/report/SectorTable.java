package be.serv.advies.report;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Verdict;
import be.serv.advies.output.Annex;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.report.Report.SectorRow;
import be.serv.advies.rules.CodeInfo;
import be.serv.advies.rules.Kind;
import be.serv.advies.verdict.Advice;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tabel 1 of the report: per sector partnership its SO applications, those with a negative advice or
 * none and those with attention points (the same counts as summary.json), and the motivation in short.
 */
final class SectorTable {
    private SectorTable() {
    }

    static List<SectorRow> rows(DraftRun run, List<Application> soApps, Map<String, Advice> advice) {
        Batch batch = run.batch();
        List<SectorRow> rows = new ArrayList<>();
        for (JsonNode n : Annex.summaryJson(run).path("by_sector")) {
            String code = n.path("code").asText();
            List<Application> sector = Report.filter(soApps, a -> batch.partnershipOf(a).getCode().equals(code));
            Figure negative = Figure.of(Report.filter(sector, a -> Annex.isNegativeOrNoAdvice(advice.get(a.getId()))));
            Figure attention = Figure.of(Report.filter(sector, a -> Annex.hasAttentionPoint(advice.get(a.getId()))));
            if (negative.count() != n.path("negative_or_no_advice").asInt() || attention.count() != n.path("positive_with_attention_points").asInt()) {
                throw new IllegalStateException("Tabel 1 " + code + ": ids disagree with the summary's counts");
            }
            Map<Verdict, Figure> byVerdict = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) byVerdict.put(v, Figure.of(Report.filter(sector, a -> advice.get(a.getId()).verdict() == v)));
            rows.add(new SectorRow(code, n.path("name").asText(), n.path("so_applications").asInt(), negative, attention,
                    n.path("buso_applications").asInt(), motivation(run, sector, advice), byVerdict));
        }
        return List.copyOf(rows);
    }

    /**
     * Tabel 1's motivation column, short as the seed writes it ("Negatief: uitrusting / Voorwaarde: geen
     * overaanbod"): per group the sector's points, most frequent first, without the counts the
     * columns already give and without the sector's own name.
     */
    private static String motivation(DraftRun run, List<Application> sector, Map<String, Advice> advice) {
        Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();
        groups.put("Geen advies", new LinkedHashMap<>());
        groups.put("Negatief", new LinkedHashMap<>());
        groups.put("Bemerking", new LinkedHashMap<>());
        for (Application a : sector) {
            Advice adv = advice.get(a.getId());
            String group = switch (adv.verdict()) {
                case NO_ADVICE -> "Geen advies";
                case NEGATIVE -> "Negatief";
                default -> null;
            };
            List<String> codes = group == null ? adv.remarks() : adv.reasons();
            if (group == null) group = "Bemerking";
            for (String code : codes) groups.get(group).merge(SECTOR_SUFFIX.matcher(label(run, code)).replaceFirst(""), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((group, labels) -> {
            if (labels.isEmpty()) return;
            List<String> ordered = new ArrayList<>(labels.keySet());
            ordered.sort((x, y) -> Integer.compare(labels.get(y), labels.get(x)));
            // A remark that is itself a condition ("voorwaarde: geen overaanbod") reads as the seed writes it,
            // "Voorwaarde: geen overaanbod", not "Bemerking: voorwaarde: …".
            List<String> conditions = ordered.stream().filter(l -> l.startsWith("voorwaarde:")).toList();
            ordered.removeAll(conditions);
            if (!ordered.isEmpty()) parts.add(group + ": " + String.join("; ", ordered));
            conditions.forEach(c -> parts.add(Character.toUpperCase(c.charAt(0)) + c.substring(1)));
        });
        return String.join(" / ", parts);
    }

    /** "… (Elektriciens)": the sector a remark belongs to, which its own row of Tabel 1 need not repeat. */
    private static final Pattern SECTOR_SUFFIX = Pattern.compile("\\s*\\([^()]*\\)$");

    private static String label(DraftRun run, String code) {
        CodeInfo info = run.rules().precedence().code(code);
        return info == null || info.kind() == Kind.SIGNAL ? code : info.label();
    }
}
