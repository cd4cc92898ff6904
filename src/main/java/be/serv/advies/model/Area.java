package be.serv.advies.model;

import java.util.List;
import java.util.Objects;

/** A named area a shortage speaks of, and the municipalities it covers. */
public record Area(String name, Kind kind, List<Place> places) {
    public enum Kind { REGION, MUNICIPALITY, ARRONDISSEMENT, PROVINCE }

    public Area {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        places = List.copyOf(places);
    }

    public boolean contains(Place p) {
        return places.contains(p);
    }
}
