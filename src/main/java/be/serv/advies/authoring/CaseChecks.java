package be.serv.advies.authoring;

import be.serv.advies.load.Problem;
import be.serv.advies.rules.Precedence;
import be.serv.advies.rules.Thresholds;
import be.serv.advies.text.Nearest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks of a case file against the rules folder: the codes it names and the thresholds it sets. */
final class CaseChecks {
    private CaseChecks() {
    }

    /** A case that sets a threshold the thresholds file does not declare, or a value not of its kind. */
    static void thresholdColumns(CaseFile.Parsed parsed, Thresholds thresholds, List<Problem> out) {
        for (CaseFile.Case c : parsed.cases()) {
            c.thresholds().forEach((column, value) -> {
                if (Thresholds.COLUMNS.contains(column)) return;
                String problem = thresholds.overrideProblem(column, value instanceof String text ? text : null);
                if (problem != null) {
                    out.add(CaseFile.at(c.file(), c.line(), c.path() + "/thresholds/" + column, "geval" + (c.note() == null
                            ? "" : " ('" + c.note() + "')") + ": thresholds." + column + ": " + problem));
                }
            });
        }
    }

    /** A case that names a code precedence.yaml does not know can never fail on it ({@code not_found: [SAME_TXET]}). */
    static void unknownCodes(CaseFile.Parsed parsed, Precedence precedence, List<Problem> out) {
        for (CaseFile.Case c : parsed.cases()) {
            CaseFile.Want w = c.want();
            if (w == null) continue;
            Map<String, List<String>> named = new LinkedHashMap<>();
            named.put("reasons", w.reasons());
            named.put("found", w.found());
            named.put("not_found", w.notFound());
            named.forEach((key, codes) -> {
                if (codes == null) return;
                for (int i = 0; i < codes.size(); i++) {
                    String code = codes.get(i);
                    if (precedence.knows(code)) continue;
                    out.add(CaseFile.at(c.file(), c.line(), c.path() + "/want/" + key + "/" + i, "geval" + (c.note() == null
                            ? "" : " ('" + c.note() + "')") + ": want." + key + " noemt code '" + code
                            + "', die niet in precedence.yaml staat, dus het geval kan daarop nooit falen"
                            + Nearest.hint(code, precedence.codes().keySet())));
                }
            });
        }
    }
}
