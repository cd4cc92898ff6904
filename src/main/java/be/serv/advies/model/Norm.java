package be.serv.advies.model;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The sector's thresholds as they apply to one trajectory in one province, resolved from
 * {@code rules/thresholds.csv}. {@code sources} says for each threshold which row set it, so an
 * explanation can point the reader to the line to change.
 */
public final class Norm {
    /** The columns every thresholds file has, each with its own getter; a sector may add others, read by name. */
    public static final List<String> COLUMNS = List.of("max_providers", "min_students_per_provider",
            "min_free_workplaces", "room_for_schools", "sector_chooses", "min_expected_students", "limited_offer_providers",
            "min_partner_companies", "same_text_similarity");
    private final String trajectory;
    private final Province province;
    private final int maxProviders;
    private final int minStudentsPerProvider;
    private final int minFreeWorkplaces;
    private final Integer roomForSchools;
    private final boolean sectorChooses;
    private final int minExpectedStudents;
    private final int limitedOfferProviders;
    private final int minPartnerCompanies;
    private final int sameTextSimilarity;
    private final Map<String, String> sources;
    private final Map<String, Object> named;

    public Norm(String trajectory, Province province, int maxProviders, int minStudentsPerProvider,
                int minFreeWorkplaces, Integer roomForSchools, boolean sectorChooses, int minExpectedStudents,
                int limitedOfferProviders, int minPartnerCompanies, int sameTextSimilarity, Map<String, String> sources) {
        this(trajectory, province, maxProviders, minStudentsPerProvider, minFreeWorkplaces, roomForSchools, sectorChooses,
                minExpectedStudents, limitedOfferProviders, minPartnerCompanies, sameTextSimilarity, sources, Map.of());
    }

    /** {@code named}: every column's value by its name (Integer, Double, Boolean or String), in the file's order. */
    public Norm(String trajectory, Province province, int maxProviders, int minStudentsPerProvider,
                int minFreeWorkplaces, Integer roomForSchools, boolean sectorChooses, int minExpectedStudents,
                int limitedOfferProviders, int minPartnerCompanies, int sameTextSimilarity, Map<String, String> sources,
                Map<String, Object> named) {
        this.named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        this.province = Objects.requireNonNull(province, "province");
        this.maxProviders = maxProviders;
        this.minStudentsPerProvider = minStudentsPerProvider;
        this.minFreeWorkplaces = minFreeWorkplaces;
        this.roomForSchools = roomForSchools;
        this.sectorChooses = sectorChooses;
        this.minExpectedStudents = minExpectedStudents;
        this.limitedOfferProviders = limitedOfferProviders;
        this.minPartnerCompanies = minPartnerCompanies;
        this.sameTextSimilarity = sameTextSimilarity;
        this.sources = Map.copyOf(Objects.requireNonNull(sources, "sources"));
    }

    public String getTrajectory() { return trajectory; }
    public Province getProvince() { return province; }
    /** From this many existing providers on, the region may have enough supply. */
    public int getMaxProviders() { return maxProviders; }
    /** Below this many students per provider, existing supply is not filled. */
    public int getMinStudentsPerProvider() { return minStudentsPerProvider; }
    /**
     * The margin on workplaces: fewer free workplaces than the students all applications of the batch
     * expect, plus this many, is a workplace shortage.
     */
    public int getMinFreeWorkplaces() { return minFreeWorkplaces; }
    /** How many new schools the sector sees room for; null means no limit. */
    public Integer getRoomForSchools() { return roomForSchools; }
    public boolean isSectorChooses() { return sectorChooses; }
    public int getMinExpectedStudents() { return minExpectedStudents; }
    /** At most this many providers in all of Flanders makes a training one with limited programming. */
    public int getLimitedOfferProviders() { return limitedOfferProviders; }
    public int getMinPartnerCompanies() { return minPartnerCompanies; }
    /** From this similarity (percent) on, two texts of one institution count as the same text. */
    public int getSameTextSimilarity() { return sameTextSimilarity; }
    public Map<String, String> getSources() { return sources; }

    // Reading a column by name. The rule checker lets a rule call these only with a quoted name the
    // thresholds file declares, of a kind the method reads, so a wrong name never reaches a run.

    /** The whole number in this column. */
    public int whole(String column) {
        return (Integer) value(column);
    }

    /** The number in this column, whole or decimal. */
    public double decimal(String column) {
        return ((Number) value(column)).doubleValue();
    }

    /** The yes or no in this column. */
    public boolean yesNo(String column) {
        return (Boolean) value(column);
    }

    /** The text in this column. */
    public String text(String column) {
        return String.valueOf(value(column));
    }

    private Object value(String column) {
        Object v = named.get(column);
        if (v == null) throw new IllegalArgumentException("no threshold '" + column + "' for " + trajectory + " in " + province);
        return v;
    }

    /** A value as a Dutch reader writes it: 3,5 and ja. */
    private static String shown(Object v) {
        if (v instanceof Boolean b) return b ? "ja" : "nee";
        if (v instanceof Double d) {
            DecimalFormat f = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-BE")));
            return f.format(d);
        }
        return String.valueOf(v);
    }

    private String from(String column) {
        String source = sources.get(column);
        return source == null ? "" : " (" + source + ")";
    }

    @Override
    public String toString() {
        // Each figure names the thresholds row it came from, so a reader knows which line to change.
        return "Drempels " + trajectory + " in " + province + ": max. aanbieders " + maxProviders + from("max_providers")
                + ", min. leerlingen per aanbieder " + minStudentsPerProvider + from("min_students_per_provider")
                + ", marge vrije leerwerkplekken " + minFreeWorkplaces + from("min_free_workplaces")
                + ", ruimte voor scholen " + (roomForSchools == null ? "onbeperkt" : roomForSchools) + from("room_for_schools")
                + (sectorChooses ? ", sector kiest" + from("sector_chooses") : "")
                + ", min. verwachte instroom " + minExpectedStudents + from("min_expected_students")
                + ", beperkt aanbod tot " + limitedOfferProviders + " aanbieders" + from("limited_offer_providers")
                + ", min. partnerbedrijven " + minPartnerCompanies + from("min_partner_companies")
                + ", zelfde tekst vanaf " + sameTextSimilarity + "% gelijkenis" + from("same_text_similarity")
                + added();
    }

    /** The columns a sector added, each with the row that set it. */
    private String added() {
        StringBuilder s = new StringBuilder();
        named.forEach((column, v) -> {
            if (!COLUMNS.contains(column)) s.append(", ").append(column).append(' ').append(shown(v)).append(from(column));
        });
        return s.toString();
    }
}
