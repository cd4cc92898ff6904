package be.serv.advies.load;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.model.Place;
import be.serv.advies.model.Province;

import java.util.List;
import java.util.Optional;

/**
 * Checks, over the loaded rows of the applications table, that every place is a municipality of
 * Flanders or Brussels the gazetteer knows (or a name people use for part of one) and that it lies
 * in the province its row says. A separate step after reading, so the readers stay about cells.
 */
final class PlaceCheck {
    private PlaceCheck() {
    }

    static void check(Table applications, List<Problem> problems) {
        Gazetteer g = Gazetteer.flanders();
        for (Row row : applications.rows()) {
            String written = row.get("place");
            if (written == null) continue; // reported as a missing value
            Optional<Place> place = g.find(written);
            Optional<Place> before = place.isEmpty() ? g.beforeQualifier(written) : Optional.empty();
            if (before.isPresent()) {
                String qualifier = written.substring(written.indexOf('(')).strip();
                problems.add(new Problem(row.file(), row.number(), row.columnRef("place"), "'" + Cells.abbreviate(written) + "': "
                        + before.get().name() + " ligt in " + before.get().province().label() + " (arrondissement "
                        + before.get().arrondissement() + "), niet waar " + Cells.abbreviate(qualifier) + " zegt; schrijf "
                        + before.get().name() + " zonder toevoeging of met de juiste"));
                continue;
            }
            if (place.isEmpty()) {
                String hint = Gazetteer.suggestion(g.nearest(written));
                problems.add(new Problem(row.file(), row.number(), row.columnRef("place"), "onbekende gemeente '"
                        + Cells.abbreviate(written) + "'" + (hint.isEmpty() ? "" : "; " + hint)
                        + " (een gemeente van Vlaanderen of Brussel, of een deelgemeente)"));
                continue;
            }
            Province claimed = Province.parse(row.get("province") == null ? "" : row.get("province")).orElse(null);
            Place p = place.get();
            if (claimed != null && p.province() != claimed) {
                String name = p.name().equalsIgnoreCase(written.strip()) ? p.name() : written.strip() + " (" + p.name() + ")";
                problems.add(new Problem(row.file(), row.number(), row.columnRef("province"), name + " ligt in "
                        + p.province().label() + ", niet in " + claimed.label()));
            }
        }
    }
}
