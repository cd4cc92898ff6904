package be.serv.advies.review;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.report.AnnexWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The report's annex workbook with its review columns filled in: "Bevestigd advies" gets the decided
 * advice, "Reden van wijziging" the reason of an override and "Nagekeken door" the reviewer. Open
 * applications keep those cells empty. Written in one streaming pass, as the draft annex is.
 */
public final class ReviewedWorkbook {
    private ReviewedWorkbook() {
    }

    public static byte[] bytes(DraftRun run, Map<String, Decision> latest) throws IOException {
        Objects.requireNonNull(latest, "latest");
        return AnnexWorkbook.bytes(run, id -> review(latest.get(id)));
    }

    public static void write(DraftRun run, Map<String, Decision> latest, OutputStream out) throws IOException {
        Objects.requireNonNull(latest, "latest");
        AnnexWorkbook.write(run, id -> review(latest.get(id)), out);
    }

    private static AnnexWorkbook.Review review(Decision d) {
        if (d == null) return null;
        return new AnnexWorkbook.Review(d.advice().label(), d.overridden() ? d.reason() : null, d.reviewer());
    }
}
