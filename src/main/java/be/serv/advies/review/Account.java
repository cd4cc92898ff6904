package be.serv.advies.review;

import java.util.List;
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

    /** Longest name: it is shown in every decision and on every page. */
    public static final int MAX_NAME = 80;
    /** At least this long: the accounts guard decisions that go to the minister. */
    public static final int MIN_PASSWORD = 10;

    /**
     * What is wrong with a new account, in Dutch, or empty when nothing is; the one check for the
     * command line and the secretariat's page.
     *
     * @param known the partnership codes of the batch, or null when there is no batch to check against
     */
    public static java.util.Optional<String> problem(String name, Role role, Set<String> sectors, Set<String> known, int passwordLength) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            return java.util.Optional.of("ongeldige naam: een naam heeft 1 tot " + MAX_NAME + " tekens, zonder stuurtekens");
        }
        if (role == Role.SECTOR && sectors.isEmpty()) {
            return java.util.Optional.of("de rol sector heeft minstens één sector nodig");
        }
        if (role != Role.SECTOR && !sectors.isEmpty()) {
            return java.util.Optional.of("enkel de rol sector heeft sectoren (" + role.label() + " "
                    + (role == Role.LEZER ? "bekijkt" : "beslist") + " alle sectoren)");
        }
        if (known != null) {
            List<String> unknown = sectors.stream().filter(c -> !known.contains(c)).sorted().toList();
            if (!unknown.isEmpty()) {
                return java.util.Optional.of("onbekende sector " + String.join(", ", unknown) + "; bekende codes: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        if (passwordLength < MIN_PASSWORD) return java.util.Optional.of("het wachtwoord moet minstens " + MIN_PASSWORD + " tekens hebben");
        return java.util.Optional.empty();
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
