package be.serv.advies.output;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Education;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.Trajectory;
import be.serv.advies.model.Verdict;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.verdict.Advice;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The per-application annex (annex.json, annex.csv) and the batch summary (summary.json), each
 * stamped with the hash of the rules and of the input they came from.
 */
public final class Annex {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final List<String> CSV_COLUMNS = List.of("id", "institution_number", "institution_name", "campus_number", "place",
            "province", "network", "provider_type", "education", "trajectory", "trajectory_name", "level", "sector",
            "verdict", "verdict_label", "reasons", "signals", "motivation",
            // Last year's advice on the same offer beside this year's draft; empty when none was linked.
            "previous_id", "previous_advice", "rules_hash", "input_hash");

    /** The files {@link #write} puts in its folder. */
    public static final List<String> FILES = List.of("annex.json", "annex.csv", "summary.json");

    private Annex() {
    }

    /** Writes annex.json, annex.csv and summary.json into {@code out}, all or none. */
    public static void write(DraftRun run, Path out) throws IOException {
        write(run, out, Map.of());
    }

    /** As {@link #write(DraftRun, Path)}, with more files in the same all-or-none set (evaluate's annex.xlsx). */
    public static void write(DraftRun run, Path out, Map<String, AtomicOutput.Content> more) throws IOException {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(more, "more");
        // The annex streams into the staging files one application at a time: a batch of 100,000
        // applications is never held as one JSON tree or one CSV string.
        AtomicOutput files = new AtomicOutput(out)
                .add("annex.json", o -> writeAnnexJson(run, o))
                .add("annex.csv", o -> writeAnnexCsv(run, o))
                .add("summary.json", JSON.writeValueAsBytes(summaryJson(run)));
        more.forEach(files::add);
        files.commit();
    }

    static void writeAnnexJson(DraftRun run, OutputStream out) throws IOException {
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            // Each node writes itself with one provider: through the mapper, every application got a
            // provider of its own and a flush of the file (the mapper flushes after each value it writes).
            com.fasterxml.jackson.databind.SerializerProvider provider = JSON.getSerializerProviderInstance();
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : stamp(run).properties()) {
                g.writeFieldName(e.getKey());
                e.getValue().serialize(g, provider);
            }
            g.writeArrayFieldStart("applications");
            for (Advice advice : run.advices()) applicationJson(run, advice).serialize(g, provider);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void writeAnnexCsv(DraftRun run, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Csv csv = new Csv(w).row(CSV_COLUMNS);
        for (Advice advice : run.advices()) csv.row(csvRow(run, advice));
        w.flush();
    }

    static ObjectNode stamp(DraftRun run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("school_year", run.batch().getSchoolYear());
        root.put("rules_hash", run.rules().hash());
        root.put("input_hash", run.batch().getInputHash());
        return root;
    }

    public static ObjectNode annexJson(DraftRun run) {
        ObjectNode root = stamp(run);
        ArrayNode apps = root.putArray("applications");
        for (Advice advice : run.advices()) apps.add(applicationJson(run, advice));
        return root;
    }

