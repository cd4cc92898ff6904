package be.serv.advies.report;

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
    public static String networkName(be.serv.advies.model.Network n) {
        return switch (n) {
            case GO -> "GO! onderwijs van de Vlaamse Gemeenschap";
            case OGO -> "officieel gesubsidieerd onderwijs (OGO)";
            case VGO -> "vrij gesubsidieerd onderwijs (VGO)";
            case SYNTRA -> "Syntra vzw's";
        };
    }

    public static String provinceName(be.serv.advies.model.Province p) {
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
        return be.serv.advies.model.Province.parse(label).map(Report::provinceName).orElse(label);
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
        String prevYear = previousYear();
        String thisYear = r.schoolYear() == null ? "dit jaar" : r.schoolYear();
        int w = 680, h = 250, left = 44, right = 12, top = 34, bottom = 50;
        boolean prev = r.provinces().stream().anyMatch(p -> p.change().previous() != null);
        int max = 1;
        for (Report.ProvinceRow p : r.provinces()) {
            max = Math.max(max, p.applications().count());
            if (p.change().previous() != null) max = Math.max(max, p.change().previous());
        }
        int step = niceStep(max);
        int axisMax = ((max + step - 1) / step) * step;
        double plotW = w - left - right, plotH = h - top - bottom;
        List<Line> grid = new ArrayList<>();
        List<Rect> rects = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        for (int v = 0; v <= axisMax; v += step) {
            double y = top + plotH - plotH * v / axisMax;
            grid.add(new Line(f(left), f(y), f(w - right), f(y)));
            texts.add(new Text(f(left - 6), f(y + 4), 11, "end", String.valueOf(v)));
        }
        double group = plotW / r.provinces().size();
        double bar = prev ? group * 0.34 : group * 0.5;
        for (int i = 0; i < r.provinces().size(); i++) {
            Report.ProvinceRow p = r.provinces().get(i);
            double x0 = left + group * i + (group - (prev ? 2 * bar + 4 : bar)) / 2;
            if (prev) {
                int pv = p.change().previous() == null ? 0 : p.change().previous();
                bar(rects, texts, x0, top + plotH, bar, plotH * pv / axisMax, LIGHT, String.valueOf(pv), prevYear + ": " + pv);
                x0 += bar + 4;
            }
            int now = p.applications().count();
            bar(rects, texts, x0, top + plotH, bar, plotH * now / axisMax, DARK, String.valueOf(now), thisYear + ": " + now);
            double cx = left + group * i + group / 2;
            // "Brussels Hoofdstedelijk Gewest" is too long for one line under its bar.
            String name = provinceName(p.province());
            int space = name.indexOf(' ');
            texts.add(new Text(f(cx), f(h - bottom + 15), 12, "middle", space < 0 ? name : name.substring(0, space)));
            if (space >= 0) texts.add(new Text(f(cx), f(h - bottom + 28), 10, "middle", name.substring(space + 1)));
            if (p.change().percent() != null) texts.add(new Text(f(cx), f(h - bottom + 42), 11, "middle", change(p.change().percent())));
        }
        List<String[]> legend = prev ? List.of(new String[]{LIGHT, prevYear}, new String[]{DARK, thisYear}) : List.<String[]>of(new String[]{DARK, thisYear});
        legend(rects, texts, left, 14, legend);
        return new Chart("chart-provinces", "Figuur 1. Aanvragen SO per provincie" + (prev ? ", " + prevYear + " en " + thisYear : ""),
                w, h, grid, rects, texts);
    }

    public Chart levelChart() {
        List<Report.LevelRow> rows = r.levels();
        int w = 680, rowH = 26, left = 290, right = 110, top = 6;
        int h = top + rowH * rows.size() + 6;
        int max = Math.max(1, rows.stream().mapToInt(l -> l.applications().count()).max().orElse(1));
        List<Rect> rects = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Report.LevelRow l = rows.get(i);
            double y = top + i * rowH;
            double bw = (w - left - right) * (double) l.applications().count() / max;
            texts.add(new Text(f(left - 8), f(y + 17), 12, "end", l.label()));
            rects.add(new Rect(f(left), f(y + 4), f(bw), f(rowH - 8), DARK, l.label() + ": " + l.applications().count()));
            texts.add(new Text(f(left + bw + 6), f(y + 17), 11, "start", l.applications().count() + " (" + pct(l.sharePercent()) + ")"));
        }
        return new Chart("chart-levels", "Figuur 2. Aandeel van de aanvragen SO per niveau", w, h, List.of(), rects, texts);
    }

    /**
     * Tabel 1 as bars: per sector its SO applications, split into exactly the table's two counted
     * columns (negative or no advice; positive with a sector's point of attention) and the rest.
     */
    public Chart sectorChart() {
        List<Report.SectorRow> rows = r.tabel1().stream().filter(s -> s.soApplications() > 0).toList();
        int w = 680, rowH = 18, left = 250, right = 40, top = 26;
        int h = top + rowH * rows.size() + 4;
        int max = Math.max(1, rows.stream().mapToInt(Report.SectorRow::soApplications).max().orElse(1));
        List<Rect> rects = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        legend(rects, texts, 10, 14, List.of(new String[]{T1_NEGATIVE, "negatief of geen advies"},
                new String[]{T1_ATTENTION, "positief met aandachtspunten"}, new String[]{T1_OTHER, "overige aanvragen SO"}));
        for (int i = 0; i < rows.size(); i++) {
            Report.SectorRow s = rows.get(i);
            double y = top + i * rowH;
            texts.add(new Text(f(left - 8), f(y + 13), 11, "end", s.name()));
            int neg = s.negativeOrNoAdvice().count(), att = s.attentionPoints().count();
            int[] counts = {neg, att, s.soApplications() - neg - att};
            String[] fills = {T1_NEGATIVE, T1_ATTENTION, T1_OTHER};
            String[] names = {"negatief of geen advies", "positief met aandachtspunten", "overige aanvragen SO"};
            double x = left;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] <= 0) continue;
                double bw = (w - left - right) * (double) counts[k] / max;
                rects.add(new Rect(f(x), f(y + 2), f(bw), f(rowH - 4), fills[k], s.name() + ", " + names[k] + ": " + counts[k]));
                x += bw;
            }
            texts.add(new Text(f(x + 5), f(y + 13), 11, "start", String.valueOf(s.soApplications())));
        }
        return new Chart("chart-tabel1", "Figuur 3. Tabel 1 per sectoraal partnerschap: aanvragen SO, negatief of geen advies, positief met aandachtspunten",
                w, h, List.of(), rects, texts);
    }

    private static void bar(List<Rect> rects, List<Text> texts, double x, double base, double width, double height, String fill,
                            String label, String title) {
        rects.add(new Rect(f(x), f(base - height), f(width), f(height), fill, title));
        texts.add(new Text(f(x + width / 2), f(base - height - 4), 11, "middle", label));
    }

    private static void legend(List<Rect> rects, List<Text> texts, int x, int y, List<String[]> items) {
        int cx = x;
        for (String[] item : items) {
            rects.add(new Rect(f(cx), f(y - 10), "12", "12", item[0], null));
            texts.add(new Text(f(cx + 16), f(y), 12, "start", item[1]));
            cx += 36 + item[1].length() * 7;
        }
    }

    private static int niceStep(int max) {
        for (int s : new int[]{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) if (max / s <= 6) return s;
        return 2000;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
