package be.serv.advies.model;

import java.util.Objects;

/**
 * A municipality of Flanders or Brussels as the gazetteer knows it: the place an application's
 * campus is in, resolved when the batch is loaded, so rules compare places, not spellings.
 */
public record Place(String nis, String name, String arrondissement, Province province) {
    public Place {
        Objects.requireNonNull(nis, "nis");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arrondissement, "arrondissement");
        Objects.requireNonNull(province, "province");
    }

    /**
     * Written out rather than generated: rules compare places for every application and shortage,
     * and on a short run the generated record methods cost more than the comparisons themselves.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Place p && nis.equals(p.nis) && name.equals(p.name)
                && arrondissement.equals(p.arrondissement) && province == p.province;
    }

    /** The NIS code identifies the municipality; equal places have equal codes. */
    @Override
    public int hashCode() {
        return nis.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
