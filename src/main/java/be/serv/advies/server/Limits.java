package be.serv.advies.server;

import be.serv.advies.review.ReviewStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long each field of a form or query may be. Checked before any action looks at a request, so a
 * megabyte typed into a field is refused with a message instead of being stored, hashed or shown.
 */
final class Limits {
    /** A field not named here: tokens, codes, versions. */
    static final int DEFAULT = 200;
    private static final Map<String, Integer> MAX = Map.of(
            "reden", ReviewStore.MAX_REASON,
            "tekst", ReviewStore.MAX_COMMENT,
            "terug", 1_000,
            "q", WorkList.Filter.MAX_Q,
            "naam", ReviewServer.MAX_NAME,
            "wachtwoord", ReviewServer.MAX_PASSWORD);
    private static final Map<String, String> LABEL = Map.of(
            "reden", "reden", "tekst", "opmerking", "q", "school of traject", "naam", "naam", "wachtwoord", "wachtwoord",
            "terug", "terugkeeradres");
    /** At most this much of a value from a request is shown back on a page. */
    static final int SHOWN = 80;

    private Limits() {
    }

    static int max(String field) {
        return MAX.getOrDefault(field, DEFAULT);
    }

    /** The Dutch message for the first field that is too long, if any. */
    static Optional<String> tooLong(Map<String, List<String>> fields) {
        for (Map.Entry<String, List<String>> f : fields.entrySet()) {
            String name = f.getKey();
            if (name.length() > DEFAULT) return Optional.of("Dit formulier heeft een veld met een te lange naam; er is niets vastgelegd.");
            int max = max(name);
            for (String v : f.getValue()) {
                if (v.length() > max) {
                    return Optional.of("Het veld ‘" + LABEL.getOrDefault(name, cut(name)) + "’ is te lang: hoogstens " + max
                            + " tekens, dit had er " + v.length() + ". Er is niets vastgelegd.");
                }
            }
        }
        return Optional.empty();
    }

    /** A value from a request as a page may show it: at most {@link #SHOWN} characters. */
    static String cut(String value) {
        if (value == null) return "";
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
    }

    /** A list of such values, at most ten of them. */
    static String list(List<String> values) {
        List<String> shown = values.stream().limit(10).map(Limits::cut).toList();
        return String.join(", ", shown) + (values.size() > 10 ? " en " + (values.size() - 10) + " andere" : "");
    }
}
