package be.serv.advies.report;

import be.serv.advies.model.Network;
import be.serv.advies.model.Province;
import be.serv.advies.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code report/report.jte} shows of a {@link Report}: the figures in the seed's notation, the
 * draft status in words, the charts as shapes, and the lists of applications behind the counts.
 * Nothing here writes markup; the template does, and escapes every value.
 */
public final class ReportView {
    static final String DARK = "#1d5b86";
    static final String LIGHT = "#a9c6dc";
    static final Map<Verdict, String> VERDICT_COLOURS = Map.of(
            Verdict.POSITIVE, "#2e7d32", Verdict.POSITIVE_WITH_REMARKS, "#9ccc65",
            Verdict.NEGATIVE, "#c62828", Verdict.NO_ADVICE, "#9e9e9e");
    /** Tabel 1's chart: the two counted columns and the rest of the sector's SO applications. */
    static final String T1_NEGATIVE = "#d0453a";
    static final String T1_ATTENTION = "#f2a93b";
    static final String T1_OTHER = "#a9c6dc";

    /** A list of applications behind a count, for the appendix. */
    public record IdList(String anchor, String title, Figure figure) {
    }

    public record Rect(String x, String y, String width, String height, String fill, String title) {
    }

    public record Text(String x, String y, int size, String anchor, String text) {
    }

    public record Line(String x1, String y1, String x2, String y2) {
    }

    /** An SVG chart as shapes; {@code caption} names it for the reader (and for a PDF reader's text). */
    public record Chart(String id, String caption, int width, int height, List<Line> grid, List<Rect> rects, List<Text> texts) {
    }

    private final Report r;
    private final boolean pdf;
    private final Map<String, IdList> lists = new LinkedHashMap<>();

    ReportView(Report report, boolean pdf) {
        this.r = Objects.requireNonNull(report, "report");
        this.pdf = pdf;
    }

    public Report r() {
        return r;
    }

    /** For report.pdf: counts are not links (the lists of ids are in report.html and annex.xlsx). */
    public boolean pdf() {
        return pdf;
    }

    // --- the draft status --------------------------------------------------------------------

    public String title() {
        return "Programmatieaanvragen Duaal Leren" + (r.schoolYear() == null ? "" : " " + r.schoolYear());
    }

    public boolean allDecided() {
        return r.applications() > 0 && r.decided() == r.applications();
    }

    public int drafts() {
        return r.applications() - r.decided();
    }

    public String rulesShort() {
        return shortHash(r.rulesHash());
    }

    public String inputShort() {
        return shortHash(r.inputHash());
    }

    /** The line at the top of every printed page (the hashes are in the colophon). */
    public String mark() {
        return mark(r);
    }

    static String mark(Report r) {
        if (r.applications() > 0 && r.decided() == r.applications()) {
            return "Beslist advies: alle " + r.applications() + " aanvragen beslist door beoordelaars";
        }
        return "ONTWERP, geen definitief advies · " + r.decided() + " van " + r.applications() + " aanvragen beslist";
    }

    /** The colophon's command line; without one, the command as a user types it. */
    public String command() {
        return r.command() == null ? "advies report" : r.command();
    }

    /** A network as the seed names it in running text and tables. */
    public static String networkName(Network n) {
        return switch (n) {
            case GO -> "GO! onderwijs van de Vlaamse Gemeenschap";
            case OGO -> "officieel gesubsidieerd onderwijs (OGO)";
            case VGO -> "vrij gesubsidieerd onderwijs (VGO)";
            case SYNTRA -> "Syntra vzw's";
        };
    }

    public static String provinceName(Province p) {
        return Report.provinceName(p);
    }

    /** SO applications with a positive advice, with or without remarks: the seed's headline (93%). */
    public Report.VerdictRow soPositive() {
        return positive(r.soVerdicts());
    }

    /** The headline of §3.1 in the seed's words. */
    public String headline() {
        String so = pct(soPositive().sharePercent()), buso = pct(busoPositive().sharePercent());
        String verb = allDecided() ? "krijgen" : "krijgen volgens " + (r.decided() == 0 ? "het ontwerpadvies" : "de beslissingen en het ontwerpadvies");
        if (r.buso().count() == 0) return so + " van de aanvragen in het SO " + verb + " een positief advies van de SERV.";
        return so + " van de aanvragen in het SO en " + buso + " van de aanvragen in het BuSO " + verb + " een positief advies van de SERV.";
    }

    /** Bijlage 1: the shortages of one sector, in the order the sector wrote them, and its general remarks (null: none). */
    public record SectorShortages(String sector, String remarks, List<Report.SignalledShortage> rows) {
    }

    public List<SectorShortages> bijlage1() {
        Map<String, List<Report.SignalledShortage>> bySector = new LinkedHashMap<>();
        for (Report.SignalledShortage s : r.signalledShortages()) bySector.computeIfAbsent(s.partnership(), k -> new ArrayList<>()).add(s);
        List<SectorShortages> out = new ArrayList<>();
        bySector.forEach((code, rows) -> out.add(new SectorShortages(rows.get(0).sector(), r.shortageRemarks().get(code), List.copyOf(rows))));
        return out;
    }

    /** §3.2 and Bijlage 1: the shortages as the sectors count them, and how many applications answer. */
    public String shortagesSentence() {
        long open = r.signalledShortages().size() - answeredCount() - partlyAnsweredCount();
        return "De sectoren duiden " + r.signalledShortages().size() + " tekorten aan: opleidingen waarvoor bijkomend aanbod in een regio meer dan nodig is. "
                + answeredCount() + " daarvan worden door een aanvraag in die regio beantwoord"
                + (partlyAnsweredCount() > 0 ? ", " + partlyAnsweredCount() + " in een deel van de regio" : "")
                + "; voor de overige " + open + " is er geen enkele aanvraag.";
    }

