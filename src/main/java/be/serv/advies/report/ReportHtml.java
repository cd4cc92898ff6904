package be.serv.advies.report;

import be.serv.advies.output.HtmlText;
import be.serv.advies.model.Level;
import be.serv.advies.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * report.html: one self-contained Dutch page (inline CSS and SVG, no script, nothing fetched) that
 * opens from disk and prints on A4. Every count a reader may doubt links to the list of the
 * applications it counts, in the section "Welke aanvragen?" at the end.
 */
public final class ReportHtml {
    private static final String DARK = "#1d5b86";
    private static final String LIGHT = "#a9c6dc";
    private static final Map<Verdict, String> VERDICT_COLOURS = Map.of(
            Verdict.POSITIVE, "#2e7d32", Verdict.POSITIVE_WITH_REMARKS, "#9ccc65",
            Verdict.NEGATIVE, "#c62828", Verdict.NO_ADVICE, "#9e9e9e");

    private final Report r;
    private final StringBuilder out = new StringBuilder(256 * 1024);
    /** Anchor → (title, figure), written at the end of the page. */
    private final Map<String, Object[]> lists = new LinkedHashMap<>();

    private ReportHtml(Report r) {
        this.r = r;
    }

    public static byte[] bytes(Report report) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    public static String render(Report report) {
        return new ReportHtml(Objects.requireNonNull(report, "report")).page();
    }

    private String page() {
        String year = r.schoolYear() == null ? "" : " " + r.schoolYear();
        String prevYear = r.previous() == null ? null : r.previous().schoolYear() == null ? "vorig schooljaar" : r.previous().schoolYear();
        out.append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Programmatieaanvragen Duaal Leren").append(esc(year)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>Programmatieaanvragen Duaal Leren").append(esc(year)).append("</h1>\n");
        out.append("<p class=\"lead\">Cijfers en adviezen per aanvraag, berekend uit de batch en de adviezen")
                .append(prevYear == null ? "" : ", met de verandering ten opzichte van " + esc(prevYear))
                .append(". Aantallen gelden voor het gewoon secundair onderwijs (SO), tenzij BuSO vermeld staat.</p>\n");
        out.append("<p class=\"stamp\">Regels ").append(esc(shortHash(r.rulesHash()))).append(" · invoer ")
                .append(esc(shortHash(r.inputHash()))).append(" · ").append(esc(r.basis())).append("</p>\n</header>\n");

        keyFigures();
        networks();
        provinces(prevYear);
        levels();
        gaps();
        advice();
        tabel1();
        shortages();
        appendix();
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void keyFigures() {
        out.append("<section class=\"keys\">\n");
        key(r.so().count(), "aanvragen SO", link("so", "Alle aanvragen SO", r.so()), r.soChange());
        key(r.buso().count(), "aanvragen BuSO", link("buso", "Alle aanvragen BuSO", r.buso()), r.busoChange());
        key(r.institutions().size(), "unieke instellingen SO", null, null);
        key(r.firstTimeInstitutions().size(), "instellingen voor het eerst", link("first", "Aanvragen van instellingen die voor het eerst aanvragen", r.firstTimeApplications()), null);
        key(r.reapplications().count(), "her-aanvragen", link("reapp", "Her-aanvragen", r.reapplications()), null);
        key(r.fullTime().count(), "van een voltijdse school (" + pct(r.fullTimeSharePercent()) + ")", link("vt", "Aanvragen van voltijdse scholen", r.fullTime()), null);
        out.append("</section>\n");
    }

    private void key(int value, String label, String href, Change change) {
        out.append("<div class=\"key\"><span class=\"num\">");
        if (href != null) out.append("<a href=\"#").append(href).append("\">").append(value).append("</a>");
        else out.append(value);
        out.append("</span><span class=\"lbl\">").append(esc(label));
        if (change != null && change.percent() != null) out.append(" <span class=\"chg\">(").append(change(change.percent())).append(")</span>");
        out.append("</span></div>\n");
    }

