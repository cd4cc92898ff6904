package be.serv.advies.geo;

import be.serv.advies.model.Area;
import be.serv.advies.model.Area.Kind;
import be.serv.advies.model.Province;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sectors' own regions, kept in {@code rules/regions.csv} (or {@code regions.xlsx}): a named
 * region ("Kust", "regio Hasselt", "driehoek: Maaseik - Lommel - Genk") is a list of municipalities,
 * arrondissements, provinces or regions named on an earlier row. A name in a shortage or a region
 * resolves to an {@link Area}: a region of this file, else a municipality (or alias), else a
 * province, else an arrondissement; "provincie X", "arrondissement X" and "gemeente X" say which
 * one is meant where a name is several (Antwerpen, Brugge).
 */
public final class Regions {
    public static final String FILE = "regions.csv";
    public static final String WORKBOOK = "regions.xlsx";

    private final Gazetteer gazetteer;
    private final Map<String, Area> regions;
    /** The file the regions came from, named where a place is not found. */
    private final String source;

    private Regions(Gazetteer gazetteer, Map<String, Area> regions, String source) {
        this.gazetteer = gazetteer;
        this.regions = regions;
        this.source = source;
    }

    /** These regions of the sectors (as the cache keeps them), from {@code source}. */
    public static Regions of(List<Area> regions, String source) {
        Objects.requireNonNull(regions, "regions");
        Map<String, Area> byKey = new LinkedHashMap<>();
        for (Area a : regions) byKey.put(Gazetteer.key(a.name()), a);
        return new Regions(Gazetteer.flanders(), Collections.unmodifiableMap(byKey), Objects.requireNonNull(source, "source"));
    }

    /** The file the regions came from. */
    public String source() {
        return source;
    }

    /** No regions of the sectors: names resolve to municipalities, arrondissements and provinces only. */
    public static Regions none() {
        return new Regions(Gazetteer.flanders(), Map.of(), FILE);
    }

    /** The names of a list cell: separated by commas or semicolons. */
    public static List<String> split(String list) {
        if (list == null) return List.of();
        return Arrays.stream(list.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<Area> regions() {
        return List.copyOf(regions.values());
    }

    /** The area a name means, as the class comment says. */
    public Optional<Area> area(String written) {
        if (written == null || written.isBlank()) return Optional.empty();
        String w = written.strip();
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.startsWith("provincie ")) return province(w.substring("provincie ".length()));
        if (lower.startsWith("arrondissement ")) return arrondissement(w.substring("arrondissement ".length()));
        if (lower.startsWith("gemeente ")) return municipality(w.substring("gemeente ".length()));
        Area region = regions.get(Gazetteer.key(w));
        if (region != null) return Optional.of(region);
        Optional<Area> m = municipality(w);
        if (m.isPresent()) return m;
        Optional<Area> p = province(w);
        if (p.isPresent()) return p;
        return arrondissement(w);
    }

    private Optional<Area> municipality(String w) {
        return gazetteer.find(w).map(p -> new Area(p.name(), Kind.MUNICIPALITY, List.of(p)));
    }

    private Optional<Area> province(String w) {
        return Province.parse(w).map(p -> new Area(p.label(), Kind.PROVINCE, gazetteer.inProvince(p)));
    }

    private Optional<Area> arrondissement(String w) {
        return gazetteer.arrondissement(w).map(a -> new Area(a, Kind.ARRONDISSEMENT, gazetteer.inArrondissement(a)));
    }
}
