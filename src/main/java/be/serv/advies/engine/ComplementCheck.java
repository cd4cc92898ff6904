package be.serv.advies.engine;

import be.serv.advies.load.Problem;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Finding;
import be.serv.advies.rules.CodeInfo;
import be.serv.advies.rules.Complement;
import be.serv.advies.rules.Precedence;
import be.serv.advies.rules.RuleInfo;
import be.serv.advies.rules.RuleSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The check after each session that a reason code's complementary rules conclude exactly once. */
final class ComplementCheck {
    private ComplementCheck() {
    }

    /**
     * A reason code's "applies" and "cleared" rules are opposite conditions written twice; edited
     * apart, one application gets both conclusions for a code, or neither. Exactly one must conclude,
     * unless the application has a finding that precedence.yaml declares leaves the criterion open
     * ({@code open_when}, e.g. no capacity figures). A breach is a fault of the rules, named with the
     * rules and the application, whichever command runs them (and test, over its cases). The first
     * breach in batch order, per code.
     */
    static List<Problem> breaches(RuleSet rules, Batch batch, Map<String, List<Finding>> findings) {
        List<Problem> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Map<String, Complement> complements = rules.complements();
        for (Application a : batch.getApplications()) {
            Map<String, Finding> applies = new LinkedHashMap<>();
            Map<String, Finding> cleared = new HashMap<>();
            for (Finding f : findings.getOrDefault(a.getId(), List.of())) {
                (f.isApplies() ? applies : cleared).putIfAbsent(f.getCode(), f);
            }
            for (Map.Entry<String, Finding> e : applies.entrySet()) {
                Finding no = cleared.get(e.getKey());
                if (no == null || !codes.add(e.getKey())) continue;
                out.add(RuleFailures.problem(rules, e.getValue().getRule(), e.getValue().getRuleFile(), "en regel '" + no.getRule()
                        + "' besluiten allebei over " + e.getKey() + " bij aanvraag " + a.getId() + ": de ene dat het criterium geldt, "
                        + "de andere dat het niet geldt. Hun voorwaarden moeten elkaars tegendeel zijn"));
            }
            for (Complement c : complements.values()) {
                if (applies.containsKey(c.code()) || cleared.containsKey(c.code()) || codes.contains(c.code())) continue;
                CodeInfo info = rules.precedence().code(c.code());
                List<String> openWhen = info == null ? List.of() : info.openWhen();
                if (openWhen.stream().anyMatch(applies::containsKey)) continue;
                codes.add(c.code());
                out.add(neither(rules, c, a.getId(), openWhen));
            }
        }
        return out;
    }

    /** "regel 'A' en regel 'B' (file:line) besluiten geen van beide over CODE bij aanvraag X: ..." and how to mend it. */
    private static Problem neither(RuleSet rules, Complement c, String application, List<String> openWhen) {
        List<String> others = new ArrayList<>();
        for (String r : c.applies().subList(1, c.applies().size())) others.add(named(rules, r));
        for (String r : c.cleared()) others.add(named(rules, r));
        String first = c.applies().get(0);
        String also = others.size() == 1 ? "en regel " + others.get(0) + " besluiten geen van beide"
                : "en de regels " + String.join(", ", others.subList(0, others.size() - 1)) + " en " + others.get(others.size() - 1)
                + " besluiten geen van alle";
        String open = openWhen.isEmpty()
                ? "of, als het criterium bij zo'n aanvraag bewust open blijft, noem in " + Precedence.FILE + " onder "
                        + c.code() + " de bevinding die dat zegt, bv. open_when: [NO_CAPACITY_FIGURES]"
                : "of voeg in " + Precedence.FILE + " onder " + c.code() + " de bevinding die het criterium hier "
                        + "openlaat toe aan open_when (nu " + openWhen + ")";
        return RuleFailures.problem(rules, first, rules.rule(first).map(RuleInfo::file).orElse("regels"),
                also + " over " + c.code() + " bij aanvraag " + application + ", zodat het advies over dit criterium zwijgt. "
                        + "Maak hun voorwaarden elkaars tegendeel, " + open);
    }

    private static String named(RuleSet rules, String rule) {
        return "'" + rule + "'" + rules.rule(rule).map(i -> " (" + i.place() + ")").orElse("");
    }
}
