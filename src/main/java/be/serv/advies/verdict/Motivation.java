package be.serv.advies.verdict;

import be.serv.advies.model.Finding;
import be.serv.advies.model.Verdict;
import be.serv.advies.rules.CodeInfo;
import be.serv.advies.rules.Kind;
import be.serv.advies.rules.Precedence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Dutch motivation of a draft. Every sentence comes from a finding: the rules' own texts
 * for what applies, the {@code cleared} phrases of {@code precedence.yaml} for the criteria checked
 * and cleared; the few fixed words around them are in {@link Texts}.
 */
final class Motivation {
    private Motivation() {
    }

    static String write(Verdict verdict, List<Finding> deciding, Map<Kind, List<Finding>> byKind,
                        Map<String, List<String>> lifted, List<Finding> applying, List<Finding> cleared,
                        Precedence precedence) {
        List<String> parts = new ArrayList<>();
        parts.add(Texts.get("verdict." + verdict.name()));
        for (Finding f : deciding) parts.add(sentence(f.getText()));
        if (verdict == Verdict.POSITIVE) {
            List<String> checked = clearedPhrases(cleared, applying, precedence);
            if (!checked.isEmpty()) parts.set(0, Texts.get("motivation.positive", Texts.enumerate(checked)));
        }
        List<String> further = new ArrayList<>();
        for (Kind kind : precedence.order()) {
            if (Drafter.verdictOf(kind) == verdict) continue;
            for (Finding f : byKind.getOrDefault(kind, List.of())) further.add(sentence(f.getText()));
        }
        if (!further.isEmpty()) parts.add(Texts.get("motivation.further", String.join(" ", further)));
        for (Map.Entry<String, List<String>> e : lifted.entrySet()) {
            Finding concern = first(applying, e.getKey());
            List<String> preferences = new ArrayList<>();
            for (String code : e.getValue()) {
                Finding preference = first(applying, code);
                preferences.add(stripEnd(preference == null ? precedence.label(code) : preference.getText()));
            }
            parts.add(Texts.get("motivation.lifted",
                    stripEnd(concern == null ? precedence.label(e.getKey()) : concern.getText()), Texts.enumerate(preferences)));
        }
        return String.join(" ", parts);
    }

    /** The phrases of the concerns that were checked and cleared, in the order precedence.yaml lists them. */
    private static List<String> clearedPhrases(List<Finding> cleared, List<Finding> applying, Precedence precedence) {
        Set<String> clearedCodes = new LinkedHashSet<>();
        for (Finding f : cleared) clearedCodes.add(f.getCode());
        // A criterion that applies for one reason and is cleared for another is not "in orde".
        for (Finding f : applying) clearedCodes.remove(f.getCode());
        List<String> out = new ArrayList<>();
        for (CodeInfo info : precedence.codes().values()) {
            if (info.cleared() != null && clearedCodes.contains(info.code())) out.add(info.cleared());
        }
        return out;
    }

    private static Finding first(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.getCode().equals(code)).findFirst().orElse(null);
    }

    /** A finding's text as a sentence: a closing full stop added unless it already ends one, also inside a quote. */
    static String sentence(String s) {
        String t = s.strip();
        return endsSentence(t) ? t : t + ".";
    }

    private static boolean endsSentence(String t) {
        String core = t;
        while (!core.isEmpty() && "\"'”’»)".indexOf(core.charAt(core.length() - 1)) >= 0) core = core.substring(0, core.length() - 1);
        return !core.isEmpty() && ".?!".indexOf(core.charAt(core.length() - 1)) >= 0;
    }

    /** A finding's text to go inside a sentence: without the full stop it may end with. */
    private static String stripEnd(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
