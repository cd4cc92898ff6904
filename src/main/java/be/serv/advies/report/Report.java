package be.serv.advies.report;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Education;
import be.serv.advies.model.Level;
import be.serv.advies.model.Network;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Province;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Trajectory;
import be.serv.advies.output.Annex;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.CodeInfo;
import be.serv.advies.rules.Kind;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The batch's figures as the SERV's global advice reports them (seed §2, §3.1, Tabel 1) plus the
 * gaps that invite programming, computed from a draft run and, for the changes, the previous year.
 * Counts of regular secondary education (SO) unless a figure says BuSO, as in the seed.
 */
public final class Report {
    /** From about ten applications the seed calls a trajectory popular; it lists those with 9 to 12. */
    public static final int POPULAR_FROM = 9;

    public record NetworkRow(Network network, Figure applications, double sharePercent, Figure fullTime,
                             double fullTimeSharePercent, Change change) {
    }

    public record ProvinceRow(Province province, Figure applications, double sharePercent, Change change) {
    }

    /** One level row of §2.4: applications, distinct trajectories asked for out of those possible, and the new ones. */
    public record LevelRow(String key, String label, Figure applications, double sharePercent, Change change,
                           int trajectoriesAsked, int trajectoriesPossible, Figure newApplications,
                           int newTrajectoriesAsked, int newTrajectoriesPossible, Figure fullTime,
                           Map<Level, Figure> byLevel) {
    }

    public record VerdictRow(Verdict verdict, Figure applications, double sharePercent) {
    }

    public record ReasonRow(String code, String label, Figure applications) {
    }

    /** A row of Tabel 1; the counts are those of {@link Annex#summaryJson}. */
    public record SectorRow(String code, String name, int soApplications, Figure negativeOrNoAdvice,
                            Figure attentionPoints, int busoApplications, String motivation, Map<Verdict, Figure> soByVerdict) {
    }

    public record TrajectoryRef(String code, String name, Level level, boolean isNew, String sector) {
    }

    public record PopularRow(TrajectoryRef trajectory, Figure applications) {
    }

    public record ShortageRow(String partnership, String sector, TrajectoryRef trajectory, String province,
                              String region, String text, Figure answeredBy) {
        public boolean answered() {
            return answeredBy.count() > 0;
        }
    }

    /**
     * One shortage as the sector wrote it (one row of shortages.csv, Bijlage 1): a row "in elke
     * provincie" is one row here, answered in the provinces listed in {@code answeredIn}.
     */
    public record SignalledShortage(String partnership, String sector, TrajectoryRef trajectory, String region,
                                    boolean everyProvince, String text, List<String> answeredIn, int provinces,
                                    Figure answeredBy) {
        public boolean answered() {
            return !answeredIn.isEmpty();
        }

        /** Answered in some of its provinces only (a shortage in every province, or in a region spanning two). */
        public boolean partlyAnswered() {
            return answered() && answeredIn.size() < provinces;
        }
    }

    /** How many SO applications carry a signal for the reader (§2.5 weak applications); a signal never changes the advice. */
    public record SignalRow(String code, String label, Figure applications) {
    }

    private final String schoolYear;
    private final String rulesHash;
    private final String inputHash;
    private final String basis;
    private final int decided;
    private final int applications;
    private final YearFigures previous;
    private final Figure so;
    private final Change soChange;
    private final Figure buso;
    private final Change busoChange;
    private final List<String> institutions;
    private final List<String> firstTimeInstitutions;
    private final Figure firstTimeApplications;
    private final Figure reapplications;
    private final ReapplicationBreakdown reapplicationBreakdown;
    private final Figure fullTime;
    private final Figure notFullTime;
    private final List<NetworkRow> networks;
    private final List<ProvinceRow> provinces;
    private final List<LevelRow> levels;
    private final LevelRow busoLevel;
    private final int newTrajectories;
    private final int newTrajectoriesAsked;
    private final List<TrajectoryRef> newWithoutApplication;
    private final List<TrajectoryRef> withoutApplication;
    private final List<PopularRow> popular;
    private final List<VerdictRow> soVerdicts;
    private final List<VerdictRow> busoVerdicts;
    private final List<ReasonRow> negativeReasons;
    private final List<ReasonRow> noAdviceReasons;
    private final Figure attentionPoints;
    private final Figure confirmationsOnly;
    private final List<SectorRow> tabel1;
    private final List<ShortageRow> shortages;
    private final List<SignalledShortage> signalled;
    private final List<SignalRow> signals;
    private final Map<String, String> shortageRemarks;
    private final String command;

