package be.serv.advies.server;

import be.serv.advies.explain.Explanation;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.Account;
import be.serv.advies.review.Decision;
import be.serv.advies.review.DraftSeen;
import be.serv.advies.review.Outcome;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Optional;

/** The work list, an application's page, and the decisions and comments made on it. */
final class ApplicationPages {
    private final Routes routes;
    private final SectorChecks sectors;
    private final ReviewStore store;
    private final Drafts drafts;

    ApplicationPages(Routes routes, SectorChecks sectors, ReviewStore store, Drafts drafts) {
        this.routes = routes;
        this.sectors = sectors;
        this.store = store;
        this.drafts = drafts;
    }

    void progress(Context ctx, Sessions.Session s) {
        ctx.html(Pages.progress(s.user, s.csrf, WorkList.rows(drafts.current(), store.latestAll())));
    }

    void list(Context ctx, Sessions.Session s) {
        Drafts.LoadState state = drafts.state();
        WorkList.Filter f = WorkList.Filter.of(ctx::queryParam).clean(SectorChecks.sectorCodes(state.run()));
        List<WorkList.Row> all = WorkList.rows(state.run(), store.latestAll());
        Integer page = SectorChecks.intParam(ctx.queryParam("pagina"));
        Pages.Refusal refused = s.takeRefusal("/");
        ctx.html(Pages.list(s.user, s.csrf, s.takeFlash(), refused == null ? null : refused.problem(), state, f, all, WorkList.apply(all, f), s.account, page == null ? 1 : page));
    }

