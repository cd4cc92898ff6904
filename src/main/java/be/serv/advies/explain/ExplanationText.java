package be.serv.advies.explain;

import be.serv.advies.engine.Firing;
import be.serv.advies.model.Application;
import be.serv.advies.model.Finding;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.model.Verdict;
import be.serv.advies.rules.CodeInfo;
import be.serv.advies.rules.Precedence;
import be.serv.advies.verdict.Advice;
import be.serv.advies.verdict.Texts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The explanation as a reader sees it in a terminal, in Dutch. */
public final class ExplanationText {
    private ExplanationText() {
    }

    public static String render(Explanation e, Precedence precedence, Explanation.View view) {
        Objects.requireNonNull(e, "explanation");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(view, "view");
        StringBuilder s = new StringBuilder();
        Application a = e.application();
        Advice advice = e.advice();
        s.append("Aanvraag ").append(a.getId()).append(": ").append(e.trajectory().getName())
                .append(" (").append(e.trajectory().getLevel().label()).append(", ").append(a.getEducation()).append(")\n");
        s.append("  ").append(a.getInstitutionName()).append(" (instelling ").append(a.getInstitutionNumber())
                .append(", vestigingsplaats ").append(a.getCampusNumber()).append("), ").append(a.getPlace())
                .append(", ").append(a.getProvince()).append("; ").append(a.getNetwork().label()).append(", ")
                .append(a.getProviderType()).append('\n');
        s.append("  Sector: ").append(e.partnership().getName()).append('\n');
        s.append('\n');
        s.append("Ontwerpadvies: ").append(advice.verdict().label()).append('\n');
        if (!advice.reasons().isEmpty()) {
            s.append("Redenen:\n");
            for (String r : advice.reasons()) s.append("  - ").append(precedence.label(r)).append('\n');
        }
        for (Map.Entry<String, List<String>> l : advice.lifted().entrySet()) {
            s.append("Opgeheven: ").append(precedence.label(l.getKey())).append(", door: ")
                    .append(Texts.enumerate(l.getValue().stream().map(precedence::label).toList())).append('\n');
        }
        s.append("Motivering: ").append(advice.motivation()).append('\n');
        if (e.previous() != null) previous(s, e.previous(), a, precedence);

        if (view != Explanation.View.WHY_NOT) {
            s.append('\n').append("Regels die vuurden (").append(e.fired().size()).append("):\n");
            int i = 0;
            for (Firing f : e.fired()) {
                s.append(String.format("  %d. %s  [%s]%n", ++i, f.rule(), f.file()));
                for (Finding finding : f.findings()) {
                    if (!finding.getApplicationId().equals(a.getId()) || !finding.isApplies()) continue;
                    CodeInfo info = precedence.code(finding.getCode());
                    s.append("     -> ").append(info == null ? "" : Texts.kind(info.kind()) + " ")
                            .append("'").append(precedence.label(finding.getCode())).append("': ").append(finding.getText()).append('\n');
                }
                for (String fact : f.facts()) {
                    if (fact.startsWith("Aanvraag " + a.getId() + " ")) continue;
                    s.append("     feit: ").append(fact).append('\n');
                }
                for (Map.Entry<String, String> b : f.bindings().entrySet()) {
                    s.append("     ").append(b.getKey()).append(" = ").append(b.getValue()).append('\n');
                }
            }
        }
        if (view != Explanation.View.FIRED) {
            s.append('\n').append("Criteria die niet van toepassing zijn (").append(e.cleared().size()).append("):\n");
            for (Finding f : e.cleared()) {
                s.append("  - ").append(precedence.label(f.getCode())).append(": ")
                        .append(f.getText()).append("  [").append(f.getRule()).append(", ").append(f.getRuleFile()).append("]\n");
            }
            if (!e.notAssessed().isEmpty()) {
                s.append('\n').append("Geen regel besloot over (de voorwaarden van die regels pasten niet op deze aanvraag):\n");
                for (CodeInfo c : e.notAssessed()) {
                    s.append("  - ").append(Texts.kind(c.kind())).append(": ").append(c.label()).append('\n');
                }
            }
        }
        s.append('\n').append("Regels: ").append(e.rulesHash(), 0, 12).append("  invoer: ").append(e.inputHash(), 0, 12).append('\n');
        return s.toString();
    }

    /** Last year's advice under its own heading, with both years' figures side by side. */
    private static void previous(StringBuilder s, PreviousAdvice p, Application a, Precedence precedence) {
        s.append('\n').append("Advies vorig jaar (aanvraag ").append(p.getPreviousId()).append("):\n");
        s.append("  Advies: ").append(Verdict.valueOf(p.getAdvice()).label());
        if (!p.isDecided()) s.append(" (ontwerp; niet beoordeeld)");
        else if (p.isOverridden()) s.append(" (gewijzigd; ontwerp: ").append(Verdict.valueOf(p.getDraftVerdict()).label())
                .append(p.getOverrideReason().isEmpty() ? "" : "; reden: " + p.getOverrideReason()).append(')');
        else s.append(" (ontwerp bevestigd)");
        s.append('\n');
        if (!p.getReasons().isEmpty()) {
            s.append("  Redenen van het ontwerp: ").append(Texts.enumerate(p.getReasons().stream().map(precedence::label).toList())).append('\n');
        }
        if (!p.getFollowUp().isEmpty()) s.append("  Opvolging: ").append(p.getFollowUp()).append('\n');
        s.append("  Vorig jaar / nu: ").append(String.join("; ", List.of(
                "verwachte leerlingen " + count(p.getExpectedStudents()) + " / " + a.getExpectedStudents(),
                "partnerbedrijven " + count(p.getPartnerCompanies()) + " / " + a.getPartnerCompanies(),
                "infrastructuur " + sufficiency(p.getInfrastructure()) + " / " + sufficiency(a.getInfrastructure()),
                "leermiddelen " + sufficiency(p.getLearningResources()) + " / " + sufficiency(a.getLearningResources())))).append('\n');
    }

    private static String count(int n) {
        return n < 0 ? "onbekend" : String.valueOf(n);
    }

    private static String sufficiency(Sufficiency v) {
        return v == null ? "onbekend" : v.name().toLowerCase(Locale.ROOT);
    }
}