    private Report(DraftRun run, YearFigures previous, String command) {
        this.command = command;
        Batch batch = run.batch();
        this.schoolYear = batch.getSchoolYear();
        this.rulesHash = run.rules().hash();
        this.inputHash = batch.getInputHash();
        this.basis = run.basis();
        this.decided = run.decided();
        this.applications = run.advices().size();
        this.previous = previous;
        YearFigures prev = previous == null ? new YearFigures(null, null, null, Map.of(), Map.of(), Map.of(), Map.of()) : previous;

        List<Application> soApps = batch.getApplications().stream().filter(a -> a.getEducation() == Education.SO).toList();
        List<Application> busoApps = batch.getApplications().stream().filter(a -> a.getEducation() == Education.BUSO).toList();
        this.so = Figure.of(soApps);
        this.soChange = Change.of(soApps.size(), prev.so());
        this.buso = Figure.of(busoApps);
        this.busoChange = Change.of(busoApps.size(), prev.buso());

        this.institutions = soApps.stream().map(Application::getInstitutionNumber).distinct().sorted().toList();
        List<Application> firstTime = filter(soApps, Application::isFirstApplication);
        this.firstTimeInstitutions = firstTime.stream().map(Application::getInstitutionNumber).distinct().sorted().toList();
        this.firstTimeApplications = Figure.of(firstTime);
        this.reapplications = Figure.of(filter(soApps, Application::isReapplication));
        this.reapplicationBreakdown = ReapplicationBreakdown.of(batch);
        this.fullTime = Figure.of(filter(soApps, Application::isFullTime));
        this.notFullTime = Figure.of(filter(soApps, a -> !a.isFullTime()));

        List<NetworkRow> nets = new ArrayList<>();
        for (Network n : Network.values()) {
            List<Application> apps = filter(soApps, a -> a.getNetwork() == n);
            List<Application> vt = filter(apps, Application::isFullTime);
            nets.add(new NetworkRow(n, Figure.of(apps), Change.share(apps.size(), soApps.size()), Figure.of(vt),
                    Change.share(vt.size(), apps.size()), Change.of(apps.size(), prev.byNetwork().get(n))));
        }
        nets.sort((x, y) -> Integer.compare(y.applications().count(), x.applications().count()));
        this.networks = List.copyOf(nets);

        List<ProvinceRow> provs = new ArrayList<>();
        for (Province p : Province.values()) {
            List<Application> apps = filter(soApps, a -> a.getProvince() == p);
            provs.add(new ProvinceRow(p, Figure.of(apps), Change.share(apps.size(), soApps.size()),
                    Change.of(apps.size(), prev.byProvince().get(p))));
        }
        this.provinces = List.copyOf(provs);

        List<LevelRow> lv = new ArrayList<>();
        for (LevelGroup g : LevelGroup.values()) {
            lv.add(levelRow(batch, g.name(), g.label(), soApps, soApps.size(), g.levels(), prev.byLevel().get(g)));
        }
        this.levels = List.copyOf(lv);
        this.busoLevel = levelRow(batch, "BUSO_OV3", Level.OV3.label(), busoApps, busoApps.size(), List.of(Level.OV3), prev.buso());

        Map<String, List<Application>> byTrajectory = new LinkedHashMap<>();
        for (Trajectory t : batch.getTrajectories()) byTrajectory.put(t.getCode(), new ArrayList<>());
        for (Application a : batch.getApplications()) byTrajectory.get(a.getTrajectory()).add(a);
        List<Trajectory> newOnes = batch.getTrajectories().stream().filter(Trajectory::isNewOffer).toList();
        this.newTrajectories = newOnes.size();
        this.newTrajectoriesAsked = (int) newOnes.stream().filter(t -> !byTrajectory.get(t.getCode()).isEmpty()).count();
        this.newWithoutApplication = newOnes.stream().filter(t -> byTrajectory.get(t.getCode()).isEmpty())
                .map(t -> ref(batch, t)).toList();
        this.withoutApplication = batch.getTrajectories().stream().filter(t -> byTrajectory.get(t.getCode()).isEmpty())
                .map(t -> ref(batch, t)).toList();
        List<PopularRow> pop = new ArrayList<>();
        byTrajectory.forEach((code, apps) -> {
            if (apps.size() >= POPULAR_FROM) pop.add(new PopularRow(ref(batch, batch.trajectory(code)), Figure.of(apps)));
        });
        pop.sort((x, y) -> Integer.compare(y.applications().count(), x.applications().count()));
        this.popular = List.copyOf(pop);

        Map<String, Advice> advice = new LinkedHashMap<>();
        run.advices().forEach(a -> advice.put(a.applicationId(), a));
        this.soVerdicts = verdictRows(soApps, advice);
        this.busoVerdicts = verdictRows(busoApps, advice);
        this.negativeReasons = reasonRows(run, soApps, advice, Verdict.NEGATIVE);
        this.noAdviceReasons = reasonRows(run, soApps, advice, Verdict.NO_ADVICE);
        this.attentionPoints = Figure.of(filter(soApps, a -> Annex.hasAttentionPoint(advice.get(a.getId()))));
        this.confirmationsOnly = Figure.of(filter(soApps, a -> advice.get(a.getId()).verdict() == Verdict.POSITIVE_WITH_REMARKS
                && !Annex.hasAttentionPoint(advice.get(a.getId()))));
        this.tabel1 = tabel1(run, soApps, advice);
        this.shortages = shortageRows(batch);
        this.signalled = signalledShortages(batch, shortages);
        Map<String, String> remarks = new LinkedHashMap<>();
        for (Partnership p : batch.getPartnerships()) if (p.getShortageRemarks() != null) remarks.put(p.getCode(), p.getShortageRemarks());
        this.shortageRemarks = java.util.Collections.unmodifiableMap(remarks);
        this.signals = signalRows(run, soApps, advice);
    }

