package be.serv.advies.rules;

import be.serv.advies.text.Nearest;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Trajectory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rows of the thresholds that name a partnership or trajectory the batch does not know. One rules
 * folder serves several school years, so a row for a code this year's catalogue lacks (abolished,
 * or not yet there) is a warning that names the row: it applies to no application this year. A
 * code one or two keystrokes from a code of this year, at the same level and of the same
 * partnership, is a slip: an error with that code suggested, since the figure the sector meant
 * would silently not count. Only with a batch at hand; the same for every command and the server,
 * which all check the rules against their batch here.
 */
final class ThresholdReferences implements RuleCheck {
    @Override
    public void check(RuleFolder folder, Batch batch, List<Diagnostic> out) {
        if (batch == null || folder.thresholds() == null) return;
        Set<String> partnerships = batch.getPartnerships().stream().map(Partnership::getCode).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> trajectories = batch.getTrajectories().stream().map(Trajectory::getCode).collect(Collectors.toCollection(java.util.TreeSet::new));
        for (Thresholds.Reference r : folder.thresholds().references()) {
            if (r.partnership() != null && !partnerships.contains(r.partnership())) {
                String near = nearMiss(r.partnership(), partnerships);
                out.add(near != null
                        ? error(r, "partnership", "partnerschap '" + r.partnership() + "' bestaat niet in de batch (partnerships); bedoelt u '"
                                + near + "'?; deze rij geldt zo voor geen enkele aanvraag")
                        : warning(r, "partnership", "partnerschap '" + r.partnership() + "' staat niet in de catalogus van deze batch "
                                + "(partnerships); deze rij geldt dit jaar voor geen enkele aanvraag"));
            }
            if (r.trajectory() != null && !trajectories.contains(r.trajectory())) {
                String level = level(r.trajectory());
                List<String> alike = batch.getTrajectories().stream()
                        .filter(t -> level(t.getCode()).equals(level) && (r.partnership() == null || r.partnership().equals(t.getPartnership())))
                        .map(Trajectory::getCode).toList();
                String near = nearMiss(r.trajectory(), alike);
                out.add(near != null
                        ? error(r, "trajectory", "traject '" + r.trajectory() + "' bestaat niet in de batch (trajectories); bedoelt u '"
                                + near + "'?; deze rij geldt zo voor geen enkele aanvraag")
                        : warning(r, "trajectory", "traject '" + r.trajectory() + "' staat niet in de catalogus van deze batch "
                                + "(trajectories); deze rij geldt dit jaar voor geen enkele aanvraag"));
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

    /** At most two keystrokes from a code of the catalogue: a slip, not a code of another year. */
    private static String nearMiss(String code, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = Nearest.distance(code.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** The level a trajectory code starts with (OK2, OK3, SENSE3, ...). */
    private static String level(String code) {
        int at = code.indexOf('_');
        return at < 0 ? code : code.substring(0, at);
    }

    private static Diagnostic warning(Thresholds.Reference r, String column, String message) {
        return new Diagnostic(Diagnostic.Severity.WARNING, new be.serv.advies.load.Problem(r.file(), r.row(), null, column + ": " + message));
    }

    private static Diagnostic error(Thresholds.Reference r, String column, String message) {
        return new Diagnostic(Diagnostic.Severity.ERROR, new be.serv.advies.load.Problem(r.file(), r.row(), null, column + ": " + message));
    }
}
