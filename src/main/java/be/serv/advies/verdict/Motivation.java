package be.serv.advies.verdict;

import be.serv.advies.model.Finding;
import be.serv.advies.rules.Kind;
import be.serv.advies.rules.Precedence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the Dutch motivation of a draft from the texts the rules gave their findings. */
final class Motivation {
    private Motivation() {
    }

    static String write(Verdict verdict, List<Finding> deciding, Map<Kind, List<Finding>> byKind,
                        Map<String, String> lifted, List<Finding> applying, Precedence precedence) {
        List<String> parts = new ArrayList<>();
        parts.add(switch (verdict) {
            case POSITIVE -> "Positief advies: de sector onderschrijft dit aanbod.";
            case POSITIVE_WITH_REMARKS -> "Positief advies met bemerkingen.";
            case NEGATIVE -> "Negatief advies.";
            case NO_ADVICE -> "Geen advies.";
        });
        for (Finding f : deciding) parts.add(sentence(f.getText()));
        List<String> further = new ArrayList<>();
        for (Kind kind : precedence.order()) {
            if (Drafter.verdictOf(kind) == verdict) continue;
            for (Finding f : byKind.getOrDefault(kind, List.of())) further.add(sentence(f.getText()));
        }
        if (!further.isEmpty()) parts.add("Daarnaast: " + String.join(" ", further));
        for (Map.Entry<String, String> e : lifted.entrySet()) {
            Finding preference = first(applying, e.getValue());
            Finding concern = first(applying, e.getKey());
            parts.add("Maximaal goedkeuren: " + lowerFirst(stripDot(preference == null ? precedence.label(e.getValue()) : preference.getText()))
                    + "; dit weegt zwaarder dan: " + lowerFirst(stripDot(concern == null ? precedence.label(e.getKey()) : concern.getText())) + ".");
        }
        return String.join(" ", parts);
    }

    private static Finding first(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.getCode().equals(code)).findFirst().orElse(null);
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }

    private static String stripDot(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String lowerFirst(String s) {
        if (s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) return s;
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