    void detail(Context ctx, Sessions.Session s) {
        Drafts.LoadState state = drafts.state();
        String id = ctx.pathParam("id");
        Pages.Refusal refused = s.takeRefusal(detailPath(id));
        Optional<Explanation> e = Explanation.of(state.run(), id);
        if (e.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + Limits.cut(id) + "' staat niet in deze batch."));
            return;
        }
        boolean mayDecide = s.account.decidesOn(SectorChecks.partnershipOf(state.run(), id));
        String problem = refused == null ? null : refused.problem();
        Decision other = refused == null ? null : refused.other();
        Pages.Typed typed = refused == null ? null : refused.typed();
        Pages.Kept kept = s.kept;
        s.kept = null;
        String comment = refused == null || refused.comment() == null ? "" : refused.comment();
        if (kept != null) {
            if (typed == null && (!kept.advice().isEmpty() || !kept.reason().isEmpty())) typed = new Pages.Typed(kept.advice(), kept.reason());
            comment = kept.comment();
            if (problem == null) problem = "U was niet meer aangemeld; wat u typte staat hieronder, maar is nog niet vastgelegd.";
        }
        ctx.html(Pages.detail(s.user, s.csrf, s.takeFlash(), problem, state, e.get(), store.history(id),
                store.comments(id), other, typed, comment, mayDecide, nextOpen(state.run(), id, s.account, listOf(ctx, state.run())),
                listOf(ctx, state.run()).query()));
    }

    private static String detailPath(String id) {
        return "/aanvraag/" + id;
    }

    /**
     * A refused decision or comment: nothing was stored, and the answer is a redirect to the
     * application's page (in the reviewer's list), which shows the message and what they typed once
     * from the session, so a refresh there submits nothing again.
     */
    private void refuse(Context ctx, Sessions.Session s, String id, String problem, Decision other, Pages.Typed typed, String comment) {
        s.refusal = new Pages.Refusal(detailPath(id), problem, typed, comment, other, null);
        String query = listOf(ctx, drafts.current()).query();
        ctx.redirect("/aanvraag/" + Pages.urlPart(id) + (query.isEmpty() ? "" : "?" + query), HttpStatus.SEE_OTHER);
    }

    /**
     * The reviewer's list as they filtered and sorted it, carried along from the work list in the
     * query string of a detail page (GET) or in the field {@code lijst} of its forms (POST).
     */
    private WorkList.Filter listOf(Context ctx, DraftRun run) {
        String posted = ctx.method() == HandlerType.POST ? ctx.formParam("lijst") : null;
        WorkList.Filter f = posted != null ? WorkList.Filter.parse(posted) : WorkList.Filter.of(ctx::queryParam);
        return f.clean(SectorChecks.sectorCodes(run));
    }

    /**
     * The first application after {@code id} in the reviewer's list (filtered and sorted as they left
     * it, coming round to its start) that waits for a decision — open or a second look — and that
     * they may decide, so a decision leads on to the next; null when none is left.
     */
    private String nextOpen(DraftRun run, String id, Account account, WorkList.Filter list) {
        List<WorkList.Row> rows = WorkList.apply(WorkList.rows(run, store.latestAll()), list);
        int at = 0;
        while (at < rows.size() && !rows.get(at).app().getId().equals(id)) at++;
        int start = at < rows.size() ? at + 1 : 0;
        for (int i = 0; i < rows.size(); i++) {
            WorkList.Row r = rows.get((start + i) % rows.size());
            if (r.app().getId().equals(id)) continue;
            if (WorkList.waiting(r.status()) && account.decidesOn(r.sector().getCode())) return r.app().getId();
        }
        return null;
    }

    void confirm(Context ctx, Sessions.Session s) {
        decide(ctx, s, Decision.Kind.CONFIRM);
    }

    void override(Context ctx, Sessions.Session s) {
        decide(ctx, s, Decision.Kind.OVERRIDE);
    }

    private void decide(Context ctx, Sessions.Session s, Decision.Kind kind) {
        DraftRun run = drafts.current();
        String id = ctx.pathParam("id");
        Optional<Advice> draft = run.advice(id);
        if (draft.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + Limits.cut(id) + "' staat niet in deze batch."));
            return;
        }
        if (!sectors.mayDecide(ctx, s, run, id)) return;
        Pages.Typed typed = kind == Decision.Kind.OVERRIDE
                ? new Pages.Typed(ctx.formParam("advies"), Optional.ofNullable(ctx.formParam("reden")).orElse("")) : null;
        Integer version = SectorChecks.intParam(ctx.formParam("versie"));
        if (version == null || version < 0) {
            refuse(ctx, s, id, "Het formulier mist een geldige versie; er is niets vastgelegd. Hieronder ziet u de aanvraag "
                    + "zoals ze nu is; beslis opnieuw.", null, typed, null);
            return;
        }
        if (!run.rules().hash().equals(ctx.formParam("regels"))) {
            refuse(ctx, s, id, "De regels zijn gewijzigd sinds u deze pagina opende; het ontwerpadvies hieronder is het nieuwe. "
                    + "Er is niets vastgelegd: beslis opnieuw.", null, typed, null);
            return;
        }
        Verdict advice = draft.get().verdict();
        String reason = "";
        if (kind == Decision.Kind.OVERRIDE) {
            String a = ctx.formParam("advies");
            reason = typed.reason().strip();
            try {
                advice = Verdict.valueOf(a == null ? "" : a);
            } catch (IllegalArgumentException e) {
                refuse(ctx, s, id, "Kies een ander advies; er is niets vastgelegd.", null, typed, null);
                return;
            }
            if (advice == draft.get().verdict()) {
                refuse(ctx, s, id, "Het gekozen advies is het ontwerpadvies zelf; bevestig het dan, of kies een ander advies. "
                        + "Er is niets vastgelegd.", null, typed, null);
                return;
            }
            if (reason.isEmpty()) {
                refuse(ctx, s, id, "Een gewijzigd advies heeft een reden nodig; er is niets vastgelegd.", null, typed, null);
                return;
            }
        }
        DraftSeen seen = new DraftSeen(id, version, draft.get().verdict(), draft.get().reasons(), run.rules().hash(), run.batch().getInputHash());
        Outcome outcome = store.decide(seen, kind, advice, reason, s.user);
        if (!outcome.isCommitted() && outcome.otherDecision().isEmpty()) {
            refuse(ctx, s, id, "Uw beslissing is NIET vastgelegd: het formulier noemde versie " + version + ", maar de aanvraag staat op een "
                    + "andere versie. Hieronder ziet u de aanvraag zoals ze nu is; beslis opnieuw.", null, typed, null);
            return;
        }
        if (!outcome.isCommitted()) {
            Decision other = outcome.otherDecision().orElseThrow();
            refuse(ctx, s, id, "Uw beslissing is NIET vastgelegd: " + other.reviewer() + " heeft deze aanvraag intussen beslist. "
                    + "Bekijk die beslissing en beslis opnieuw als dat nodig is.", other, typed, null);
            return;
        }
        Decision d = outcome.committed();
        // On to the next application of the reviewer's own list, so a day's work needs no "next" clicks.
        WorkList.Filter list = listOf(ctx, run);
        String next = nextOpen(run, id, s.account, list);
        String done = (kind == Decision.Kind.CONFIRM ? "Bevestigd: " : "Gewijzigd: ") + id + ", advies " + d.advice().label() + ".";
        String query = list.query().isEmpty() ? "" : "?" + list.query();
        if (next == null) {
            s.flash = done + " In uw lijst wacht geen aanvraag meer op een beslissing.";
            ctx.redirect("/" + query, HttpStatus.SEE_OTHER);
        } else {
            s.flash = done + " Hieronder de volgende aanvraag uit uw lijst.";
            ctx.redirect("/aanvraag/" + Pages.urlPart(next) + query, HttpStatus.SEE_OTHER);
        }
    }

    void comment(Context ctx, Sessions.Session s) {
        DraftRun run = drafts.current();
        String id = ctx.pathParam("id");
        if (run.advice(id).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Aanvraag '" + Limits.cut(id) + "' staat niet in deze batch."));
            return;
        }
        if (!sectors.mayDecide(ctx, s, run, id)) return;
        String typedComment = Optional.ofNullable(ctx.formParam("tekst")).orElse("");
        String text = typedComment.strip();
        if (text.isEmpty()) {
            refuse(ctx, s, id, "Een opmerking heeft tekst nodig; er is niets vastgelegd.", null, null, typedComment);
            return;
        }
        store.comment(id, s.user, text);
        s.flash = "Opmerking toegevoegd.";
        String query = listOf(ctx, run).query();
        ctx.redirect("/aanvraag/" + Pages.urlPart(id) + (query.isEmpty() ? "" : "?" + query), HttpStatus.SEE_OTHER);
    }
}
