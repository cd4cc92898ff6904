package be.serv.advies.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known name nearest to a misspelt one, for messages of the form "bedoelt u 'X'?". */
public final class Nearest {
    private Nearest() {
    }

    /** The closest of {@code known} when it is close enough to be a slip of the keyboard. */
    public static Optional<String> to(String wrong, Collection<String> known) {
        if (wrong == null) return Optional.empty();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, wrong.length() / 4) ? Optional.of(best) : Optional.empty();
    }

    /** "; bedoelt u 'X'?" or nothing. */
    public static String hint(String wrong, Collection<String> known) {
        return to(wrong, known).map(k -> "; bedoelt u '" + k + "'?").orElse("");
    }

    /** Levenshtein distance: how many single-character edits turn one name into the other. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