    /** One application of the annex with its draft. */
    static ObjectNode applicationJson(DraftRun run, Advice advice) {
        Batch batch = run.batch();
        Application a = batch.application(advice.applicationId()).orElseThrow();
        Trajectory t = batch.trajectory(a.getTrajectory());
        Partnership p = batch.partnership(t.getPartnership());
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.getId());
        o.put("institution_number", a.getInstitutionNumber());
        o.put("institution_name", a.getInstitutionName());
        o.put("campus_number", a.getCampusNumber());
        o.put("place", a.getPlace());
        o.put("province", a.getProvince().label());
        o.put("network", a.getNetwork().name());
        o.put("provider_type", a.getProviderType().name());
        o.put("education", a.getEducation().name());
        o.put("trajectory", t.getCode());
        o.put("trajectory_name", t.getName());
        o.put("level", t.getLevel().name());
        o.put("sector", p.getName());
        o.put("sector_code", p.getCode());
        o.put("verdict", advice.verdict().name());
        o.put("verdict_label", advice.verdict().label());
        advice.reasons().forEach(o.putArray("reasons")::add);
        advice.remarks().forEach(o.putArray("remarks")::add);
        ObjectNode lifted = o.putObject("lifted");
        advice.lifted().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> e.getValue().forEach(lifted.putArray(e.getKey())::add));
        advice.signals().forEach(o.putArray("signals")::add);
        o.put("motivation", advice.motivation());
        batch.previousAdvice(a.getId()).ifPresent(prev -> previousJson(o.putObject("previous_advice"), prev));
        return o;
    }

    /** Last year's advice as annex.json and explain --json give it. */
    public static void previousJson(ObjectNode n, PreviousAdvice p) {
        n.put("id", p.getPreviousId());
        n.put("trajectory", p.getTrajectory());
        n.put("advice", p.getAdvice());
        n.put("draft_verdict", p.getDraftVerdict());
        p.getReasons().forEach(n.putArray("draft_reasons")::add);
        n.put("decided", p.isDecided());
        n.put("overridden", p.isOverridden());
        n.put("override_reason", p.getOverrideReason());
        n.put("follow_up", p.getFollowUp());
        n.put("outcome", p.getOutcome());
        if (p.getExpectedStudents() >= 0) n.put("expected_students", p.getExpectedStudents());
        if (p.getPartnerCompanies() >= 0) n.put("partner_companies", p.getPartnerCompanies());
        if (p.getInfrastructure() != null) n.put("infrastructure", p.getInfrastructure().name());
        if (p.getLearningResources() != null) n.put("learning_resources", p.getLearningResources().name());
    }

    /** One row of annex.csv. */
    static List<String> csvRow(DraftRun run, Advice advice) {
        Batch batch = run.batch();
        Application a = batch.application(advice.applicationId()).orElseThrow();
        Trajectory t = batch.trajectory(a.getTrajectory());
        return List.of(a.getId(), a.getInstitutionNumber(), a.getInstitutionName(), a.getCampusNumber(), a.getPlace(),
                a.getProvince().label(), a.getNetwork().name(), a.getProviderType().name(), a.getEducation().name(),
                t.getCode(), t.getName(), t.getLevel().name(), batch.partnership(t.getPartnership()).getName(),
                advice.verdict().name(), advice.verdict().label(), String.join(",", advice.reasons()),
                String.join(",", advice.signals()), advice.motivation(),
                batch.previousAdvice(a.getId()).map(PreviousAdvice::getPreviousId).orElse(""),
                batch.previousAdvice(a.getId()).map(p -> Verdict.valueOf(p.getAdvice()).label()).orElse(""),
                run.rules().hash(), batch.getInputHash());
    }

    /** Counts per verdict (SO, BuSO, all), per reason and per sector partnership (Tabel 1's columns). */
    public static ObjectNode summaryJson(DraftRun run) {
        ObjectNode root = stamp(run);
        Batch batch = run.batch();
        root.put("applications", run.advices().size());
        Map<String, Map<Verdict, Integer>> byEducation = new TreeMap<>();
        Map<String, Integer> byReason = new TreeMap<>();
        Map<String, int[]> bySector = new LinkedHashMap<>();
        for (Partnership p : batch.getPartnerships()) bySector.put(p.getCode(), new int[6]);
        for (Advice advice : run.advices()) {
            Application a = batch.application(advice.applicationId()).orElseThrow();
            String edu = a.getEducation().name();
            byEducation.computeIfAbsent(edu, k -> emptyCounts()).merge(advice.verdict(), 1, Integer::sum);
            byEducation.computeIfAbsent("ALL", k -> emptyCounts()).merge(advice.verdict(), 1, Integer::sum);
            for (String r : advice.reasons()) byReason.merge(r, 1, Integer::sum);
            int[] s = bySector.get(batch.partnershipOf(a).getCode());
            boolean so = a.getEducation() == Education.SO;
            if (so) {
                s[0]++;
                if (isNegativeOrNoAdvice(advice)) s[1]++;
                if (hasAttentionPoint(advice)) s[2]++;
                if (advice.verdict() == Verdict.POSITIVE_WITH_REMARKS) s[4]++;
                if (advice.verdict() == Verdict.POSITIVE) s[5]++;
            } else {
                s[3]++;
            }
        }
        ObjectNode verdicts = root.putObject("by_verdict");
        byEducation.forEach((edu, counts) -> {
            ObjectNode n = verdicts.putObject(edu);
            counts.forEach((v, c) -> n.put(v.name(), c));
        });
        ObjectNode reasons = root.putObject("by_reason");
        byReason.forEach(reasons::put);
        ArrayNode sectors = root.putArray("by_sector");
        bySector.forEach((code, s) -> {
            ObjectNode n = sectors.addObject();
            n.put("code", code);
            n.put("name", batch.partnership(code).getName());
            n.put("so_applications", s[0]);
            n.put("negative_or_no_advice", s[1]);
            n.put("positive_with_attention_points", s[2]);
            n.put("buso_applications", s[3]);
            n.put("positive_with_remarks", s[4]);
            n.put("positive", s[5]);
        });
        return root;
    }

    /** Tabel 1's "negatieve appreciatie of geen advies" column. */
    public static boolean isNegativeOrNoAdvice(Advice advice) {
        return advice.verdict() == Verdict.NEGATIVE || advice.verdict() == Verdict.NO_ADVICE;
    }

    /** Tabel 1's "positief met aandachtspunten": a sector remark; a confirmation alone does not count. */
    public static boolean hasAttentionPoint(Advice advice) {
        return advice.verdict() == Verdict.POSITIVE_WITH_REMARKS && !advice.remarks().isEmpty();
    }

    private static Map<Verdict, Integer> emptyCounts() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) m.put(v, 0);
        return m;
    }

}
