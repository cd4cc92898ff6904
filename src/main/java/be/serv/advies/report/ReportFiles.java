package be.serv.advies.report;

import be.serv.advies.output.AtomicOutput;
import be.serv.advies.pipeline.DraftRun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Writes report.json, report.html, report.pdf, report.docx and annex.xlsx into one folder, all five or none. */
public final class ReportFiles {
    public static final List<String> NAMES = List.of("report.json", "report.html", "report.pdf", "report.docx", "annex.xlsx");

    private ReportFiles() {
    }

    public static void write(DraftRun run, Report report, Path out) throws IOException {
        Objects.requireNonNull(run, "run");
        write(report, AnnexWorkbook.bytes(run), out);
    }

    /** With an annex workbook made elsewhere (the review fills in its confirmed advice and reviewer). */
    public static void write(Report report, byte[] annexWorkbook, Path out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(annexWorkbook, "annexWorkbook");
        Objects.requireNonNull(out, "out");
        new AtomicOutput(out)
                .add("report.json", ReportJson.bytes(report))
                .add("report.html", ReportHtml.bytes(report))
                .add("report.pdf", ReportPdf.bytes(report))
                .add("report.docx", ReportDocx.bytes(report))
                .add("annex.xlsx", annexWorkbook)
                .commit();
    }
}
