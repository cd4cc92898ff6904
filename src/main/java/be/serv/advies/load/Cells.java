package be.serv.advies.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Typed reading of one row's cells. Every bad cell adds a problem naming the file, row and column,
 * and yields a neutral value so the rest of the row is still checked: the user sees every problem
 * at once.
 */
public final class Cells {
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

    public String text(String column) {
        String v = row.get(column);
        if (v == null) problem(column, "verplichte waarde ontbreekt");
        return v;
    }

    public String optionalText(String column) {
        return row.get(column);
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
        String digits = v.replace(" ", "").replace("\u00a0", "");
        try {
            long n = Long.parseLong(digits);
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
        switch (v.toLowerCase(Locale.ROOT)) {
            case "ja", "j", "yes", "y", "true", "waar", "1", "x":
                return true;
            case "nee", "n", "no", "false", "onwaar", "0":
                return false;
            default:
                problem(column, "'" + abbreviate(v) + "' is geen ja of nee");
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
        String one = v.replace("\r\n", "\u21b5").replace('\n', '\u21b5').replace('\r', '\u21b5').replace('\t', ' ');
        return one.length() <= 40 ? one : one.substring(0, 37) + "...";
    }
}