    private void networks() {
        out.append("<section>\n<h2>Aanvragen per net en aanbieder</h2>\n<table>\n<thead><tr><th>Net of aanbieder</th><th class=\"n\">Aanvragen</th><th class=\"n\">Aandeel</th>")
                .append("<th class=\"n\">Voltijdse school</th><th class=\"n\">Aandeel voltijds</th>").append(hasPrevious() ? "<th class=\"n\">Vorig jaar</th><th class=\"n\">Verandering</th>" : "")
                .append("</tr></thead>\n<tbody>\n");
        for (Report.NetworkRow n : r.networks()) {
            out.append("<tr><td>").append(esc(n.network().label())).append("</td>")
                    .append(num(link("net-" + n.network().name(), "Aanvragen " + n.network().label(), n.applications()), n.applications().count()))
                    .append("<td class=\"n\">").append(pct(n.sharePercent())).append("</td>")
                    .append(num(link("net-vt-" + n.network().name(), "Aanvragen " + n.network().label() + " van een voltijdse school", n.fullTime()), n.fullTime().count()))
                    .append("<td class=\"n\">").append(n.applications().count() == 0 ? "–" : pct(n.fullTimeSharePercent())).append("</td>");
            previousCells(n.change());
            out.append("</tr>\n");
        }
        out.append("<tr class=\"total\"><td>Totaal</td>").append(num(link("so", "Alle aanvragen SO", r.so()), r.so().count()))
                .append("<td class=\"n\">100%</td>").append(num(link("vt", "Aanvragen van voltijdse scholen", r.fullTime()), r.fullTime().count()))
                .append("<td class=\"n\">").append(pct(r.fullTimeSharePercent())).append("</td>");
        previousCells(r.soChange());
        out.append("</tr>\n</tbody>\n</table>\n");
        out.append("<p>").append(r.fullTime().count()).append(" aanvragen (").append(pct(r.fullTimeSharePercent()))
                .append(") komen van een voltijdse school, <a href=\"#").append(link("cdo", "Aanvragen van een CDO of Syntra", r.notFullTime())).append("\">")
                .append(r.notFullTime().count()).append("</a> van een Centrum voor Deeltijds Onderwijs of een Syntra. ")
                .append(r.institutions().size()).append(" unieke instellingen dienden een aanvraag in; voor ")
                .append(r.firstTimeInstitutions().size()).append(" is het de eerste keer (instellingsnummers ")
                .append(esc(String.join(", ", r.firstTimeInstitutions()))).append("). ")
                .append(r.reapplications().count()).append(" aanvragen zijn een her-aanvraag.</p>\n</section>\n");
    }

