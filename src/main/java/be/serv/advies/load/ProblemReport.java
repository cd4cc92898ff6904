package be.serv.advies.load;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The lines a person reads for a list of problems: of each kind (the same message in the same file,
 * whatever value or row it names) the first {@link #PER_KIND} with their positions, then one line
 * with how many more there are. A file with a wrong separator or 98,000 duplicated rows gives a
 * screen to read, not 98,000 lines.
 */
public final class ProblemReport {
    public static final int PER_KIND = 20;
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ProblemReport() {
    }

    public static List<String> lines(List<Problem> problems) {
        Objects.requireNonNull(problems, "problems");
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, Problem> firstOfKind = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            String kind = kind(p);
            int n = seen.merge(kind, 1, Integer::sum);
            firstOfKind.putIfAbsent(kind, p);
            if (n <= PER_KIND) out.add(p.toString());
        }
        seen.forEach((kind, n) -> {
            if (n > PER_KIND) {
                Problem first = firstOfKind.get(kind);
                out.add("en " + number(n - PER_KIND) + " andere problemen van dezelfde soort in " + first.file()
                        + " (" + Cells.abbreviate(first.message()) + ")");
            }
        });
        return out;
    }

    /** The message without the values and numbers it names: "id: '…' komt twee keer voor (ook op rij …)". */
    static String kind(Problem p) {
        String m = QUOTED.matcher(p.message()).replaceAll("'…'");
        return p.file() + "\u0000" + NUMBER.matcher(m).replaceAll("…");
    }

    /** 8046 as a Dutch reader writes it: 8.046. */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("nl-BE")).format(n);
    }
}
