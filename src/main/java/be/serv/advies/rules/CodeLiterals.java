package be.serv.advies.rules;

import be.serv.advies.text.Nearest;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Trajectory;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A condition that compares a partnership or trajectory field with a code the batch does not know
 * ({@code $t.partnership == "BOUWW"}) never matches, and the finding silently disappears. Only with a
 * batch at hand; reason codes are checked against precedence.yaml without one ({@link RuleLanguage}).
 * A code close to one of the batch is an error (with that code suggested); a code like none of the
 * batch's is a warning, since a batch may leave a sector out.
 */
final class CodeLiterals implements RuleCheck {
    @Override
    public void check(RuleFolder folder, Batch batch, List<Diagnostic> out) {
        if (batch == null) return;
        Set<String> partnerships = batch.getPartnerships().stream().map(Partnership::getCode).collect(Collectors.toCollection(TreeSet::new));
        Set<String> trajectories = batch.getTrajectories().stream().map(Trajectory::getCode).collect(Collectors.toCollection(TreeSet::new));
        List<RuleLanguage.CodeUse> uses = folder.codeUses() != null ? folder.codeUses() : RuleLanguage.catalogueCodes(folder);
        for (RuleLanguage.CodeUse u : uses) {
            if (!u.kind().catalogue()) continue;
            boolean partnership = u.kind() == RuleLanguage.CodeKind.PARTNERSHIP;
            Set<String> known = partnership ? partnerships : trajectories;
            if (known.contains(u.code())) continue;
            String message = u.where() + ": " + (partnership ? "partnerschap '" : "traject '") + u.code() + "' bestaat niet in de batch ("
                    + (partnership ? "partnerships" : "trajectories") + "), dus deze voorwaarde past op geen enkele aanvraag";
            String hint = Nearest.hint(u.code(), known);
            // A code next to one the batch has is a typo; one unlike any may be a sector this batch leaves out (a small test batch).
            out.add(hint.isEmpty() ? Diagnostic.warning(u.file(), u.line(), u.column(), message)
                    : Diagnostic.error(u.file(), u.line(), u.column(), message + hint));
        }
    }
}