    /** Computes every figure; {@code previous} may be null when there is no previous year to compare with. */
    public static Report of(DraftRun run, YearFigures previous) {
        return of(run, previous, null);
    }

    /** As {@link #of(DraftRun, YearFigures)}, naming in the colophon the command that made the report (null: not named). */
    public static Report of(DraftRun run, YearFigures previous, String command) {
        return new Report(Objects.requireNonNull(run, "run"), previous, command);
    }

    private static List<Application> filter(List<Application> apps, Predicate<Application> p) {
        return apps.stream().filter(p).toList();
    }

    private static TrajectoryRef ref(Batch batch, Trajectory t) {
        Partnership p = batch.partnership(t.getPartnership());
        return new TrajectoryRef(t.getCode(), t.getName(), t.getLevel(), t.isNewOffer(), p == null ? t.getPartnership() : p.getName());
    }

    private static LevelRow levelRow(Batch batch, String key, String label, List<Application> population, int whole,
                                     List<Level> levels, Integer previous) {
        List<Application> apps = filter(population, a -> levels.contains(batch.trajectory(a.getTrajectory()).getLevel()));
        List<Trajectory> possible = batch.getTrajectories().stream().filter(t -> levels.contains(t.getLevel())).toList();
        Set<String> asked = new LinkedHashSet<>();
        apps.forEach(a -> asked.add(a.getTrajectory()));
        List<Application> newApps = filter(apps, a -> batch.trajectory(a.getTrajectory()).isNewOffer());
        Set<String> newAsked = new LinkedHashSet<>();
        newApps.forEach(a -> newAsked.add(a.getTrajectory()));
        int newPossible = (int) possible.stream().filter(Trajectory::isNewOffer).count();
        Map<Level, Figure> byLevel = new EnumMap<>(Level.class);
        for (Level l : levels) byLevel.put(l, Figure.of(filter(apps, a -> batch.trajectory(a.getTrajectory()).getLevel() == l)));
        return new LevelRow(key, label, Figure.of(apps), Change.share(apps.size(), whole), Change.of(apps.size(), previous),
                asked.size(), possible.size(), Figure.of(newApps), newAsked.size(), newPossible,
                Figure.of(filter(apps, Application::isFullTime)), byLevel);
    }

