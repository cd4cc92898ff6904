package be.serv.advies.server;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.AuditLog;
import be.serv.advies.review.FinalAnnex;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.ReviewedWorkbook;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Optional;

/** The final annex as CSV or workbook (all, one sector, or a representative's own), and the audit log as CSV. */
final class ExportPages {
    private final Routes routes;
    private final SectorChecks sectors;
    private final ReviewStore store;
    private final Drafts drafts;

    ExportPages(Routes routes, SectorChecks sectors, ReviewStore store, Drafts drafts) {
        this.routes = routes;
        this.sectors = sectors;
        this.store = store;
        this.drafts = drafts;
    }

    private static String fileSuffix(DraftRun run, Context ctx) {
        String year = run.batch().getSchoolYear() == null ? "" : "-" + run.batch().getSchoolYear().replaceAll("[^0-9A-Za-z-]", "");
        String sector = Optional.ofNullable(ctx.queryParam("sector")).orElse("").replaceAll("[^0-9A-Za-z_-]", "");
        return year + (sector.isEmpty() ? "" : "-" + sector);
    }

    void exportCsv(Context ctx, Sessions.Session s) {
        Optional<DraftRun> run = sectors.exportable(ctx, s, drafts.current());
        if (run.isEmpty()) return;
        byte[] csv = FinalAnnex.csv(run.get(), store.latestAll());
        store.audit(AuditEntry.Event.EXPORT, s.user, routes.clientAddress(ctx), "annex CSV" + fileSuffix(run.get(), ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"annex-definitief" + fileSuffix(run.get(), ctx) + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    void exportXlsx(Context ctx, Sessions.Session s) throws IOException {
        Optional<DraftRun> run = sectors.exportable(ctx, s, drafts.current());
        if (run.isEmpty()) return;
        byte[] xlsx = ReviewedWorkbook.bytes(run.get(), store.latestAll());
        store.audit(AuditEntry.Event.EXPORT, s.user, routes.clientAddress(ctx), "annex xlsx" + fileSuffix(run.get(), ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"annex-definitief" + fileSuffix(run.get(), ctx) + ".xlsx\"");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(xlsx);
    }

    void exportAudit(Context ctx, Sessions.Session s) {
        store.audit(AuditEntry.Event.EXPORT, s.user, routes.clientAddress(ctx), "auditlogboek CSV");
        byte[] csv = AuditLog.csv(store.auditLog());
        ctx.header("Content-Disposition", "attachment; filename=\"auditlog.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }
}
