package be.serv.advies.report;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Education;
import be.serv.advies.model.Level;
import be.serv.advies.model.Network;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Province;
import be.serv.advies.model.Trajectory;
import be.serv.advies.model.Verdict;
import be.serv.advies.output.Annex;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.Kind;
import be.serv.advies.verdict.Advice;

import java.util.ArrayList;
import java.util.Collections;
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
        this.tabel1 = SectorTable.rows(run, soApps, advice);
        this.shortages = ShortageFigures.rows(batch);
        this.signalled = ShortageFigures.signalled(batch, shortages);
        Map<String, String> remarks = new LinkedHashMap<>();
        for (Partnership p : batch.getPartnerships()) if (p.getShortageRemarks() != null) remarks.put(p.getCode(), p.getShortageRemarks());
        this.shortageRemarks = Collections.unmodifiableMap(remarks);
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

    static List<Application> filter(List<Application> apps, Predicate<Application> p) {
        return apps.stream().filter(p).toList();
    }

    static TrajectoryRef ref(Batch batch, Trajectory t) {
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