    private static List<VerdictRow> verdictRows(List<Application> apps, Map<String, Advice> advice) {
        List<VerdictRow> rows = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            List<Application> of = filter(apps, a -> advice.get(a.getId()).verdict() == v);
            rows.add(new VerdictRow(v, Figure.of(of), Change.share(of.size(), apps.size())));
        }
        return List.copyOf(rows);
    }

    private static List<ReasonRow> reasonRows(DraftRun run, List<Application> apps, Map<String, Advice> advice, Verdict verdict) {
        Map<String, List<String>> byCode = new TreeMap<>();
        for (Application a : apps) {
            Advice adv = advice.get(a.getId());
            if (adv.verdict() != verdict) continue;
            for (String code : adv.reasons()) byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(a.getId());
        }
        List<ReasonRow> rows = new ArrayList<>();
        byCode.forEach((code, ids) -> rows.add(new ReasonRow(code, run.rules().precedence().label(code), Figure.ofIds(ids))));
        rows.sort((x, y) -> Integer.compare(y.applications().count(), x.applications().count()));
        return List.copyOf(rows);
    }

    private static List<SectorRow> tabel1(DraftRun run, List<Application> soApps, Map<String, Advice> advice) {
        Batch batch = run.batch();
        List<SectorRow> rows = new ArrayList<>();
        for (JsonNode n : Annex.summaryJson(run).path("by_sector")) {
            String code = n.path("code").asText();
            List<Application> sector = filter(soApps, a -> batch.partnershipOf(a).getCode().equals(code));
            Figure negative = Figure.of(filter(sector, a -> Annex.isNegativeOrNoAdvice(advice.get(a.getId()))));
            Figure attention = Figure.of(filter(sector, a -> Annex.hasAttentionPoint(advice.get(a.getId()))));
            if (negative.count() != n.path("negative_or_no_advice").asInt() || attention.count() != n.path("positive_with_attention_points").asInt()) {
                throw new IllegalStateException("Tabel 1 " + code + ": ids disagree with the summary's counts");
            }
            Map<Verdict, Figure> byVerdict = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) byVerdict.put(v, Figure.of(filter(sector, a -> advice.get(a.getId()).verdict() == v)));
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
    private static final java.util.regex.Pattern SECTOR_SUFFIX = java.util.regex.Pattern.compile("\\s*\\([^()]*\\)$");

    private static String label(DraftRun run, String code) {
        CodeInfo info = run.rules().precedence().code(code);
        return info == null || info.kind() == Kind.SIGNAL ? code : info.label();
    }

    private static List<ShortageRow> shortageRows(Batch batch) {
        List<ShortageRow> rows = new ArrayList<>();
        for (Shortage s : batch.getShortages()) {
            // The same matching as rules/criteria/shortage-confirmed.drl: the trajectory, in a municipality
            // the shortage covers (resolved from the gazetteer and rules/regions.csv; one row per province
            // for a shortage in every province).
            List<Application> answering = filter(batch.getApplications(), a -> a.getTrajectory().equals(s.getTrajectory())
                    && s.covers(a.getLocation()));
            Partnership p = batch.partnership(s.getPartnership());
            Trajectory t = batch.trajectory(s.getTrajectory());
            rows.add(new ShortageRow(s.getPartnership(), p == null ? s.getPartnership() : p.getName(),
                    t == null ? new TrajectoryRef(s.getTrajectory(), s.getTrajectory(), null, false, "") : ref(batch, t),
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
    private static List<SignalledShortage> signalledShortages(Batch batch, List<ShortageRow> rows) {
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
        String base = s.getProvince() == null ? "Vlaanderen" : provinceName(s.getProvince());
        String words = String.join(", ", s.getPlaces()).strip();
        if (words.isEmpty()) return base;
        if (letters(words).contains(letters(base))) return words;
        return base + " (" + words + ")";
    }

    private static String letters(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** A province as the advice names it; Brussels is no province but the Brussels-Capital Region. */
    public static String provinceName(Province p) {
        return p == Province.BRUSSEL ? "Brussels Hoofdstedelijk Gewest" : p.label();
    }

    private static List<SignalRow> signalRows(DraftRun run, List<Application> soApps, Map<String, Advice> advice) {
        List<SignalRow> rows = new ArrayList<>();
        run.rules().precedence().codes().forEach((code, info) -> {
            if (info.kind() != Kind.SIGNAL) return;
            rows.add(new SignalRow(code, info.label(), Figure.of(filter(soApps, a -> advice.get(a.getId()).signals().contains(code)))));
        });
        return List.copyOf(rows);
    }

    /** The counts a later year's report compares with. */
    public YearFigures figures() {
        Map<Province, Integer> p = new EnumMap<>(Province.class);
        provinces.forEach(r -> p.put(r.province(), r.applications().count()));
        Map<Network, Integer> n = new EnumMap<>(Network.class);
        networks.forEach(r -> n.put(r.network(), r.applications().count()));
        Map<LevelGroup, Integer> l = new EnumMap<>(LevelGroup.class);
        levels.forEach(r -> l.put(LevelGroup.valueOf(r.key()), r.applications().count()));
        Map<Verdict, Integer> v = new EnumMap<>(Verdict.class);
        soVerdicts.forEach(r -> v.put(r.verdict(), r.applications().count()));
        return new YearFigures(schoolYear, so.count(), buso.count(), p, n, l, v);
    }

    public String schoolYear() { return schoolYear; }
    public String rulesHash() { return rulesHash; }
    public String inputHash() { return inputHash; }
    /** Whether the counted advices are drafts or decided by reviewers, in words. */
    public String basis() { return basis; }
    /** How many of the {@link #applications()} advices reviewers decided; the others are drafts. */
    public int decided() { return decided; }
    /** All applications of the batch, SO and BuSO. */
    public int applications() { return applications; }
    /** The previous year's figures, or null. */
    public YearFigures previous() { return previous; }
    public Figure so() { return so; }
    public Change soChange() { return soChange; }
    public Figure buso() { return buso; }
    public Change busoChange() { return busoChange; }
    /** Distinct institution numbers with an SO application. */
    public List<String> institutions() { return institutions; }
    public List<String> firstTimeInstitutions() { return firstTimeInstitutions; }
    public Figure firstTimeApplications() { return firstTimeApplications; }
    public Figure reapplications() { return reapplications; }
    /** The re-applications by last year's outcome; empty without last year's advice. */
    public ReapplicationBreakdown reapplicationBreakdown() { return reapplicationBreakdown; }
    public Figure fullTime() { return fullTime; }
    public Figure notFullTime() { return notFullTime; }
    public double fullTimeSharePercent() { return Change.share(fullTime.count(), so.count()); }
    public List<NetworkRow> networks() { return networks; }
    public List<ProvinceRow> provinces() { return provinces; }
    public List<LevelRow> levels() { return levels; }
    public LevelRow busoLevel() { return busoLevel; }
    public int newTrajectories() { return newTrajectories; }
    public int newTrajectoriesAsked() { return newTrajectoriesAsked; }
    public List<TrajectoryRef> newWithoutApplication() { return newWithoutApplication; }
    public List<TrajectoryRef> withoutApplication() { return withoutApplication; }
    public List<PopularRow> popular() { return popular; }
    public List<VerdictRow> soVerdicts() { return soVerdicts; }
    public List<VerdictRow> busoVerdicts() { return busoVerdicts; }
    public List<ReasonRow> negativeReasons() { return negativeReasons; }
    public List<ReasonRow> noAdviceReasons() { return noAdviceReasons; }
    /** SO applications positive with a sector remark (Tabel 1's column). */
    public Figure attentionPoints() { return attentionPoints; }
    /** SO applications positive with remarks that only confirm (not in Tabel 1). */
    public Figure confirmationsOnly() { return confirmationsOnly; }
    public List<SectorRow> tabel1() { return tabel1; }
    public List<ShortageRow> shortages() { return shortages; }
    /** The shortages as the sectors wrote them (Bijlage 1), answered or not. */
    public List<SignalledShortage> signalledShortages() { return signalled; }
    /** Per partnership code, the sector's general remarks on its shortages (Bijlage 1), for those that made any. */
    public Map<String, String> shortageRemarks() { return shortageRemarks; }
    /** Per signal of precedence.yaml, in its order, the SO applications that carry it. */
    public List<SignalRow> signals() { return signals; }
    /** The command line that made the report, for the colophon; null when not known. */
    public String command() { return command; }
    public List<ShortageRow> unansweredShortages() { return shortages.stream().filter(s -> !s.answered()).toList(); }

    public VerdictRow soVerdict(Verdict v) {
        return soVerdicts.stream().filter(r -> r.verdict() == v).findFirst().orElseThrow();
    }
}