    private void provinces(String prevYear) {
        out.append("<section>\n<h2>Aanvragen per provincie</h2>\n");
        provinceChart(prevYear);
        out.append("<table>\n<thead><tr><th>Provincie</th><th class=\"n\">Aanvragen</th><th class=\"n\">Aandeel</th>")
                .append(hasPrevious() ? "<th class=\"n\">Vorig jaar</th><th class=\"n\">Verandering</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (Report.ProvinceRow p : r.provinces()) {
            out.append("<tr><td>").append(esc(p.province().label())).append("</td>")
                    .append(num(link("prov-" + p.province().name(), "Aanvragen " + p.province().label(), p.applications()), p.applications().count()))
                    .append("<td class=\"n\">").append(pct(p.sharePercent())).append("</td>");
            previousCells(p.change());
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void levels() {
        out.append("<section>\n<h2>Aanvragen per niveau en finaliteit</h2>\n");
        levelChart();
        out.append("<table>\n<thead><tr><th>Niveau</th><th class=\"n\">Aanvragen</th><th class=\"n\">Aandeel</th>")
                .append(hasPrevious() ? "<th class=\"n\">Verandering</th>" : "")
                .append("<th class=\"n\">Trajecten gevraagd</th><th class=\"n\">Aanvragen voor nieuwe trajecten</th><th class=\"n\">Nieuwe trajecten gevraagd</th><th class=\"n\">Voltijds</th></tr></thead>\n<tbody>\n");
        List<Report.LevelRow> rows = new ArrayList<>(r.levels());
        rows.add(r.busoLevel());
        for (Report.LevelRow l : rows) {
            boolean buso = l == r.busoLevel();
            out.append("<tr").append(buso ? " class=\"total\"" : "").append("><td>").append(esc(buso ? "BuSO opleidingsvorm 3" : l.label()));
            if (l.byLevel().size() > 1) {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<Level, Figure> e : l.byLevel().entrySet()) parts.add(e.getValue().count() + " " + e.getKey().label());
                out.append("<br><small>").append(esc(String.join(", ", parts))).append("</small>");
            }
            out.append("</td>").append(num(link("level-" + l.key(), "Aanvragen " + l.label(), l.applications()), l.applications().count()))
                    .append("<td class=\"n\">").append(buso ? "–" : pct(l.sharePercent())).append("</td>");
            if (hasPrevious()) out.append("<td class=\"n\">").append(l.change().percent() == null ? "–" : change(l.change().percent())).append("</td>");
            out.append("<td class=\"n\">").append(l.trajectoriesAsked()).append(" van ").append(l.trajectoriesPossible()).append("</td>")
                    .append(num(link("level-new-" + l.key(), "Aanvragen voor nieuwe trajecten, " + l.label(), l.newApplications()), l.newApplications().count()))
                    .append("<td class=\"n\">").append(l.newTrajectoriesAsked()).append(" van ").append(l.newTrajectoriesPossible()).append("</td>")
                    .append(num(link("level-vt-" + l.key(), "Aanvragen van voltijdse scholen, " + l.label(), l.fullTime()), l.fullTime().count()))
                    .append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n<p class=\"note\">Trajecten gevraagd: verschillende standaardtrajecten met minstens één aanvraag, van de mogelijke in de catalogus. Dubbele finaliteit: OK4 en Se-n-Se na OK4 samen.</p>\n</section>\n");
    }

    private void gaps() {
        out.append("<section>\n<h2>Nieuwe standaardtrajecten en trajecten zonder aanvraag</h2>\n");
        out.append("<p>Van de ").append(r.newTrajectories()).append(" nieuwe standaardtrajecten kregen er ").append(r.newTrajectoriesAsked())
                .append(" minstens één aanvraag; voor ").append(r.newWithoutApplication().size()).append(" werd geen aanvraag ingediend. In totaal blijven ")
                .append(r.withoutApplication().size()).append(" trajecten van de catalogus zonder aanvraag.</p>\n");
        out.append("<h3>Nieuwe standaardtrajecten zonder aanvraag</h3>\n");
        trajectoryTable(r.newWithoutApplication());
        out.append("<details><summary>Alle ").append(r.withoutApplication().size()).append(" trajecten zonder aanvraag</summary>\n");
        trajectoryTable(r.withoutApplication());
        out.append("</details>\n");
        if (!r.popular().isEmpty()) {
            out.append("<h3>Populaire standaardtrajecten (vanaf ").append(Report.POPULAR_FROM).append(" aanvragen)</h3>\n<table>\n<thead><tr><th>Standaardtraject</th><th>Niveau</th><th class=\"n\">Aanvragen</th></tr></thead>\n<tbody>\n");
            for (Report.PopularRow p : r.popular()) {
                out.append("<tr><td>").append(esc(p.trajectory().name())).append(p.trajectory().isNew() ? " <span class=\"tag\">nieuw</span>" : "")
                        .append("</td><td>").append(esc(p.trajectory().level().label())).append("</td>")
                        .append(num(link("pop-" + p.trajectory().code(), "Aanvragen " + p.trajectory().name(), p.applications()), p.applications().count()))
                        .append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("</section>\n");
    }

    private void trajectoryTable(List<Report.TrajectoryRef> refs) {
        if (refs.isEmpty()) {
            out.append("<p>Geen.</p>\n");
            return;
        }
        out.append("<table class=\"compact\">\n<thead><tr><th>Standaardtraject</th><th>Niveau</th><th>Sectoraal partnerschap</th></tr></thead>\n<tbody>\n");
        for (Report.TrajectoryRef t : refs) {
            out.append("<tr><td>").append(esc(t.name())).append(t.isNew() ? " <span class=\"tag\">nieuw</span>" : "").append("</td><td>")
                    .append(esc(t.level() == null ? "" : t.level().label())).append("</td><td>").append(esc(t.sector())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void advice() {
        out.append("<section>\n<h2>Advies</h2>\n<p>Van de ").append(r.so().count()).append(" programmatieaanvragen in het gewoon secundair onderwijs krijgt:</p>\n<table>\n")
                .append("<thead><tr><th>Advies</th><th class=\"n\">Aanvragen SO</th><th class=\"n\">Aandeel</th></tr></thead>\n<tbody>\n");
        for (Report.VerdictRow v : r.soVerdicts()) {
            out.append("<tr><td><span class=\"sw\" style=\"background:").append(VERDICT_COLOURS.get(v.verdict())).append("\"></span>")
                    .append(esc(cap(v.verdict().label()))).append("</td>")
                    .append(num(link("adv-" + v.verdict().name(), "Aanvragen SO met advies " + v.verdict().label(), v.applications()), v.applications().count()))
                    .append("<td class=\"n\">").append(pct(v.sharePercent())).append("</td></tr>\n");
            List<Report.ReasonRow> reasons = v.verdict() == Verdict.NEGATIVE ? r.negativeReasons() : v.verdict() == Verdict.NO_ADVICE ? r.noAdviceReasons() : List.of();
            for (Report.ReasonRow reason : reasons) {
                out.append("<tr class=\"sub\"><td>omwille van ").append(esc(reason.label())).append("</td>")
                        .append(num(link("reason-" + v.verdict().name() + "-" + reason.code(), "Advies " + v.verdict().label() + ": " + reason.label(), reason.applications()), reason.applications().count()))
                        .append("<td></td></tr>\n");
            }
            if (v.verdict() == Verdict.POSITIVE_WITH_REMARKS) {
                out.append("<tr class=\"sub\"><td>met een aandachtspunt van de sector (Tabel 1)</td>")
                        .append(num(link("attention", "Positief met aandachtspunten", r.attentionPoints()), r.attentionPoints().count())).append("<td></td></tr>\n")
                        .append("<tr class=\"sub\"><td>enkel een positieve bekrachtiging (niet in Tabel 1)</td>")
                        .append(num(link("confirm", "Positief met enkel een bekrachtiging", r.confirmationsOnly()), r.confirmationsOnly().count())).append("<td></td></tr>\n");
            }
        }
        out.append("</tbody>\n</table>\n");
        Report.VerdictRow busoPositive = r.busoVerdicts().stream().filter(v -> v.verdict() == Verdict.POSITIVE || v.verdict() == Verdict.POSITIVE_WITH_REMARKS)
                .reduce((a, b) -> new Report.VerdictRow(Verdict.POSITIVE, Figure.ofIds(concat(a.applications().ids(), b.applications().ids())), a.sharePercent() + b.sharePercent()))
                .orElseThrow();
        out.append("<p>Van de <a href=\"#").append(link("buso", "Alle aanvragen BuSO", r.buso())).append("\">").append(r.buso().count())
                .append("</a> programmatieaanvragen in het buitengewoon secundair onderwijs krijgen er <a href=\"#")
                .append(link("buso-pos", "Aanvragen BuSO met positief advies", busoPositive.applications())).append("\">").append(busoPositive.applications().count())
                .append("</a> (").append(pct(Change.share(busoPositive.applications().count(), r.buso().count()))).append(") een positief advies.</p>\n</section>\n");
    }

    private void tabel1() {
        out.append("<section class=\"wide\">\n<h2>Advies per sectoraal partnerschap (Tabel 1)</h2>\n");
        sectorChart();
        out.append("<table class=\"t1\">\n<thead><tr><th>Sectoraal partnerschap</th><th class=\"n\">Aanvragen SO</th><th class=\"n\">Negatieve appreciatie of geen advies</th>")
                .append("<th class=\"n\">Positief met aandachtspunten</th><th class=\"n\">Aanvragen BuSO</th><th>Motivatie</th></tr></thead>\n<tbody>\n");
        int so = 0, neg = 0, att = 0, buso = 0;
        for (Report.SectorRow s : r.tabel1()) {
            out.append("<tr><td>").append(esc(s.name())).append("</td><td class=\"n\">").append(s.soApplications()).append("</td>")
                    .append(num(link("t1-neg-" + s.code(), s.name() + ": negatief of geen advies", s.negativeOrNoAdvice()), s.negativeOrNoAdvice().count()))
                    .append(num(link("t1-att-" + s.code(), s.name() + ": positief met aandachtspunten", s.attentionPoints()), s.attentionPoints().count()))
                    .append("<td class=\"n\">").append(s.busoApplications()).append("</td><td class=\"mot\">").append(esc(s.motivation())).append("</td></tr>\n");
            so += s.soApplications();
            neg += s.negativeOrNoAdvice().count();
            att += s.attentionPoints().count();
            buso += s.busoApplications();
        }
        out.append("<tr class=\"total\"><td>Totaal</td><td class=\"n\">").append(so).append("</td><td class=\"n\">").append(neg).append("</td><td class=\"n\">")
                .append(att).append("</td><td class=\"n\">").append(buso).append("</td><td></td></tr>\n</tbody>\n</table>\n")
                .append("<p class=\"note\">Positief met aandachtspunten telt enkel bemerkingen van de sector; een positieve bekrachtiging (bv. een tekort dat de aanvraag beantwoordt) telt hier niet mee.</p>\n</section>\n");
    }

    private void shortages() {
        List<Report.ShortageRow> open = r.unansweredShortages();
        out.append("<section class=\"wide\">\n<h2>Tekorten zonder aanvraag (Bijlage 1)</h2>\n<p>De sectoren signaleren ").append(r.shortages().size())
                .append(" tekorten; ").append(open.size()).append(" daarvan beantwoordt geen enkele aanvraag in die regio. Hier is programmatie welkom:</p>\n");
        if (!open.isEmpty()) {
            out.append("<table class=\"compact\">\n<thead><tr><th>Sector</th><th>Standaardtraject</th><th>Regio</th><th>De sector schrijft</th></tr></thead>\n<tbody>\n");
            for (Report.ShortageRow s : open) {
                out.append("<tr><td>").append(esc(s.sector())).append("</td><td>").append(esc(s.trajectory().name())).append("</td><td>")
                        .append(esc(s.region())).append("</td><td class=\"quote\">“").append(esc(s.text())).append("”</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        List<Report.ShortageRow> answered = r.shortages().stream().filter(Report.ShortageRow::answered).toList();
        if (!answered.isEmpty()) {
            out.append("<details><summary>").append(answered.size()).append(" tekorten met minstens één aanvraag</summary>\n<table class=\"compact\">\n<thead><tr><th>Sector</th><th>Standaardtraject</th><th>Regio</th><th class=\"n\">Aanvragen</th></tr></thead>\n<tbody>\n");
            int i = 0;
            for (Report.ShortageRow s : answered) {
                out.append("<tr><td>").append(esc(s.sector())).append("</td><td>").append(esc(s.trajectory().name())).append("</td><td>").append(esc(s.region())).append("</td>")
                        .append(num(link("short-" + (i++) + "-" + s.trajectory().code(), "Aanvragen die het tekort " + s.trajectory().name() + " in " + s.region() + " beantwoorden", s.answeredBy()), s.answeredBy().count()))
                        .append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n</details>\n");
        }
        out.append("</section>\n");
    }

    private void appendix() {
        out.append("<section class=\"appendix\">\n<h2>Welke aanvragen?</h2>\n<p class=\"note\">De aanvragen achter elk aantal in dit rapport, per id zoals in de annex.</p>\n");
        for (Map.Entry<String, Object[]> e : lists.entrySet()) {
            Figure f = (Figure) e.getValue()[1];
            out.append("<details id=\"").append(e.getKey()).append("\"><summary>").append(esc((String) e.getValue()[0])).append(": ")
                    .append(f.count()).append(f.count() == 1 ? " aanvraag" : " aanvragen").append("</summary><p class=\"ids\">")
                    .append(esc(String.join(", ", f.ids()))).append("</p></details>\n");
        }
        out.append("</section>\n");
    }

    // --- charts -------------------------------------------------------------------------------

    private void provinceChart(String prevYear) {
        int w = 680, h = 260, left = 44, right = 12, top = 34, bottom = 40;
        boolean prev = r.provinces().stream().anyMatch(p -> p.change().previous() != null);
        int max = 1;
        for (Report.ProvinceRow p : r.provinces()) {
            max = Math.max(max, p.applications().count());
            if (p.change().previous() != null) max = Math.max(max, p.change().previous());
        }
        int step = niceStep(max);
        int axisMax = ((max + step - 1) / step) * step;
        double plotW = w - left - right, plotH = h - top - bottom;
        svgOpen(w, h, "Aanvragen per provincie" + (prev ? ", met " + prevYear + " ernaast" : ""));
        for (int v = 0; v <= axisMax; v += step) {
            double y = top + plotH - plotH * v / axisMax;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", left, w - right, y, y))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%d</text>\n", left - 6, y + 4, v));
        }
        double group = plotW / r.provinces().size();
        double bar = prev ? group * 0.34 : group * 0.5;
        for (int i = 0; i < r.provinces().size(); i++) {
            Report.ProvinceRow p = r.provinces().get(i);
            double x0 = left + group * i + (group - (prev ? 2 * bar + 4 : bar)) / 2;
            if (prev) {
                int pv = p.change().previous() == null ? 0 : p.change().previous();
                bar(x0, top + plotH, bar, plotH * pv / axisMax, LIGHT, String.valueOf(pv), prevYear + ": " + pv);
                x0 += bar + 4;
            }
            int now = p.applications().count();
            bar(x0, top + plotH, bar, plotH * now / axisMax, DARK, String.valueOf(now), (r.schoolYear() == null ? "dit jaar" : r.schoolYear()) + ": " + now);
            String label = p.province().label();
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"lbl\" text-anchor=\"middle\">%s</text>\n",
                    left + group * i + group / 2, h - bottom + 16, esc(label)));
            if (p.change().percent() != null) {
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>\n",
                        left + group * i + group / 2, h - bottom + 31, esc(change(p.change().percent()))));
            }
        }
        legend(left, 14, prev ? List.of(new String[]{LIGHT, prevYear}, new String[]{DARK, r.schoolYear() == null ? "dit jaar" : r.schoolYear()})
                : List.<String[]>of(new String[]{DARK, r.schoolYear() == null ? "dit jaar" : r.schoolYear()}));
        out.append("</svg>\n");
    }

    private void levelChart() {
        List<Report.LevelRow> rows = r.levels();
        int w = 680, rowH = 30, left = 290, right = 110, top = 8;
        int h = top + rowH * rows.size() + 8;
        int max = Math.max(1, rows.stream().mapToInt(l -> l.applications().count()).max().orElse(1));
        svgOpen(w, h, "Aandeel van de aanvragen SO per niveau");
        for (int i = 0; i < rows.size(); i++) {
            Report.LevelRow l = rows.get(i);
            double y = top + i * rowH;
            double bw = (w - left - right) * (double) l.applications().count() / max;
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"lbl\" text-anchor=\"end\">%s</text>", left - 8, y + 19, esc(l.label())));
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                    left, y + 5, bw, rowH - 10, DARK, esc(l.label() + ": " + l.applications().count())));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\">%d (%s)</text>\n", left + bw + 6, y + 19,
                    l.applications().count(), esc(pct(l.sharePercent()))));
        }
        out.append("</svg>\n");
    }

    private void sectorChart() {
        List<Report.SectorRow> rows = r.tabel1().stream().filter(s -> s.soApplications() > 0).toList();
        if (rows.isEmpty()) return;
        int w = 680, rowH = 22, left = 250, right = 40, top = 30;
        int h = top + rowH * rows.size() + 6;
        int max = Math.max(1, rows.stream().mapToInt(Report.SectorRow::soApplications).max().orElse(1));
        svgOpen(w, h, "Advies per sectoraal partnerschap, aanvragen SO");
        List<String[]> legend = new ArrayList<>();
        for (Verdict v : Verdict.values()) legend.add(new String[]{VERDICT_COLOURS.get(v), v.label()});
        legend(10, 14, legend);
        for (int i = 0; i < rows.size(); i++) {
            Report.SectorRow s = rows.get(i);
            double y = top + i * rowH;
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"lbl\" text-anchor=\"end\">%s</text>", left - 8, y + 15, esc(s.name())));
            double x = left;
            for (Verdict v : Verdict.values()) {
                int c = s.soByVerdict().get(v).count();
                if (c == 0) continue;
                double bw = (w - left - right) * (double) c / max;
                out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                        x, y + 3, bw, rowH - 6, VERDICT_COLOURS.get(v), esc(s.name() + ", " + v.label() + ": " + c)));
                x += bw;
            }
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\">%d</text>\n", x + 5, y + 15, s.soApplications()));
        }
        out.append("</svg>\n");
    }

    private void svgOpen(int w, int h, String title) {
        out.append(String.format(Locale.ROOT, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\"><title>%s</title>\n",
                w, h, w, h, esc(title), esc(title)));
    }

    private void bar(double x, double base, double width, double height, String fill, String label, String title) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                x, base - height, width, height, fill, esc(title)));
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\" text-anchor=\"middle\">%s</text>\n", x + width / 2, base - height - 4, esc(label)));
    }

    private void legend(int x, int y, List<String[]> items) {
        int cx = x;
        for (String[] item : items) {
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" class=\"lbl\">%s</text>",
                    cx, y - 10, item[0], cx + 16, y, esc(item[1])));
            cx += 30 + item[1].length() * 7;
        }
        out.append("\n");
    }

    private static int niceStep(int max) {
        for (int s : new int[]{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000}) if (max / s <= 6) return s;
        return 2000;
    }

    // --- helpers ------------------------------------------------------------------------------

    private boolean hasPrevious() {
        return r.previous() != null;
    }

    private void previousCells(Change c) {
        if (!hasPrevious()) return;
        out.append("<td class=\"n\">").append(c.previous() == null ? "–" : String.valueOf(c.previous())).append("</td><td class=\"n\">")
                .append(c.percent() == null ? "–" : change(c.percent())).append("</td>");
    }

    /** Registers a list of applications for the appendix; returns its anchor. */
    private String link(String anchor, String title, Figure figure) {
        String id = "ids-" + anchor.replaceAll("[^A-Za-z0-9_-]", "_");
        lists.putIfAbsent(id, new Object[]{title, figure});
        return id;
    }

    private static String num(String anchor, int count) {
        if (count == 0) return "<td class=\"n\">0</td>";
        return "<td class=\"n\"><a href=\"#" + anchor + "\">" + count + "</a></td>";
    }

    /** The seed's style: whole percent from 10 on, one decimal below (3,2%). */
    static String pct(double share) {
        if (share >= 10 || share == 0 || share == Math.rint(share)) return Math.round(share) + "%";
        return String.format(Locale.ROOT, "%.1f", share).replace('.', ',') + "%";
    }

    static String change(int percent) {
        if (percent > 0) return "+" + percent + "%";
        if (percent < 0) return "\u2212" + (-percent) + "%";
        return "0%";
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String shortHash(String h) {
        if (h == null) return "";
        int colon = h.indexOf(':');
        String hex = colon >= 0 ? h.substring(colon + 1) : h;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String esc(String s) {
        return HtmlText.escape(s);
    }

    private static final String CSS = """
            :root { --ink: #1b2733; --muted: #5b6b7a; --line: #d5dde5; --accent: #1d5b86; }
            * { box-sizing: border-box; }
            body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1000px; padding: 24px 28px 48px; line-height: 1.45; font-size: 14px; }
            header { border-bottom: 3px solid var(--accent); margin-bottom: 18px; }
            h1 { font-size: 26px; margin: 0 0 6px; color: var(--accent); }
            h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            .lead { margin: 0 0 4px; }
            .stamp, .note { color: var(--muted); font-size: 12px; }
            .keys { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; }
            .key { border: 1px solid var(--line); border-left: 4px solid var(--accent); padding: 8px 12px; border-radius: 3px; }
            .key .num { display: block; font-size: 24px; font-weight: bold; }
            .key .lbl { color: var(--muted); }
            .chg { white-space: nowrap; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0; }
            th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #eef3f7; font-weight: 600; }
            td.n, th.n { text-align: right; }
            td.n { white-space: nowrap; }
            tr.total td { font-weight: bold; border-top: 2px solid var(--ink); }
            tr.sub td { color: var(--muted); padding-left: 24px; font-size: 13px; }
            table.compact td, table.compact th { padding: 2px 6px; font-size: 13px; }
            table.t1 td:first-child { min-width: 190px; }
            table.t1 td.mot { font-size: 12px; color: var(--muted); }
            td.quote { font-style: italic; }
            .tag { background: #fff3c4; border: 1px solid #e5cf6b; border-radius: 3px; font-size: 11px; padding: 0 4px; }
            .sw { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; }
            a { color: var(--accent); }
            figure { margin: 8px 0; }
            svg { max-width: 100%; height: auto; font-family: inherit; }
            svg .grid { stroke: #e3e8ee; }
            svg .axis { font-size: 11px; fill: var(--muted); }
            svg .lbl { font-size: 12px; fill: var(--ink); }
            svg .val { font-size: 11px; fill: var(--ink); }
            details { margin: 4px 0; }
            summary { cursor: pointer; }
            .ids { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; margin: 4px 0 8px 16px; word-break: break-word; }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              section { break-inside: auto; }
              h2, h3 { break-after: avoid; }
              tr, figure, .key { break-inside: avoid; }
              a { color: inherit; text-decoration: none; }
              .appendix { break-before: page; }
            }
            """;
}
