package be.serv.advies.load;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed reading of one row's cells. Every bad cell adds a problem naming the file, row and column,
 * and yields a neutral value so the rest of the row is still checked: the user sees every problem
 * at once.
 */
public final class Cells {
    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");
    private final Row row;
    private final List<Problem> problems;
    private final int problemsBefore;

    public Cells(Row row, List<Problem> problems) {
        this.row = Objects.requireNonNull(row, "row");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.problemsBefore = problems.size();
    }

    public Row row() {
        return row;
    }

    /** True when no problem was added while reading this row. */
    public boolean ok() {
        return problems.size() == problemsBefore;
    }

    public void problem(String column, String message) {
        problems.add(new Problem(row.file(), row.number(), row.columnRef(column), column + ": " + message));
    }

    /** Free text (a name, a place, a motivation): line breaks and tabs may be in it, control characters not. */
    public String text(String column) {
        String v = row.get(column);
        if (v == null) problem(column, "verplichte waarde ontbreekt");
        return v == null || cleanText(column, v) ? v : null;
    }

    public String optionalText(String column) {
        String v = row.get(column);
        return v == null || cleanText(column, v) ? v : null;
    }

    /**
     * An id or code: besides control characters, no invisible character (zero-width space, soft
     * hyphen, direction marks, a non-breaking space, ...). Such a code looks like the clean one on
     * screen but matches nothing, so an application would silently count apart from its twin.
     */
    public String code(String column) {
        String v = row.get(column);
        if (v == null) {
            problem(column, "verplichte waarde ontbreekt");
            return null;
        }
        return cleanCode(column, v) ? nfc(v) : null;
    }

    public String optionalCode(String column) {
        String v = row.get(column);
        return v == null ? null : cleanCode(column, v) ? nfc(v) : null;
    }

    /** One spelling per character: "café" typed and "café" pasted (e + combining accent) are the same id. */
    public static String nfc(String v) {
        return Normalizer.isNormalized(v, Normalizer.Form.NFC) ? v : Normalizer.normalize(v, Normalizer.Form.NFC);
    }

    private boolean cleanText(String column, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') continue;
            if (Character.isISOControl(c)) {
                badCharacter(column, v, i, "een stuurteken");
                return false;
            }
        }
        return true;
    }

    private boolean cleanCode(String column, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c)) {
                badCharacter(column, v, i, "een stuurteken");
                return false;
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || (type == Character.SPACE_SEPARATOR && c != ' ') || c == '\u115F' || c == '\u1160' || c == '\u3164'
                    || c == '\uFFA0' || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                badCharacter(column, v, i, "een onzichtbaar of onbekend teken");
                return false;
            }
            if (type == Character.DASH_PUNCTUATION && c != '-' || c == '\u2212') {
                // An en dash or minus sign looks like '-' on screen but matches no code written with it.
                badCharacter(column, v, i, "een ander streepje dan '-'", "typ het gewone streepje (-)");
                return false;
            }
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                // A Cyrillic 'а' or Greek 'Ο' is indistinguishable from the Latin letter and matches nothing.
                badCharacter(column, v, i, "een letter uit een ander schrift dan het Latijnse ('" + c + "')",
                        "typ de letter opnieuw op een gewoon toetsenbord");
                return false;
            }
        }
        return true;
    }

    private void badCharacter(String column, String v, int at, String what) {
        badCharacter(column, v, at, what, "typ de waarde opnieuw of verwijder het teken");
    }

    private void badCharacter(String column, String v, int at, String what, String advice) {
        problem(column, "'" + abbreviate(v) + "' bevat " + what + " (U+" + String.format("%04X", (int) v.charAt(at))
                + ") op positie " + (at + 1) + "; " + advice);
    }

    /** The value as a message can show it: each character that would not show is written as its code. */
    private static String visible(String v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            int type = Character.getType(c);
            boolean shows = !Character.isISOControl(c) && type != Character.FORMAT && type != Character.UNASSIGNED
                    && type != Character.PRIVATE_USE && type != Character.SURROGATE && (c == ' ' || !Character.isSpaceChar(c));
            if (shows) s.append(c);
            else s.append("<U+").append(String.format("%04X", (int) c)).append('>');
        }
        return s.toString();
    }

    public int count(String column) {
        String v = row.get(column);
        if (v == null) {
            problem(column, "verplichte waarde ontbreekt");
            return 0;
        }
        return parseCount(column, v);
    }

    public Integer optionalCount(String column) {
        String v = row.get(column);
        return v == null ? null : parseCount(column, v);
    }

    private int parseCount(String column, String v) {
        // Only the digits 0-9: Java would also read Arabic-Indic or full-width digits, and a number
        // with a space in it may be two numbers run together; neither is what the writer meant to count.
        if (!DIGITS.matcher(v).matches()) {
            // The hint only where it helps: a word is plainly no number, "١٢" or "1 2" looks like one.
            boolean looksNumeric = v.chars().anyMatch(Character::isDigit);
            problem(column, "'" + abbreviate(v) + "' is geen geheel getal"
                    + (looksNumeric ? " (alleen de cijfers 0-9, eventueel met een teken ervoor)" : ""));
            return 0;
        }
        if (v.length() > 12) {
            problem(column, "'" + abbreviate(v) + "' is onwaarschijnlijk groot");
            return 0;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                problem(column, "'" + v + "' is negatief; een aantal kan niet negatief zijn");
                return 0;
            }
            if (n > 1_000_000_000L) {
                problem(column, "'" + abbreviate(v) + "' is onwaarschijnlijk groot");
                return 0;
            }
            return (int) n;
        } catch (NumberFormatException e) {
            problem(column, "'" + abbreviate(v) + "' is geen geheel getal");
            return 0;
        }
    }

    public boolean yesNo(String column) {
        String v = row.get(column);
        if (v == null) {
            problem(column, "verplichte waarde ontbreekt (ja of nee)");
            return false;
        }
        return parseYesNo(column, v, false);
    }

    public boolean optionalYesNo(String column, boolean fallback) {
        String v = row.get(column);
        return v == null ? fallback : parseYesNo(column, v, fallback);
    }

    private boolean parseYesNo(String column, String v, boolean fallback) {
        // Exactly the two documented words (in any case): "x", "1" or "yes" may mean yes to one writer and
        // a placeholder to another, and a guess would change the verdict without a word.
        switch (v.toLowerCase(Locale.ROOT)) {
            case "ja":
                return true;
            case "nee":
                return false;
            default:
                problem(column, "'" + abbreviate(v) + "' is geen ja of nee; schrijf ja of nee");
                return fallback;
        }
    }

    /** {@code unknown} is the phrase for a bad value, e.g. "onbekend niveau". */
    public <E extends Enum<E>> E choice(String column, Class<E> type, String unknown) {
        String v = row.get(column);
        if (v == null) {
            problem(column, "verplichte waarde ontbreekt (" + allowed(type) + ")");
            return null;
        }
        String key = v.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_').replace("!", "");
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) return e;
        }
        problem(column, unknown + " '" + abbreviate(v) + "'; toegelaten: " + allowed(type));
        return null;
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A value quoted in a message: short, and on one line (a quoted cell may hold line breaks). */
    public static String abbreviate(String v) {
        String one = visible(v.replace("\r\n", "\u21b5").replace('\n', '\u21b5').replace('\r', '\u21b5').replace('\t', ' '));
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }
}
