package be.serv.advies.report;

import be.serv.advies.output.Templates;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * report.html: one self-contained Dutch page (inline CSS and SVG, no script, nothing fetched) that
 * opens from disk and prints on A4, from the template {@code src/main/jte/report/report.jte}. Every
 * count a reader may doubt links to the list of the applications it counts, in the section "Welke
 * aanvragen?" at the end; every page, on screen and on paper, says whether the advice is a draft.
 */
public final class ReportHtml {
    private ReportHtml() {
    }

    public static byte[] bytes(Report report) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    public static String render(Report report) {
        return Templates.render("report/report.jte", new ReportView(Objects.requireNonNull(report, "report"), false));
    }

    /** The same page as laid out for report.pdf: counts without links, the lists of ids left to report.html and the annex. */
    static String renderForPdf(Report report) {
        return Templates.render("report/report.jte", new ReportView(Objects.requireNonNull(report, "report"), true));
    }
}
