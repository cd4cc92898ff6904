package be.serv.advies.authoring;

import be.serv.advies.load.Problem;
import be.serv.advies.model.Finding;
import be.serv.advies.rules.RuleInfo;

import java.io.PrintWriter;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/** How {@code advies test} prints a run: failures with wanted and actual, coverage, and the summary line. */
public final class CaseReport {
    private CaseReport() {
    }

    public static void failures(CaseRunner.Run run, PrintWriter out) {
        for (Problem p : run.problems()) out.println("FOUT " + p);
        for (RuleInfo rule : run.unexercised()) {
            String cases = CaseRunner.casesFileOf(rule.file());
            if (run.withoutCases().contains(rule.file())) {
                out.println("FOUT " + rule.place() + ": regel '" + rule.name() + "' heeft geen gevallen: maak " + cases
                        + " met een geval waarin ze vuurt");
            } else {
                out.println("FOUT " + rule.place() + ": regel '" + rule.name() + "' vuurt in geen enkel geval van " + cases
                        + (run.coverage().getOrDefault(rule.name(), 0) > 0 ? " (alleen in gevallen van andere bestanden)" : "")
                        + "; voeg daar een geval toe waarin ze vuurt");
            }
        }
        for (CaseRunner.Result r : run.results()) {
            if (r.passed()) continue;
            CaseFile.Case c = r.c();
            out.println("FAALT " + c.where() + ": " + c.note());
            CaseFile.Want w = c.want();
            out.println("  verwacht: " + w.verdict().label() + (w.reasons() == null ? "" : ", redenen " + w.reasons())
                    + (w.found() == null ? "" : ", gevonden " + w.found()) + (w.notFound() == null ? "" : ", niet gevonden " + w.notFound()));
            if (r.advice() != null) {
                out.println("  gekregen: " + r.advice().verdict().label() + ", redenen " + r.advice().reasons());
                for (Finding f : r.advice().findings()) out.println("    + " + f.getCode() + " (" + f.getRule() + "): " + f.getText());
            }
            for (String f : r.failures()) out.println("  - " + f);
        }
    }

    public static void coverage(CaseRunner.Run run, PrintWriter out) {
        out.println("Dekking: per regel het aantal gevallen waarin ze vuurde");
        for (RuleInfo rule : run.rules()) {
            out.printf("  %4d  %s (%s)%n", run.coverage().getOrDefault(rule.name(), 0), rule.name(), rule.file());
        }
        if (run.neverFired().isEmpty()) out.println("Elke regel vuurde in minstens één geval.");
        else out.println("Nooit gevuurd: " + String.join(", ", run.neverFired()));
    }

    public static void summary(CaseRunner.Run run, PrintWriter out) {
        out.println(run.passed() + " geslaagd, " + run.failed() + " mislukt");
    }

    /** Per rule how many applications of a batch made it fire, and the rules that never did. */
    public static void batchCoverage(List<RuleInfo> rules, Map<String, Integer> firedByApplications, PrintWriter out) {
        out.println("Dekking: per regel het aantal aanvragen waarvoor ze vuurde");
        List<String> never = new ArrayList<>();
        for (RuleInfo rule : rules) {
            int n = firedByApplications.getOrDefault(rule.name(), 0);
            if (n == 0) never.add(rule.name());
            out.printf("  %4d  %s (%s)%n", n, rule.name(), rule.file());
        }
        out.println(never.isEmpty() ? "Elke regel vuurde voor minstens één aanvraag." : "Nooit gevuurd: " + String.join(", ", never));
    }
}
