package be.serv.advies.review;

import java.util.Locale;
import java.util.Optional;

/**
 * What a reviewer may do. The secretariat of the SERV runs the review; a sector's representative
 * decides on the applications of the partnerships named for them and reads the others; a reader only
 * reads.
 */
public enum Role {
    SECRETARIAAT("secretariaat"),
    SECTOR("sector"),
    LEZER("lezer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Dutch word used on the command line, in the database and on the pages. */
    public String label() {
        return label;
    }

    public static Optional<Role> of(String label) {
        if (label == null) return Optional.empty();
        String l = label.strip().toLowerCase(Locale.ROOT);
        for (Role r : values()) if (r.label.equals(l)) return Optional.of(r);
        return Optional.empty();
    }
}
