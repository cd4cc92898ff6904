package be.serv.advies.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's three charts as shapes (bars, grid lines, labels), drawn from its figures: the same
 * shapes become SVG in report.html and report.pdf ({@code chart.jte}) and an image in report.docx.
 */
final class ReportCharts {
    private final ReportView view;
    private final Report r;

    ReportCharts(ReportView view) {
        this.view = view;
        this.r = view.r();
    }

    ReportView.Chart provinces() {
        String prevYear = view.previousYear();
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
        List<ReportView.Line> grid = new ArrayList<>();
        List<ReportView.Rect> rects = new ArrayList<>();
        List<ReportView.Text> texts = new ArrayList<>();
        for (int v = 0; v <= axisMax; v += step) {
            double y = top + plotH - plotH * v / axisMax;
            grid.add(new ReportView.Line(f(left), f(y), f(w - right), f(y)));
            texts.add(new ReportView.Text(f(left - 6), f(y + 4), 11, "end", String.valueOf(v)));
        }
        double group = plotW / r.provinces().size();
        double bar = prev ? group * 0.34 : group * 0.5;
        for (int i = 0; i < r.provinces().size(); i++) {
            Report.ProvinceRow p = r.provinces().get(i);
            double x0 = left + group * i + (group - (prev ? 2 * bar + 4 : bar)) / 2;
            if (prev) {
                int pv = p.change().previous() == null ? 0 : p.change().previous();
                bar(rects, texts, x0, top + plotH, bar, plotH * pv / axisMax, ReportView.LIGHT, String.valueOf(pv), prevYear + ": " + pv);
                x0 += bar + 4;
            }
            int now = p.applications().count();
            bar(rects, texts, x0, top + plotH, bar, plotH * now / axisMax, ReportView.DARK, String.valueOf(now), thisYear + ": " + now);
            double cx = left + group * i + group / 2;
            // "Brussels Hoofdstedelijk Gewest" is too long for one line under its bar.
            String name = ReportView.provinceName(p.province());
            int space = name.indexOf(' ');
            texts.add(new ReportView.Text(f(cx), f(h - bottom + 15), 12, "middle", space < 0 ? name : name.substring(0, space)));
            if (space >= 0) texts.add(new ReportView.Text(f(cx), f(h - bottom + 28), 10, "middle", name.substring(space + 1)));
            if (p.change().percent() != null) texts.add(new ReportView.Text(f(cx), f(h - bottom + 42), 11, "middle", ReportView.change(p.change().percent())));
        }
        List<String[]> legend = prev ? List.of(new String[]{ReportView.LIGHT, prevYear}, new String[]{ReportView.DARK, thisYear}) : List.<String[]>of(new String[]{ReportView.DARK, thisYear});
        legend(rects, texts, left, 14, legend);
        return new ReportView.Chart("chart-provinces", "Figuur 1. Aanvragen SO per provincie" + (prev ? ", " + prevYear + " en " + thisYear : ""),
                w, h, grid, rects, texts);
    }

    ReportView.Chart levels() {
        List<Report.LevelRow> rows = r.levels();
        int w = 680, rowH = 26, left = 290, right = 110, top = 6;
        int h = top + rowH * rows.size() + 6;
        int max = Math.max(1, rows.stream().mapToInt(l -> l.applications().count()).max().orElse(1));
        List<ReportView.Rect> rects = new ArrayList<>();
        List<ReportView.Text> texts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Report.LevelRow l = rows.get(i);
            double y = top + i * rowH;
            double bw = (w - left - right) * (double) l.applications().count() / max;
            texts.add(new ReportView.Text(f(left - 8), f(y + 17), 12, "end", l.label()));
            rects.add(new ReportView.Rect(f(left), f(y + 4), f(bw), f(rowH - 8), ReportView.DARK, l.label() + ": " + l.applications().count()));
            texts.add(new ReportView.Text(f(left + bw + 6), f(y + 17), 11, "start", l.applications().count() + " (" + ReportView.pct(l.sharePercent()) + ")"));
        }
        return new ReportView.Chart("chart-levels", "Figuur 2. Aandeel van de aanvragen SO per niveau", w, h, List.of(), rects, texts);
    }

    /**
     * Tabel 1 as bars: per sector its SO applications, split into exactly the table's two counted
     * columns (negative or no advice; positive with a sector's point of attention) and the rest.
     */
    ReportView.Chart sectors() {
        List<Report.SectorRow> rows = r.tabel1().stream().filter(s -> s.soApplications() > 0).toList();
        int w = 680, rowH = 18, left = 250, right = 40, top = 26;
        int h = top + rowH * rows.size() + 4;
        int max = Math.max(1, rows.stream().mapToInt(Report.SectorRow::soApplications).max().orElse(1));
        List<ReportView.Rect> rects = new ArrayList<>();
        List<ReportView.Text> texts = new ArrayList<>();
        legend(rects, texts, 10, 14, List.of(new String[]{ReportView.T1_NEGATIVE, "negatief of geen advies"},
                new String[]{ReportView.T1_ATTENTION, "positief met aandachtspunten"}, new String[]{ReportView.T1_OTHER, "overige aanvragen SO"}));
        for (int i = 0; i < rows.size(); i++) {
            Report.SectorRow s = rows.get(i);
            double y = top + i * rowH;
            texts.add(new ReportView.Text(f(left - 8), f(y + 13), 11, "end", s.name()));
            int neg = s.negativeOrNoAdvice().count(), att = s.attentionPoints().count();
            int[] counts = {neg, att, s.soApplications() - neg - att};
            String[] fills = {ReportView.T1_NEGATIVE, ReportView.T1_ATTENTION, ReportView.T1_OTHER};
            String[] names = {"negatief of geen advies", "positief met aandachtspunten", "overige aanvragen SO"};
            double x = left;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] <= 0) continue;
                double bw = (w - left - right) * (double) counts[k] / max;
                rects.add(new ReportView.Rect(f(x), f(y + 2), f(bw), f(rowH - 4), fills[k], s.name() + ", " + names[k] + ": " + counts[k]));
                x += bw;
            }
            texts.add(new ReportView.Text(f(x + 5), f(y + 13), 11, "start", String.valueOf(s.soApplications())));
        }
        return new ReportView.Chart("chart-tabel1", "Figuur 3. Tabel 1 per sectoraal partnerschap: aanvragen SO, negatief of geen advies, positief met aandachtspunten",
                w, h, List.of(), rects, texts);
    }

    private static void bar(List<ReportView.Rect> rects, List<ReportView.Text> texts, double x, double base, double width, double height, String fill,
                            String label, String title) {
        rects.add(new ReportView.Rect(f(x), f(base - height), f(width), f(height), fill, title));
        texts.add(new ReportView.Text(f(x + width / 2), f(base - height - 4), 11, "middle", label));
    }

    private static void legend(List<ReportView.Rect> rects, List<ReportView.Text> texts, int x, int y, List<String[]> items) {
        int cx = x;
        for (String[] item : items) {
            rects.add(new ReportView.Rect(f(cx), f(y - 10), "12", "12", item[0], null));
            texts.add(new ReportView.Text(f(cx + 16), f(y), 12, "start", item[1]));
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
