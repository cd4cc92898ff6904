package be.serv.advies.geo;

import be.serv.advies.load.Cells;
import be.serv.advies.load.Problem;
import be.serv.advies.load.Row;
import be.serv.advies.load.Table;
import be.serv.advies.load.TableReader;
import be.serv.advies.load.WorkbookReader;
import be.serv.advies.model.Area;
import be.serv.advies.model.Area.Kind;
import be.serv.advies.model.Place;
import be.serv.advies.model.Province;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    static final List<String> COLUMNS = List.of("region", "places");

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
        return new Regions(Gazetteer.flanders(), java.util.Collections.unmodifiableMap(byKey), Objects.requireNonNull(source, "source"));
    }

    /** The file the regions came from. */
    public String source() {
        return source;
    }

    /** No regions of the sectors: names resolve to municipalities, arrondissements and provinces only. */
    public static Regions none() {
        return new Regions(Gazetteer.flanders(), Map.of(), FILE);
    }

    public static Regions parse(String file, byte[] bytes, List<Problem> problems) {
        Table table = file.endsWith(".xlsx") ? WorkbookReader.read(file, bytes, problems) : TableReader.read(file, bytes, problems);
        return parse(table, problems);
    }

    public static Regions parse(Table table, List<Problem> problems) {
        String file = table.file();
        for (String col : COLUMNS) {
            if (!table.header().isEmpty() && !table.header().contains(col)) {
                problems.add(Problem.ofRow(file, 1, "verplichte kolom '" + col + "' ontbreekt in de kopregel"));
            }
        }
        for (String col : table.header()) {
            if (!COLUMNS.contains(col) && !col.equals("note")) problems.add(Problem.ofRow(file, 1, "onbekende kolom '" + col + "'"));
        }
        Gazetteer g = Gazetteer.flanders();
        Map<String, Area> regions = new LinkedHashMap<>();
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (Row row : table.rows()) {
            Cells c = new Cells(row, problems);
            String name = c.text("region");
            String places = c.text("places");
            if (name == null || places == null) continue;
            String k = Gazetteer.key(name);
            Integer first = rowOf.putIfAbsent(k, row.number());
            if (first != null) {
                c.problem("region", "de regio '" + name + "' staat ook op rij " + first);
                continue;
            }
            if (g.find(name).isPresent() || Province.parse(name).isPresent() || g.arrondissement(name).isPresent()) {
                c.problem("region", "'" + name + "' is al de naam van een gemeente, arrondissement of provincie; "
                        + "geef de regio een eigen naam (bv. 'regio " + name + "')");
                continue;
            }
            Regions sofar = new Regions(g, regions, sourceName(file));
            Set<Place> covered = new LinkedHashSet<>();
            for (String member : split(places)) {
                Optional<Area> a = sofar.area(member);
                if (a.isEmpty()) c.problem("places", sofar.unknown(member));
                else covered.addAll(a.get().places());
            }
            if (c.ok()) regions.put(k, new Area(name, Kind.REGION, List.copyOf(covered)));
        }
        return new Regions(g, Map.copyOf(regions), sourceName(file));
    }

    /** "regions.xlsx" for a sheet "regions.xlsx:Regio's". */
    private static String sourceName(String file) {
        int colon = file.indexOf(':');
        return colon < 0 ? file : file.substring(0, colon);
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

    /** "onbekende plaats 'Kusst'; bedoelt u Kust?" */
    public String unknown(String written) {
        Map<String, String> names = new LinkedHashMap<>();
        regions.values().forEach(a -> names.put(Gazetteer.key(a.name()), a.name()));
        for (Province p : Province.values()) names.putIfAbsent(Gazetteer.key(p.label()), p.label());
        gazetteer.all().forEach(p -> names.putIfAbsent(Gazetteer.key(p.name()), p.name()));
        gazetteer.all().forEach(p -> names.putIfAbsent(Gazetteer.key(p.arrondissement()), "arrondissement " + p.arrondissement()));
        String hint = Gazetteer.suggestion(Gazetteer.nearest(written, names));
        return "onbekende plaats of regio '" + Cells.abbreviate(written) + "'" + (hint.isEmpty() ? "" : "; " + hint)
                + " (gemeenten, arrondissementen, provincies of regio's uit " + source + ")";
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
