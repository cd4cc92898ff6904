package be.serv.advies.review;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A reviewer as the server knows them: the name as it was written when the account was made (the
 * name in every decision), the password hash, the role and, for {@link Role#SECTOR}, the codes of the
 * partnerships they decide on.
 */
public record Account(String name, String passwordHash, Role role, Set<String> sectors) {
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        sectors = Set.copyOf(new TreeSet<>(sectors));
        if (role == Role.SECTOR && sectors.isEmpty()) throw new IllegalArgumentException("a sector reviewer needs at least one sector");
        if (role != Role.SECTOR && !sectors.isEmpty()) throw new IllegalArgumentException("only a sector reviewer has sectors");
    }

    /** The key names are compared by: {@code Anna} and {@code anna} are one reviewer. */
    public static String key(String name) {
        return java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** May this reviewer decide (confirm, override, comment) on an application of this partnership? */
    public boolean decidesOn(String partnershipCode) {
        return switch (role) {
            case SECRETARIAAT -> true;
            case SECTOR -> sectors.contains(partnershipCode);
            case LEZER -> false;
        };
    }

    /** Rows of this partnership go into this reviewer's exports: all for the secretariat and readers, their own for a sector. */
    public boolean exports(String partnershipCode) {
        return role != Role.SECTOR || sectors.contains(partnershipCode);
    }

    public boolean isSecretariat() {
        return role == Role.SECRETARIAAT;
    }
}
