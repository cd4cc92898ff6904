package be.serv.advies.server;

import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.BulkResult;
import be.serv.advies.review.Decision;
import be.serv.advies.review.DraftSeen;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.Status;
import be.serv.advies.verdict.Advice;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Bulk confirmation of a filtered list's positive drafts, and the secretariat's undo of one. */
final class BulkPages {
    private final Routes routes;
    private final ReviewStore store;
    private final Drafts drafts;

    BulkPages(Routes routes, ReviewStore store, Drafts drafts) {
        this.routes = routes;
        this.store = store;
        this.drafts = drafts;
    }

    /** The step before a bulk confirmation: which open positive drafts of the filtered list it would confirm. */
    void bulkPage(Context ctx, Sessions.Session s) {
        Drafts.LoadState state = drafts.state();
        WorkList.Filter f = WorkList.Filter.of(ctx::queryParam).clean(SectorChecks.sectorCodes(state.run()));
        List<WorkList.Row> all = WorkList.rows(state.run(), store.latestAll());
        List<WorkList.Row> candidates = WorkList.bulkCandidates(WorkList.apply(all, f)).stream()
                .filter(r -> s.account.decidesOn(r.sector().getCode())).toList();
        ctx.html(Pages.bulkConfirm(s.user, s.csrf, state, f, candidates));
    }

    void bulk(Context ctx, Sessions.Session s) {
        DraftRun run = drafts.current();
        // The address to return to is rebuilt from what a filter can hold, before anything is written,
        // so the answer after the commit is a short redirect that cannot fail.
        String back = "/?" + WorkList.Filter.parse(ctx.formParam("terug")).clean(SectorChecks.sectorCodes(run)).query();
        List<String> items = ctx.formParams("aanvraag");
        if (items.size() > run.advices().size()) {
            refuseBulk(ctx, s, back, "Dit formulier noemt meer aanvragen dan de batch heeft; er is niets vastgelegd.");
            return;
        }
        if (!run.rules().hash().equals(ctx.formParam("regels"))) {
            refuseBulk(ctx, s, back, "De regels zijn gewijzigd sinds u de lijst opende; er is niets bevestigd. Bekijk de lijst opnieuw.");
            return;
        }
        Map<String, Decision> latest = store.latestAll();
        List<DraftSeen> seen = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> notWaiting = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (String item : items) {
            int colon = item.lastIndexOf(':');
            Integer version = colon < 0 ? null : SectorChecks.intParam(item.substring(colon + 1));
            String id = colon < 0 ? item : item.substring(0, colon);
            Optional<Advice> draft = run.advice(id);
            if (version == null || version < 0 || draft.isEmpty() || !named.add(id)) {
                refused.add(Limits.cut(id));
                continue;
            }
            String code = SectorChecks.partnershipOf(run, id);
            if (!s.account.decidesOn(code)) {
                routes.forbidden(ctx, s, SectorChecks.notYours(s, run, code) + " (aanvraag " + id + "; geen enkele aanvraag van deze bulkbevestiging is bevestigd)");
                return;
            }
            // Only what waits for a decision (open, or a second look): a settled decision is never confirmed over.
            if (!WorkList.waiting(Status.of(Optional.ofNullable(latest.get(id)), draft.get()))) notWaiting.add(id);
            seen.add(new DraftSeen(id, version, draft.get().verdict(), draft.get().reasons(), run.rules().hash(), run.batch().getInputHash()));
        }
        if (!refused.isEmpty()) {
            refuseBulk(ctx, s, back, "Bulkbevestiging geweigerd. Er is niets bevestigd: dit formulier noemt aanvragen die niet in deze "
                    + "batch staan, dubbel voorkomen of geen geldige versie hebben: " + Limits.list(refused) + ".");
            return;
        }
        // The store checks each version against the application's latest in the same transaction.
        BulkResult result = notWaiting.isEmpty() ? store.bulkConfirm(seen, s.user) : new BulkResult("", List.of(), notWaiting);
        if (result.refused()) {
            refuseBulk(ctx, s, back, "Bulkbevestiging geweigerd. Er is niets bevestigd: deze aanvragen werden intussen beslist (of het "
                    + "formulier noemde een andere versie): " + Limits.list(result.stale()) + ". Bekijk de lijst hieronder opnieuw en bevestig dan.");
            return;
        }
        s.flash = result.confirmed().size() + (result.confirmed().size() == 1 ? " ontwerpadvies" : " ontwerpadviezen") + " bevestigd.";
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    /** A refused bulk confirmation: nothing was stored; back to the reviewer's list, which shows why once. */
    private static void refuseBulk(Context ctx, Sessions.Session s, String back, String problem) {
        Routes.refuseTo(ctx, s, back, Pages.Refusal.of("/", problem));
    }

    /** The secretariat's list of recent bulk confirmations, each with a button that undoes it. */
    void bulksPage(Context ctx, Sessions.Session s) {
        Pages.Refusal refused = s.takeRefusal("/bulk-ongedaan");
        ctx.html(Pages.bulks(s.user, s.csrf, s.takeFlash(), refused == null ? null : refused.problem(), store.bulks()));
    }

    void undoBulk(Context ctx, Sessions.Session s) {
        String id = Optional.ofNullable(ctx.formParam("bulk")).orElse("");
        if (store.bulks().stream().noneMatch(b -> b.id().equals(id))) {
            Routes.refuseTo(ctx, s, "/bulk-ongedaan", Pages.Refusal.of("/bulk-ongedaan", "Die bulkbevestiging bestaat niet (meer); er is niets gewijzigd."));
            return;
        }
        List<String> reopened = store.undoBulk(id, s.user);
        s.flash = reopened.size() + " bevestiging(en) ongedaan gemaakt; die aanvragen staan weer open. Wat intussen opnieuw beslist werd, bleef staan.";
        ctx.redirect("/bulk-ongedaan", HttpStatus.SEE_OTHER);
    }
}
