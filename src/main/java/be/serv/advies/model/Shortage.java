package be.serv.advies.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A shortage a sector signalled (Bijlage 1): more programming wanted for a trajectory in a region. */
public final class Shortage {
    private final String partnership;
    private final String trajectory;
    /** Null means all of Flanders. */
    private final Province province;
    private final List<String> places;
    private final String area;
    private final String text;

    public Shortage(String partnership, String trajectory, Province province, List<String> places,
                    String area, String text) {
        this.partnership = Objects.requireNonNull(partnership, "partnership");
        this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        this.province = province;
        this.places = List.copyOf(Objects.requireNonNull(places, "places"));
        this.area = area;
        this.text = Objects.requireNonNull(text, "text");
    }

    public String getPartnership() { return partnership; }
    public String getTrajectory() { return trajectory; }
    public Province getProvince() { return province; }
    public List<String> getPlaces() { return places; }
    public String getArea() { return area; }
    public String getText() { return text; }

    /** The region in words, as a motivation cites it. */
    public String getRegion() {
        String base = province == null ? "Vlaanderen" : province.label();
        // The sectors often name the province again in their area ("Antwerpen", "Vlaams-Brabant
        // (Leuven)"): then the area alone says it, and the region is not named twice.
        if (area != null && !area.isBlank()) {
            if (java.util.regex.Pattern.compile("(?<![\\p{L}-])" + java.util.regex.Pattern.quote(base) + "(?![\\p{L}-])",
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE).matcher(area).find()) {
                return area;
            }
            return base + " (" + area + ")";
        }
        if (!places.isEmpty()) return base + " (" + String.join(", ", places) + ")";
        return base;
    }

    public boolean coversProvince(Province p) {
        return province == null || province == p;
    }

    public boolean coversPlace(String place) {
        if (places.isEmpty()) return true;
        String key = place == null ? "" : place.trim().toLowerCase(Locale.ROOT);
        return places.stream().anyMatch(x -> x.trim().toLowerCase(Locale.ROOT).equals(key));
    }

    @Override
    public String toString() {
        return "Tekort " + trajectory + " in " + getRegion() + " (" + partnership + ")";
    }
}
