package be.serv.advies.server;

import be.serv.advies.review.AuditEntry;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Status;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Arrays;
import java.util.Optional;

/** The secretariat's audit log page and its reload of the rules. */
final class SecretariatPages {
    private final ReviewStore store;
    private final Drafts drafts;

    SecretariatPages(ReviewStore store, Drafts drafts) {
        this.store = store;
        this.drafts = drafts;
    }

    /** The audit log for the secretariat, newest first, filtered by event and actor, 100 lines a page. */
    void auditPage(Context ctx, Sessions.Session s) {
        String eventName = Optional.ofNullable(ctx.queryParam("gebeurtenis")).orElse("");
        AuditEntry.Event event = Arrays.stream(AuditEntry.Event.values()).filter(e -> e.name().equals(eventName)).findFirst().orElse(null);
        String actor = Optional.ofNullable(ctx.queryParam("wie")).orElse("").strip();
        int total = store.auditCount(event, actor);
        int pages = Math.max(1, (total + 99) / 100);
        Integer asked = SectorChecks.intParam(ctx.queryParam("pagina"));
        int page = Math.min(Math.max(asked == null ? 1 : asked, 1), pages);
        ctx.html(Pages.audit(s.user, s.csrf, store.auditPage(event, actor, (page - 1) * 100, 100), event == null ? "" : event.name(),
                actor, page, pages, total));
    }

    void reload(Context ctx, Sessions.Session s) {
        String back = "/?" + WorkList.Filter.parse(ctx.formParam("terug")).clean(SectorChecks.sectorCodes(drafts.current())).query();
        String before = drafts.current().rules().hash();
        boolean ok = drafts.reload("herladen door " + s.user, s.user);
        if (!ok) s.flash = "De regels konden niet geladen worden; de vorige regels blijven gelden (zie hieronder).";
        else if (before.equals(drafts.current().rules().hash())) s.flash = "Regels herladen: ongewijzigd.";
        else {
            long second = WorkList.rows(drafts.current(), store.latestAll()).stream().filter(r -> r.status() == Status.SECOND_LOOK).count();
            s.flash = "Regels herladen en ontwerpen opnieuw opgesteld; " + second + " beslist(e) aanvra(a)g(en) vragen een tweede blik.";
        }
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }
}
