package be.serv.advies.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
    public static Optional<String> problem(String name, Role role, Set<String> sectors, Set<String> known, int passwordLength) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("ongeldige naam: een naam heeft 1 tot " + MAX_NAME + " tekens, zonder stuurtekens");
        }
        Optional<String> lookAlike = lookAlike(n);
        if (lookAlike.isPresent()) return lookAlike;
        if (role == Role.SECTOR && sectors.isEmpty()) {
            return Optional.of("de rol sector heeft minstens één sector nodig");
        }
        if (role != Role.SECTOR && !sectors.isEmpty()) {
            return Optional.of("enkel de rol sector heeft sectoren (" + role.label() + " "
                    + (role == Role.LEZER ? "bekijkt" : "beslist") + " alle sectoren)");
        }
        if (known != null) {
            List<String> unknown = sectors.stream().filter(c -> !known.contains(c)).sorted().toList();
            if (!unknown.isEmpty()) {
                return Optional.of("onbekende sector " + String.join(", ", unknown) + "; bekende codes: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        if (passwordLength < MIN_PASSWORD) return Optional.of("het wachtwoord moet minstens " + MIN_PASSWORD + " tekens hebben");
        return Optional.empty();
    }

    /**
     * The key names are compared by, NFKC-normalised and case-folded: {@code Anna}, {@code anna} and
     * full-width {@code ａｎｎａ} are one reviewer.
     */
    public static String key(String name) {
        String n = java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFKC);
        // Upper then lower folds what one step does not (ß and SS, the Greek final sigma).
        String folded = n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return java.text.Normalizer.normalize(folded, java.text.Normalizer.Form.NFKC);
    }

    /**
     * Why a name could pass for another one, in Dutch, or empty: invisible, format or bidi characters
     * (a zero-width space, a soft hyphen, a right-to-left override), spaces other than the plain one,
     * characters that compatibility normalisation changes (full-width letters, ligatures), or letters
     * from more than one script (a Cyrillic а among Latin letters).
     */
    static Optional<String> lookAlike(String name) {
        String nfc = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        for (int i = 0; i < nfc.length(); ) {
            int c = nfc.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.CONTROL) {
                return Optional.of(String.format("ongeldige naam: ze bevat een onzichtbaar teken of stuurteken (U+%04X); "
                        + "typ de naam opnieuw met gewone letters", c));
            }
            if (Character.isWhitespace(c) && c != ' ' || Character.isSpaceChar(c) && c != ' ') {
                return Optional.of(String.format("ongeldige naam: ze bevat een bijzondere spatie (U+%04X); gebruik een gewone spatie", c));
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) scripts.add(script);
        }
        if (scripts.size() > 1) {
            return Optional.of("ongeldige naam: ze mengt schriften (" + scripts.stream().map(Account::scriptName).sorted()
                    .collect(Collectors.joining(", ")) + "), zodat ze op een andere naam kan lijken");
        }
        if (!nfc.equals(java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFKC))) {
            return Optional.of("ongeldige naam: ze bevat tekens in een bijzondere vorm (zoals brede letters of ligaturen); "
                    + "typ de naam met gewone letters");
        }
        return Optional.empty();
    }

    private static String scriptName(Character.UnicodeScript s) {
        return switch (s) {
            case LATIN -> "Latijns";
            case CYRILLIC -> "Cyrillisch";
            case GREEK -> "Grieks";
            case ARABIC -> "Arabisch";
            case HEBREW -> "Hebreeuws";
            default -> s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
        };
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
