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

    @Override
    public String toString() {
        return name;
    }
}
