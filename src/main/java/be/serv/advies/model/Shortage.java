package be.serv.advies.model;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A shortage a sector signalled (Bijlage 1): more programming wanted for a trajectory in a region.
 * As read from the batch it names its region in words (a province, "Vlaanderen" or "elke
 * provincie", and optionally places: municipalities, arrondissements or the sectors' regions);
 * before the rules see it, it is resolved against the gazetteer and {@code rules/regions.csv} into
 * the municipalities it covers. A shortage for every province is one shortage per province.
 */
public final class Shortage {
    /** Where the row came from, so a place that does not resolve is reported there. */
    public record Origin(String file, int row, String provinceColumn, String placesColumn) {
    }

    private final String partnership;
    private final String trajectory;
    /** Null means all of Flanders (with Brussels), or every province when {@link #everyProvince}. */
    private final Province province;
    private final boolean everyProvince;
    private final List<String> places;
    private final String area;
    private final String text;
    private final Origin origin;
    /** Null until resolved. */
    private final List<Area> areas;
    private final Set<Place> covered;

    public Shortage(String partnership, String trajectory, Province province, List<String> places, String area, String text) {
        this(partnership, trajectory, province, false, places, area, text, null, null, null);
    }

    public Shortage(String partnership, String trajectory, Province province, boolean everyProvince, List<String> places,
                    String area, String text, Origin origin) {
        this(partnership, trajectory, province, everyProvince, places, area, text, origin, null, null);
    }

    private Shortage(String partnership, String trajectory, Province province, boolean everyProvince, List<String> places,
                     String area, String text, Origin origin, List<Area> areas, Set<Place> covered) {
        this.partnership = Objects.requireNonNull(partnership, "partnership");
        this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        this.province = province;
        this.everyProvince = everyProvince;
        this.places = List.copyOf(Objects.requireNonNull(places, "places"));
        this.area = area;
        this.text = Objects.requireNonNull(text, "text");
        this.origin = origin;
        this.areas = areas == null ? null : List.copyOf(areas);
        this.covered = covered == null ? null : Set.copyOf(covered);
    }

    /** This shortage, resolved: for {@code province} (one of every province, or its own), covering these municipalities. */
    public Shortage resolved(Province forProvince, List<Area> namedAreas, Set<Place> municipalities) {
        return new Shortage(partnership, trajectory, forProvince, everyProvince, places, area, text, origin,
                namedAreas, new LinkedHashSet<>(municipalities));
    }

    public String getPartnership() { return partnership; }
    public String getTrajectory() { return trajectory; }
    public Province getProvince() { return province; }
    /** The sector asks for this in every province: each province is answered on its own. */
    public boolean isEveryProvince() { return everyProvince; }
    /** The places as the row names them. */
    public List<String> getPlaces() { return places; }
    /** The sector's own words for the region. */
    public String getArea() { return area; }
    public String getText() { return text; }
    public Origin getOrigin() { return origin; }
    public boolean isResolved() { return covered != null; }
    /** The municipalities this shortage covers (after resolution). */
    public Set<Place> getCovered() {
        requireResolved();
        return covered;
    }

    /** Whether an application in this municipality answers the shortage. */
    public boolean covers(Place place) {
        requireResolved();
        return place != null && covered.contains(place);
    }

    /** Why this municipality falls under the shortage, in Dutch: "Oostende ligt in de regio Kust (West-Vlaanderen)". */
    public String whereIs(Place place) {
        requireResolved();
        if (place == null) return "";
        String prov = place.province().label();
        for (Area a : areas) {
            if (!a.contains(place)) continue;
            return switch (a.kind()) {
                case REGION -> place.name() + " ligt in de " + (a.name().toLowerCase(Locale.ROOT).startsWith("regio ") ? "" : "regio ")
                        + a.name() + " (" + prov + ")";
                case ARRONDISSEMENT -> place.name() + " ligt in het arrondissement " + a.name() + " (" + prov + ")";
                case MUNICIPALITY -> "de sector noemt " + place.name() + " (" + prov + ") zelf";
                case PROVINCE -> place.name() + " ligt in " + prov;
            };
        }
        if (province == null) return place.name() + " (" + prov + ") valt onder heel Vlaanderen";
        if (everyProvince) return place.name() + " ligt in " + prov + ", en de sector vraagt aanbod in elke provincie";
        return place.name() + " ligt in " + prov;
    }

    /**
     * The region in words, as a motivation or the report cites it: the province with the sector's
     * words beside it, or the sector's words alone when they already name the province, so a label
     * is never doubled ("Vlaams-Brabant (Leuven)", not "Vlaams-Brabant (Vlaams-Brabant (Leuven))").
     */
    public String getRegion() {
        String base = province == null ? "Vlaanderen" : province.label();
        String words = area == null || area.isBlank() ? String.join(", ", places) : area.strip();
        if (everyProvince) return base + " (" + (words.isEmpty() ? "elke provincie" : words) + ")";
        if (words.isEmpty()) return base;
        String b = key(base);
        String w = key(words);
        if (w.startsWith(b) || w.endsWith(b)) return words;
        return base + " (" + words + ")";
    }

    private static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private void requireResolved() {
        if (covered == null) {
            throw new IllegalStateException("shortage " + trajectory + " in " + getRegion() + " is not resolved against the gazetteer");
        }
    }

    @Override
    public String toString() {
        return "Tekort " + trajectory + " in " + getRegion() + " (" + partnership + ")";
    }
}
