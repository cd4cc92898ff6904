package be.serv.advies.rules;

import be.serv.advies.model.Batch;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two rules with one name, in one file or in two: Drools would refuse the one (in English, at the
 * other file) or keep both and let coverage and explanations mix them up. Each place is named.
 */
final class DuplicateRules implements RuleCheck {
    record Place(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    @Override
    public void check(RuleFolder folder, Batch batch, List<Diagnostic> out) {
        Map<String, List<Place>> byName = places(folder);
        byName.forEach((name, places) -> {
            if (places.size() < 2) return;
            for (Place p : places) {
                List<String> others = new ArrayList<>();
                for (Place q : places) if (q != p) others.add(q.toString());
                out.add(Diagnostic.error(p.file(), p.line(), p.column(), "de regelnaam '" + name + "' komt meer dan eens voor (ook in "
                        + String.join(", ", others) + "); geef elke regel een eigen naam"));
            }
        });
    }

    /** Where each rule is written, by name, in file order. */
    static Map<String, List<Place>> places(RuleFolder folder) {
        Map<String, List<Place>> byName = new LinkedHashMap<>();
        folder.parsed().forEach((file, pkg) -> {
            String source = folder.drl().get(file);
            for (RuleDescr rule : pkg.getRules()) {
                int[] at = rule.getStartCharacter() >= 0 ? DrlMessages.position(source, rule.getStartCharacter())
                        : new int[]{rule.getLine(), 0};
                byName.computeIfAbsent(rule.getName(), k -> new ArrayList<>()).add(new Place(file, at[0], at[1]));
            }
        });
        return byName;
    }
}