    public String newTrajectoriesSentence() {
        return "Van de " + r.newTrajectories() + " nieuwe standaardtrajecten kregen er " + r.newTrajectoriesAsked()
                + " minstens één aanvraag; voor " + r.newWithoutApplication().size() + " werd geen aanvraag ingediend. In totaal blijven "
                + r.withoutApplication().size() + " trajecten van de catalogus zonder aanvraag.";
    }

    /** §2.5's rows: the signals some application carries (report.json lists them all, zeros included). */
    public List<Report.SignalRow> signalsFound() {
        return r.signals().stream().filter(s -> s.applications().count() > 0).toList();
    }

    public static final String SIGNALS_INTRO = "Niet uit alle programmatieaanvragen zijn visie en kwaliteitszorg af te leiden. "
            + "Bij de aanvragen SO ziet de SERV deze signalen; een signaal verandert het advies niet:";

    public long answeredCount() {
        return r.signalledShortages().stream().filter(s -> s.answered() && !s.partlyAnswered()).count();
    }

    public long partlyAnsweredCount() {
        return r.signalledShortages().stream().filter(Report.SignalledShortage::partlyAnswered).count();
    }

    /** Bijlage 1's last column: whether applications answer the shortage, and where when only in part. */
    public static String answered(Report.SignalledShortage s) {
        if (!s.answered()) return "";
        int n = s.answeredBy().count();
        String count = n + " " + applications(n);
        if (!s.partlyAnswered()) return "beantwoord (" + count + ")";
        List<String> where = s.answeredIn().stream().map(ReportView::provinceLabel).toList();
        return "beantwoord in " + String.join(", ", where) + " (" + count + ")";
    }

    private static String provinceLabel(String label) {
        return Province.parse(label).map(Report::provinceName).orElse(label);
    }

    public String previousYear() {
        if (r.previous() == null) return null;
        return r.previous().schoolYear() == null ? "vorig schooljaar" : r.previous().schoolYear();
    }

    // --- lists behind the counts -------------------------------------------------------------

    /** Registers the applications behind a count for the appendix; returns the anchor to link to. */
    public String link(String anchor, String title, Figure figure) {
        String id = "ids-" + anchor.replaceAll("[^A-Za-z0-9_-]", "_");
        lists.putIfAbsent(id, new IdList(id, title, figure));
        return id;
    }

    /** Every list linked so far, in the order of the page. */
    public List<IdList> lists() {
        return List.copyOf(lists.values());
    }

    // --- figures -----------------------------------------------------------------------------

    public Report.VerdictRow busoPositive() {
        return positive(r.busoVerdicts());
    }

    private static Report.VerdictRow positive(List<Report.VerdictRow> verdicts) {
        List<String> ids = new ArrayList<>();
        double share = 0;
        for (Report.VerdictRow v : verdicts) {
            if (v.verdict() != Verdict.POSITIVE && v.verdict() != Verdict.POSITIVE_WITH_REMARKS) continue;
            ids.addAll(v.applications().ids());
            share += v.sharePercent();
        }
        return new Report.VerdictRow(Verdict.POSITIVE, Figure.ofIds(ids), share);
    }

    public List<Report.ReasonRow> reasons(Verdict v) {
        return v == Verdict.NEGATIVE ? r.negativeReasons() : v == Verdict.NO_ADVICE ? r.noAdviceReasons() : List.of();
    }

    public List<Report.LevelRow> levelRows() {
        List<Report.LevelRow> rows = new ArrayList<>(r.levels());
        rows.add(r.busoLevel());
        return rows;
    }

    public String levelParts(Report.LevelRow l) {
        if (l.byLevel().size() < 2) return null;
        List<String> parts = new ArrayList<>();
        l.byLevel().forEach((level, f) -> parts.add(f.count() + " " + level.label()));
        return String.join(", ", parts);
    }

    public int tabel1So() {
        return r.tabel1().stream().mapToInt(Report.SectorRow::soApplications).sum();
    }

    public int tabel1Negative() {
        return r.tabel1().stream().mapToInt(s -> s.negativeOrNoAdvice().count()).sum();
    }

    public int tabel1Attention() {
        return r.tabel1().stream().mapToInt(s -> s.attentionPoints().count()).sum();
    }

    public int tabel1Buso() {
        return r.tabel1().stream().mapToInt(Report.SectorRow::busoApplications).sum();
    }

    public String colour(Verdict v) {
        return VERDICT_COLOURS.get(v);
    }

    /** The seed's style: whole percent from 10 on, one decimal below (3,2%). */
    public static String pct(double share) {
        if (share >= 10 || share == 0 || share == Math.rint(share)) return Math.round(share) + "%";
        return String.format(Locale.ROOT, "%.1f", share).replace('.', ',') + "%";
    }

    public static String change(Integer percent) {
        if (percent == null) return "–";
        if (percent > 0) return "+" + percent + "%";
        if (percent < 0) return "\u2212" + (-percent) + "%";
        return "0%";
    }

    public static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String applications(int n) {
        return n == 1 ? "aanvraag" : "aanvragen";
    }

    static String shortHash(String h) {
        if (h == null) return "";
        int colon = h.indexOf(':');
        String hex = colon >= 0 ? h.substring(colon + 1) : h;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    // --- charts ------------------------------------------------------------------------------

    public Chart provinceChart() {
        return new ReportCharts(this).provinces();
    }

    public Chart levelChart() {
        return new ReportCharts(this).levels();
    }

    public Chart sectorChart() {
        return new ReportCharts(this).sectors();
    }
}
