package be.serv.advies.rules;

import be.serv.advies.load.Nearest;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Trajectory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rows of the thresholds that name a partnership or trajectory the batch does not know: such a row
 * never applies, so the figure the sector meant silently does not count. Only with a batch at hand.
 */
final class ThresholdReferences implements RuleCheck {
    @Override
    public void check(RuleFolder folder, Batch batch, List<Diagnostic> out) {
        if (batch == null || folder.thresholds() == null) return;
        Set<String> partnerships = batch.getPartnerships().stream().map(Partnership::getCode).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> trajectories = batch.getTrajectories().stream().map(Trajectory::getCode).collect(Collectors.toCollection(java.util.TreeSet::new));
        for (Thresholds.Reference r : folder.thresholds().references()) {
            if (r.partnership() != null && !partnerships.contains(r.partnership())) {
                out.add(error(r, "partnership", "partnerschap '" + r.partnership() + "' bestaat niet in de batch (partnerships)"
                        + Nearest.hint(r.partnership(), partnerships) + "; deze rij geldt zo voor geen enkele aanvraag"));
            }
            if (r.trajectory() != null && !trajectories.contains(r.trajectory())) {
                out.add(error(r, "trajectory", "traject '" + r.trajectory() + "' bestaat niet in de batch (trajectories)"
                        + Nearest.hint(r.trajectory(), trajectories) + "; deze rij geldt zo voor geen enkele aanvraag"));
            } else if (r.trajectory() != null && r.partnership() != null && partnerships.contains(r.partnership())) {
                // A row matches on partnership and trajectory together: another partnership's trajectory never matches.
                String owner = batch.getTrajectories().stream().filter(t -> t.getCode().equals(r.trajectory()))
                        .map(Trajectory::getPartnership).findFirst().orElse(null);
                if (owner != null && !owner.equals(r.partnership())) {
                    out.add(error(r, "trajectory", "traject '" + r.trajectory() + "' hoort bij partnerschap '" + owner + "', niet bij '"
                            + r.partnership() + "'; deze rij geldt zo voor geen enkele aanvraag. Schrijf " + owner + " in de kolom partnership"));
                }
            }
        }
    }

    private static Diagnostic error(Thresholds.Reference r, String column, String message) {
        return new Diagnostic(Diagnostic.Severity.ERROR, new be.serv.advies.load.Problem(r.file(), r.row(), null, column + ": " + message));
    }
}
