package be.serv.advies.server;

import be.serv.advies.engine.Firing;
import be.serv.advies.explain.Explanation;
import be.serv.advies.load.Problem;
import be.serv.advies.model.Application;
import be.serv.advies.model.Finding;
import be.serv.advies.model.Level;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Province;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.Comment;
import be.serv.advies.review.Decision;
import be.serv.advies.review.Status;
import be.serv.advies.rules.CodeInfo;
import be.serv.advies.rules.Precedence;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Verdict;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static be.serv.advies.server.Html.esc;

/** The pages, in Dutch. Every value from the batch or from a reviewer goes through {@link Html#esc}. */
final class Pages {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Brussels"));

    private Pages() {
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String login(String csrf, String message, String name) {
        Html h = new Html();
        h.raw("<h1>Aanmelden</h1>");
        if (message != null) h.raw("<div class=\"error\" id=\"message\">").text(message).raw("</div>");
        h.raw("<form method=\"post\" action=\"/aanmelden\">").raw(Html.csrfField(csrf))
                .raw("<p><label>Naam<br><input name=\"naam\" id=\"naam\" autocomplete=\"username\" value=\"").text(name == null ? "" : name).raw("\"></label></p>")
                .raw("<p><label>Wachtwoord<br><input type=\"password\" name=\"wachtwoord\" id=\"wachtwoord\" autocomplete=\"current-password\"></label></p>")
                .raw("<p><button type=\"submit\" id=\"aanmelden\">Aanmelden</button></p></form>");
        return Html.page("Aanmelden", null, csrf, h.toString());
    }

    static String message(String user, String csrf, String title, String text) {
        Html h = new Html();
        h.el("h1", title).raw("<div class=\"error\" id=\"message\">").text(text).raw("</div><p><a href=\"/\">Naar de werklijst</a></p>");
        return Html.page(title, user, csrf, h.toString());
    }

    private static String verdict(Verdict v) {
        return "<span class=\"v-" + v.name() + "\">" + esc(v.label()) + "</span>";
    }

    private static String status(Status s) {
        return "<span class=\"st-" + s.label().replace(' ', '-') + "\">" + esc(s.label()) + "</span>";
    }

    private static void rulesBar(Html h, Drafts.LoadState state, String csrf) {
        DraftRun run = state.run();
        h.raw("<div class=\"bar\"><span>Regels <code id=\"rules-hash\">").text(run.rules().hash().substring(0, 12))
                .raw("</code> geladen ").text(time(state.loadedAt()))
                .raw(", invoer <code>").text(run.batch().getInputHash().substring(0, 12)).raw("</code></span>")
                .raw("<form method=\"post\" action=\"/regels/herladen\" class=\"inline\">").raw(Html.csrfField(csrf))
                .raw("<button type=\"submit\" id=\"reload\">Regels herladen</button></form>")
                .raw("<a href=\"/export/annex.csv\" id=\"export-csv\">Annex exporteren (CSV)</a>")
                .raw("<a href=\"/export/annex.xlsx\" id=\"export-xlsx\">Annex als werkboek (xlsx)</a></div>");
        if (!state.lastProblems().isEmpty()) {
            h.raw("<div class=\"error\" id=\"rules-error\"><b>De gewijzigde regels konden niet geladen worden (")
                    .text(time(state.lastFailureAt())).raw("); de vorige regels blijven gelden.</b><ul>");
            for (Problem p : state.lastProblems()) h.raw("<li>").text(p.toString()).raw("</li>");
            h.raw("</ul></div>");
        }
    }

    static String list(String user, String csrf, String flash, Drafts.LoadState state, WorkList.Filter f,
                       List<WorkList.Row> all, List<WorkList.Row> shown) {
        DraftRun run = state.run();
        Html h = new Html();
        h.raw("<h1>Werklijst");
        if (run.batch().getSchoolYear() != null) h.raw(" ").text(run.batch().getSchoolYear());
        h.raw("</h1>");
        if (flash != null) h.raw("<div class=\"flash\" id=\"flash\">").text(flash).raw("</div>");
        rulesBar(h, state, csrf);

        Map<Status, Integer> counts = WorkList.counts(all);
        h.raw("<p class=\"counts\" id=\"counts\">");
        for (Map.Entry<Status, Integer> e : counts.entrySet()) {
            h.raw("<span id=\"count-" + e.getKey().name() + "\">").text(e.getKey().label()).raw(": <b>").text(e.getValue()).raw("</b></span>");
        }
        h.raw("<span>totaal: <b>").text(all.size()).raw("</b></span></p>");

        h.raw("<form method=\"get\" action=\"/\" class=\"filters\" id=\"filters\">");
        select(h, "advies", "Ontwerpadvies", f.verdict(), enumOptions(Verdict.values(), Verdict::label));
        select(h, "status", "Status", f.status(), enumOptions(Status.values(), Status::label));
        select(h, "sector", "Sector", f.sector(), run.batch().getPartnerships().stream()
                .map(p -> new String[]{p.getCode(), p.getName()}).toList());
        select(h, "provincie", "Provincie", f.province(), enumOptions(Province.values(), Province::label));
        select(h, "niveau", "Niveau", f.level(), enumOptions(Level.values(), Level::label));
        h.raw("<label>School of traject<input name=\"q\" id=\"q\" value=\"").text(f.q()).raw("\"></label>");
        if (!f.sort().isEmpty()) h.raw("<input type=\"hidden\" name=\"sorteer\" value=\"").text(f.sort()).raw("\">");
        if (!f.dir().isEmpty()) h.raw("<input type=\"hidden\" name=\"richting\" value=\"").text(f.dir()).raw("\">");
        h.raw("<button type=\"submit\" id=\"filter\">Filteren</button> <a href=\"/\">Alles tonen</a></form>");

        List<WorkList.Row> bulk = WorkList.bulkCandidates(shown);
        h.raw("<div class=\"bar\"><span id=\"shown\">").text(shown.size()).raw(" van ").text(all.size()).raw(" aanvragen getoond</span>");
        if (!bulk.isEmpty()) {
            h.raw("<form method=\"post\" action=\"/bulk-bevestigen\" class=\"inline\" id=\"bulk-form\">").raw(Html.csrfField(csrf))
                    .raw("<input type=\"hidden\" name=\"regels\" value=\"").text(run.rules().hash()).raw("\">")
                    .raw("<input type=\"hidden\" name=\"terug\" value=\"").text(f.query()).raw("\">");
            for (WorkList.Row r : bulk) {
                h.raw("<input type=\"hidden\" name=\"aanvraag\" value=\"").text(r.app().getId() + ":" + r.version()).raw("\">");
            }
            h.raw("<button type=\"submit\" id=\"bulk\">").text(bulk.size() == 1 ? "Bevestig het " : "Bevestig de ").text(bulk.size())
                    .raw(bulk.size() == 1 ? " open positieve ontwerpadvies" : " open positieve ontwerpadviezen")
                    .raw(" in deze lijst</button></form>");
        }
        h.raw("</div>");

        h.raw("<table id=\"worklist\"><thead><tr>");
        header(h, f, "id", "Id");
        header(h, f, "school", "School");
        header(h, f, "traject", "Traject");
        header(h, f, "sector", "Sector");
        header(h, f, "provincie", "Provincie");
        header(h, f, "niveau", "Niveau");
        header(h, f, "advies", "Ontwerpadvies");
        header(h, f, "redenen", "Redenen");
        header(h, f, "status", "Status");
        h.raw("<th>Beslist</th></tr></thead><tbody>");
        for (WorkList.Row r : shown) {
            Application a = r.app();
            h.raw("<tr data-id=\"").text(a.getId()).raw("\"><td><a href=\"/aanvraag/").text(urlPart(a.getId())).raw("\">").text(a.getId()).raw("</a></td>")
                    .raw("<td>").text(a.getInstitutionName()).raw("<br><small>").text(a.getPlace()).raw("</small></td>")
                    .raw("<td>").text(r.trajectory().getName()).raw("</td>")
                    .raw("<td>").text(r.sector().getName()).raw("</td>")
                    .raw("<td>").text(a.getProvince().label()).raw("</td>")
                    .raw("<td>").text(r.trajectory().getLevel().label()).raw("</td>")
                    .raw("<td>").raw(verdict(r.draft().verdict())).raw("</td>")
                    .raw("<td>").text(String.join(", ", r.draft().reasons())).raw("</td>")
                    .raw("<td class=\"status\">").raw(status(r.status())).raw("</td><td>");
            r.latest().ifPresent(d -> h.raw(verdict(d.advice())).raw("<br><small>").text(d.reviewer()).raw("</small>"));
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table>");
        return Html.page("Werklijst", user, csrf, h.toString());
    }

    private static <E extends Enum<E>> List<String[]> enumOptions(E[] values, java.util.function.Function<E, String> label) {
        return java.util.Arrays.stream(values).map(v -> new String[]{v.name(), label.apply(v)}).toList();
    }

    private static void select(Html h, String name, String label, String selected, List<String[]> options) {
        h.raw("<label>").text(label).raw("<select name=\"" + name + "\" id=\"f-" + name + "\"><option value=\"\">alle</option>");
        for (String[] o : options) {
            h.raw("<option value=\"").text(o[0]).raw(o[0].equals(selected) ? "\" selected>" : "\">").text(o[1]).raw("</option>");
        }
        h.raw("</select></label>");
    }

    private static void header(Html h, WorkList.Filter f, String column, String label) {
        String arrow = column.equals(f.sort()) ? ("af".equals(f.dir()) ? " \u25bc" : " \u25b2") : "";
        h.raw("<th><a href=\"/?").text(f.sortedBy(column).query()).raw("\">").text(label + arrow).raw("</a></th>");
    }

    static String urlPart(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String detail(String user, String csrf, String flash, String problem, Drafts.LoadState state, Explanation e,
                         List<Decision> history, List<Comment> comments, Decision other) {
        DraftRun run = state.run();
        Precedence precedence = run.rules().precedence();
        Application a = e.application();
        Advice draft = e.advice();
        Decision latest = history.isEmpty() ? null : history.get(history.size() - 1);
        Status status = Status.of(java.util.Optional.ofNullable(latest), draft);
        int version = latest == null ? 0 : latest.version();
        String action = "/aanvraag/" + urlPart(a.getId());

        Html h = new Html();
        h.raw("<p><a href=\"/\">&larr; Werklijst</a></p>");
        h.raw("<h1>Aanvraag ").text(a.getId()).raw(": ").text(e.trajectory().getName()).raw("</h1>");
        if (flash != null) h.raw("<div class=\"flash\" id=\"flash\">").text(flash).raw("</div>");
        if (problem != null) h.raw("<div class=\"error\" id=\"conflict\">").text(problem).raw("</div>");
        if (other != null) {
            h.raw("<div class=\"warn\" id=\"other-decision\">Beslissing van ").text(other.reviewer()).raw(" (")
                    .text(time(other.decidedAt())).raw("): ").text(other.kind().label()).raw(", advies ").raw(verdict(other.advice()));
            if (other.overridden()) h.raw(", reden: ").text(other.reason());
            h.raw("</div>");
        }
        h.raw("<p>Status: <b id=\"status\">").raw(status(status)).raw("</b></p>");
        if (status == Status.SECOND_LOOK) {
            h.raw("<div class=\"warn\" id=\"second-look\"><b>Tweede blik nodig:</b> het ontwerpadvies veranderde onder de nieuwe regels sinds ")
                    .text(latest.reviewer()).raw(" besliste. Vorig ontwerp: ").raw(verdict(latest.draftVerdict()))
                    .raw(" (").text(String.join(", ", latest.draftReasons())).raw("); nieuw ontwerp: ").raw(verdict(draft.verdict()))
                    .raw(" (").text(String.join(", ", draft.reasons())).raw("). De beslissing (").text(latest.kind().label())
                    .raw(", advies ").raw(verdict(latest.advice())).raw(") blijft staan tot iemand opnieuw beslist.</div>");
        }

        h.raw("<div class=\"cols\"><section id=\"facts\"><h2>Aanvraag</h2><table>");
        row(h, "School", a.getInstitutionName());
        row(h, "Instellingsnummer", a.getInstitutionNumber());
        row(h, "Vestigingsplaats", a.getCampusNumber() + ", " + a.getPlace());
        row(h, "Provincie", a.getProvince().label());
        row(h, "Net", a.getNetwork().label());
        row(h, "Soort aanbieder", a.getProviderType().name());
        row(h, "Onderwijs", a.getEducation().name());
        row(h, "Traject", e.trajectory().getName() + " (" + e.trajectory().getCode() + ")");
        row(h, "Niveau", e.trajectory().getLevel().label());
        row(h, "Sector", e.partnership().getName());
        row(h, "Eerste aanvraag", yes(a.isFirstApplication()));
        row(h, "Heraanvraag", yes(a.isReapplication()));
        row(h, "Verwachte instroom", a.getExpectedStudents());
        row(h, "Partnerbedrijven", a.getPartnerCompanies() + " (waarvan uit een andere sector: " + a.getPartnerCompaniesOtherSector() + ")");
        row(h, "Ervaring in de sector", yes(a.isSectorExperience()));
        row(h, "Infrastructuur", a.getInfrastructure());
        row(h, "Leermiddelen", a.getLearningResources());
        row(h, "Arbeidsmarktrelevantie aangetoond", yes(a.isLabourMarketShown()));
        row(h, "Samenwerking met bedrijven", a.getCompanyCooperation());
        row(h, "Provinciaal overlegplatform", a.getPlatformConsultation());
        h.raw("</table><h3>Tekst van de aanvraag</h3><pre id=\"application-text\">").text(a.getApplicationText()).raw("</pre></section>");

        h.raw("<section id=\"draft\"><h2>Ontwerpadvies: ").raw(verdict(draft.verdict())).raw("</h2>");
        if (!draft.reasons().isEmpty()) {
            h.raw("<p>Redenen:</p><ul>");
            for (String r : draft.reasons()) h.raw("<li><code>").text(r).raw("</code> ").text(precedence.label(r)).raw("</li>");
            h.raw("</ul>");
        }
        for (Map.Entry<String, List<String>> l : draft.lifted().entrySet()) {
            h.raw("<p>Opgeheven: <code>").text(l.getKey()).raw("</code> door <code>").text(String.join(", ", l.getValue())).raw("</code></p>");
        }
        if (!draft.signals().isEmpty()) h.raw("<p>Signalen: ").text(String.join(", ", draft.signals())).raw("</p>");
        h.raw("<p id=\"motivation\">").text(draft.motivation()).raw("</p>");

        h.raw("<h3>Beslissen</h3>");
        h.raw("<form method=\"post\" action=\"").text(action + "/bevestigen").raw("\" id=\"confirm-form\">").raw(Html.csrfField(csrf));
        hiddenSeen(h, version, run);
        h.raw("<button type=\"submit\" id=\"confirm\">Ontwerpadvies bevestigen (").text(draft.verdict().label()).raw(")</button></form>");
        h.raw("<form method=\"post\" action=\"").text(action + "/wijzigen").raw("\" id=\"override-form\">").raw(Html.csrfField(csrf));
        hiddenSeen(h, version, run);
        h.raw("<p><label>Ander advies <select name=\"advies\" id=\"override-advice\">");
        for (Verdict v : Verdict.values()) {
            if (v != draft.verdict()) h.raw("<option value=\"" + v.name() + "\">").text(v.label()).raw("</option>");
        }
        h.raw("</select></label></p><p><label>Reden (verplicht)<textarea name=\"reden\" id=\"override-reason\" required></textarea></label></p>")
                .raw("<button type=\"submit\" id=\"override\">Advies wijzigen</button></form>");
        h.raw("<form method=\"post\" action=\"").text(action + "/opmerking").raw("\" id=\"comment-form\">").raw(Html.csrfField(csrf))
                .raw("<p><label>Opmerking<textarea name=\"tekst\" id=\"comment-text\" required></textarea></label></p>")
                .raw("<button type=\"submit\" id=\"comment\">Opmerking toevoegen</button></form>");
        h.raw("</section></div>");

        h.raw("<section id=\"history\"><h2>Geschiedenis</h2>");
        if (history.isEmpty() && comments.isEmpty()) h.raw("<p>Nog geen beslissingen of opmerkingen.</p>");
        else {
            h.raw("<table><thead><tr><th>Tijd</th><th>Beoordelaar</th><th>Wat</th><th>Advies</th><th>Reden / opmerking</th><th>Ontwerp gezien</th><th>Regels</th><th>Invoer</th></tr></thead><tbody>");
            record Line(Instant at, String html) {
            }
            List<Line> lines = new java.util.ArrayList<>();
            for (Decision d : history) {
                lines.add(new Line(d.decidedAt(), "<tr class=\"decision\"><td>" + esc(time(d.decidedAt())) + "</td><td>" + esc(d.reviewer())
                        + "</td><td>" + esc(d.kind().label() + (d.bulkId() != null ? " (in bulk)" : "") + ", versie " + d.version())
                        + "</td><td>" + verdict(d.advice()) + "</td><td>" + esc(d.reason()) + "</td><td>" + verdict(d.draftVerdict())
                        + " " + esc(String.join(", ", d.draftReasons())) + "</td><td><code>" + esc(d.rulesHash().substring(0, 12))
                        + "</code></td><td><code>" + esc(d.inputHash().substring(0, 12)) + "</code></td></tr>"));
            }
            for (Comment c : comments) {
                lines.add(new Line(c.at(), "<tr class=\"comment\"><td>" + esc(time(c.at())) + "</td><td>" + esc(c.reviewer())
                        + "</td><td>opmerking</td><td></td><td>" + esc(c.text()) + "</td><td></td><td></td><td></td></tr>"));
            }
            lines.sort(java.util.Comparator.comparing(Line::at));
            lines.forEach(l -> h.raw(l.html()));
            h.raw("</tbody></table>");
        }
        h.raw("</section>");

        h.raw("<section id=\"explanation\"><h2>Uitleg</h2><h3>Regels die vuurden (").text(e.fired().size()).raw(")</h3><ol>");
        for (Firing f : e.fired()) {
            h.raw("<li><b>").text(f.rule()).raw("</b> <small>[").text(f.file()).raw("]</small><ul>");
            for (Finding x : f.findings()) {
                if (!x.getApplicationId().equals(a.getId()) || !x.isApplies()) continue;
                h.raw("<li><code>").text(x.getCode()).raw("</code>: ").text(x.getText()).raw("</li>");
            }
            for (String fact : f.facts()) {
                if (fact.startsWith("Aanvraag " + a.getId() + " ")) continue;
                h.raw("<li>feit: ").text(fact).raw("</li>");
            }
            for (Map.Entry<String, String> b : f.bindings().entrySet()) h.raw("<li>").text(b.getKey() + " = " + b.getValue()).raw("</li>");
            h.raw("</ul></li>");
        }
        h.raw("</ol><h3>Criteria die niet van toepassing zijn (").text(e.cleared().size()).raw(")</h3><ul>");
        for (Finding f : e.cleared()) {
            h.raw("<li><code>").text(f.getCode()).raw("</code> (").text(precedence.label(f.getCode())).raw("): ").text(f.getText())
                    .raw(" <small>[").text(f.getRule() + ", " + f.getRuleFile()).raw("]</small></li>");
        }
        h.raw("</ul>");
        if (!e.notAssessed().isEmpty()) {
            h.raw("<h3>Geen regel besloot over</h3><ul>");
            for (CodeInfo c : e.notAssessed()) h.raw("<li><code>").text(c.code()).raw("</code> (").text(c.kind()).raw("): ").text(c.label()).raw("</li>");
            h.raw("</ul>");
        }
        h.raw("<p><small>Regels <code>").text(e.rulesHash()).raw("</code>, invoer <code>").text(e.inputHash()).raw("</code></small></p></section>");
        return Html.page("Aanvraag " + a.getId(), user, csrf, h.toString());
    }

    private static void hiddenSeen(Html h, int version, DraftRun run) {
        h.raw("<input type=\"hidden\" name=\"versie\" value=\"").text(version).raw("\">")
                .raw("<input type=\"hidden\" name=\"regels\" value=\"").text(run.rules().hash()).raw("\">");
    }

    private static void row(Html h, String label, Object value) {
        h.raw("<tr><th>").text(label).raw("</th><td>").text(value).raw("</td></tr>");
    }

    private static String yes(boolean b) {
        return b ? "ja" : "nee";
    }

    static String sectorName(Partnership p) {
        return p.getName();
    }
}
