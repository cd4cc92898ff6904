package be.serv.advies.load;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.geo.Regions;
import be.serv.advies.model.Area;
import be.serv.advies.model.Area.Kind;
import be.serv.advies.model.Place;
import be.serv.advies.model.Province;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the sectors' regions from {@code rules/regions.csv} (or {@code regions.xlsx}): one region a
 * row, its places being municipalities, arrondissements, provinces or regions named on an earlier row.
 */
public final class RegionsFile {
    static final List<String> COLUMNS = List.of("region", "places");

    private RegionsFile() {
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
        String source = sourceName(file);
        List<Area> regions = new ArrayList<>();
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (Row row : table.rows()) {
            Cells c = new Cells(row, problems);
            String name = c.text("region");
            String places = c.text("places");
            if (name == null || places == null) continue;
            Integer first = rowOf.putIfAbsent(Gazetteer.key(name), row.number());
            if (first != null) {
                c.problem("region", "de regio '" + name + "' staat ook op rij " + first);
                continue;
            }
            if (g.find(name).isPresent() || Province.parse(name).isPresent() || g.arrondissement(name).isPresent()) {
                c.problem("region", "'" + name + "' is al de naam van een gemeente, arrondissement of provincie; "
                        + "geef de regio een eigen naam (bv. 'regio " + name + "')");
                continue;
            }
            // A region may name only the regions of earlier rows.
            Regions sofar = Regions.of(regions, source);
            Set<Place> covered = new LinkedHashSet<>();
            for (String member : Regions.split(places)) {
                Optional<Area> a = sofar.area(member);
                if (a.isEmpty()) c.problem("places", unknown(sofar, member));
                else covered.addAll(a.get().places());
            }
            if (c.ok()) regions.add(new Area(name, Kind.REGION, List.copyOf(covered)));
        }
        return Regions.of(regions, source);
    }

    /** "regions.xlsx" for a sheet "regions.xlsx:Regio's". */
    private static String sourceName(String file) {
        int colon = file.indexOf(':');
        return colon < 0 ? file : file.substring(0, colon);
    }

    /** "onbekende plaats of regio 'Kusst'; bedoelt u 'Kust'?", with every kind of name the regions know. */
    static String unknown(Regions regions, String written) {
        Gazetteer gazetteer = Gazetteer.flanders();
        Map<String, String> names = new LinkedHashMap<>();
        regions.regions().forEach(a -> names.put(Gazetteer.key(a.name()), a.name()));
        for (Province p : Province.values()) names.putIfAbsent(Gazetteer.key(p.label()), p.label());
        gazetteer.all().forEach(p -> names.putIfAbsent(Gazetteer.key(p.name()), p.name()));
        gazetteer.all().forEach(p -> names.putIfAbsent(Gazetteer.key(p.arrondissement()), "arrondissement " + p.arrondissement()));
        String hint = Gazetteer.suggestion(Gazetteer.nearest(written, names));
        return "onbekende plaats of regio '" + Cells.abbreviate(written) + "'" + (hint.isEmpty() ? "" : "; " + hint)
                + " (gemeenten, arrondissementen, provincies of regio's uit " + regions.source() + ")";
    }
}
