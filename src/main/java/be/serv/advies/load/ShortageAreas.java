package be.serv.advies.load;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.geo.Regions;
import be.serv.advies.model.Area;
import be.serv.advies.model.Place;
import be.serv.advies.model.Province;
import be.serv.advies.model.Shortage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the shortages of a batch against the gazetteer and the sectors' regions: each becomes
 * the set of municipalities it covers, and a shortage for every province becomes one per province.
 * A name that is no known place or region is a problem of the rules (the region file lacks it).
 */
public final class ShortageAreas {
    /** "elke provincie": the five Flemish provinces (Brussels is a region of its own, not a province). */
    static final List<Province> PROVINCES = List.of(Province.ANTWERPEN, Province.LIMBURG, Province.OOST_VLAANDEREN,
            Province.VLAAMS_BRABANT, Province.WEST_VLAANDEREN);

    private ShortageAreas() {
    }

    public static List<Shortage> resolve(List<Shortage> shortages, Regions regions, List<Problem> problems) {
        Gazetteer g = Gazetteer.flanders();
        List<Shortage> out = new ArrayList<>();
        for (Shortage s : shortages) {
            List<Area> named = new ArrayList<>();
            boolean ok = true;
            for (String name : s.getPlaces()) {
                Area a = regions.area(name).orElse(null);
                if (a == null) {
                    problems.add(at(s, true, RegionsFile.unknown(regions, name)));
                    ok = false;
                } else {
                    named.add(a);
                }
            }
            if (!ok) continue;
            List<Province> provinces = new ArrayList<>();
            if (s.isEveryProvince()) provinces.addAll(PROVINCES);
            else provinces.add(s.getProvince());
            int before = out.size();
            for (Province p : provinces) {
                Set<Place> covered = new LinkedHashSet<>();
                if (named.isEmpty()) {
                    covered.addAll(p == null ? g.all() : g.inProvince(p));
                } else {
                    for (Area a : named) {
                        List<Place> inside = a.places().stream().filter(x -> p == null || x.province() == p).toList();
                        if (inside.isEmpty() && p != null && !s.isEveryProvince()) {
                            problems.add(at(s, true, "'" + a.name() + "' ligt niet in " + p.label()
                                    + "; noem alleen plaatsen in de provincie van de rij (of maak een rij per provincie)"));
                        }
                        covered.addAll(inside);
                    }
                }
                if (!covered.isEmpty()) out.add(s.resolved(p, named, covered));
            }
            if (out.size() == before && s.isEveryProvince()) {
                problems.add(at(s, true, "geen van de genoemde plaatsen ligt in een provincie"));
            }
        }
        return out;
    }

    private static Problem at(Shortage s, boolean places, String message) {
        Shortage.Origin o = s.getOrigin();
        if (o == null) return Problem.ofFile("shortages", message);
        return new Problem(o.file(), o.row(), places ? o.placesColumn() : o.provinceColumn(), message);
    }
}
