package be.serv.advies.engine;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.SimilarText;
import be.serv.advies.model.Trajectory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares the application texts within each institution (§2.5: "dezelfde tekst voor verschillende
 * opleidingen, enkel de naam gewijzigd"). A school that copies a text changes the training's name, a
 * date, a number of students; so each text is compared without its own trajectory's name and code,
 * without numbers and dates, as sets of three-word shingles, by their Jaccard similarity.
 */
public final class TextComparison {
    static final int SHINGLE = 3;
    private static final Set<String> MONTHS = Set.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
            "augustus", "september", "oktober", "november", "december");

    private TextComparison() {
    }

    /** For each application with another application of its institution for another trajectory: the most similar one. */
    public static Map<String, SimilarText> mostSimilar(Batch batch) {
        return mostSimilar(batch, batch.getApplications().size() >= PARALLEL_FROM);
    }

    static Map<String, SimilarText> mostSimilar(Batch batch, boolean onAllCores) {
        Map<String, List<Application>> byInstitution = new LinkedHashMap<>();
        for (Application a : batch.getApplications()) {
            byInstitution.computeIfAbsent(a.getInstitutionNumber(), k -> new ArrayList<>()).add(a);
        }
        List<List<Application>> compared = byInstitution.values().stream().filter(apps -> apps.size() >= 2).toList();
        // Institutions are compared independently, so a large batch spreads them over the cores; the
        // result does not depend on the order they finish in.
        Stream<List<Application>> institutions = onAllCores ? compared.parallelStream() : compared.stream();
        Map<String, SimilarText> out = new LinkedHashMap<>();
        for (Map<String, SimilarText> one : institutions.map(apps -> mostSimilar(apps, batch)).toList()) out.putAll(one);
        return out;
    }

    /** Applications from which institutions are compared on all cores (below it, starting threads costs more than it saves). */
    static final int PARALLEL_FROM = 20_000;

    /** Within one institution of at least two applications: each application's most similar other text. */
    private static Map<String, SimilarText> mostSimilar(List<Application> apps, Batch batch) {
        Map<String, SimilarText> out = new LinkedHashMap<>();
        // Shingles as sorted ids (one numbering per institution): comparing two texts is then a merge
        // of two int arrays, which keeps an institution with a thousand applications affordable.
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> shingles = new ArrayList<>(apps.size());
        for (Application a : apps) {
            Set<String> words = shingles(a.getApplicationText(), batch.trajectory(a.getTrajectory()));
            int[] sorted = new int[words.size()];
            int k = 0;
            for (String w : words) sorted[k++] = ids.computeIfAbsent(w, x -> ids.size());
            Arrays.sort(sorted);
            shingles.add(sorted);
        }
        for (int i = 0; i < apps.size(); i++) {
            Application a = apps.get(i);
            int[] mine = shingles.get(i);
            int best = -1;
            Application bestOther = null;
            for (int j = 0; j < apps.size() && best < 100; j++) {
                Application o = apps.get(j);
                if (i == j || o.getTrajectory().equals(a.getTrajectory())) continue;
                int[] theirs = shingles.get(j);
                // The similarity cannot exceed the smaller set over the larger; skipping what cannot
                // beat the best so far changes no result.
                if (best >= 0 && upperBound(mine.length, theirs.length) <= best) continue;
                int s = similarity(mine, theirs);
                // Ties go to the first in batch order, so the same batch quotes the same application.
                if (s > best) {
                    best = s;
                    bestOther = o;
                }
            }
            if (bestOther != null) {
                out.put(a.getId(), new SimilarText(a.getId(), bestOther.getId(),
                        batch.trajectory(bestOther.getTrajectory()).getName(), best));
            }
        }
        return out;
    }

    private static int upperBound(int m, int n) {
        if (m == 0 || n == 0) return 0;
        return (int) (100L * Math.min(m, n) / Math.max(m, n));
    }

    /** {@link #similarity(Set, Set)} over sorted, distinct shingle ids. */
    static int similarity(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) return 0;
        int common = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return (int) (100L * common / union);
    }

    /** The text's three-word shingles, without the trajectory's own name and code, numbers and dates. */
    static Set<String> shingles(String text, Trajectory own) {
        String t = fold(text);
        for (String name : ownNames(own)) {
            if (!name.isBlank()) t = t.replace(name, " ");
        }
        List<String> words = words(t);
        Set<String> out = new HashSet<>();
        if (words.isEmpty()) return out;
        if (words.size() < SHINGLE) {
            out.add(String.join(" ", words));
            return out;
        }
        StringBuilder shingle = new StringBuilder();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingle.setLength(0);
            for (int k = 0; k < SHINGLE; k++) {
                if (k > 0) shingle.append(' ');
                shingle.append(words.get(i + k));
            }
            out.add(shingle.toString());
        }
        return out;
    }

    /**
     * The words of a folded text: runs of letters and numbers (Unicode's L and N), without the words
     * that hold a digit and without the names of the months. Written out rather than as a regular
     * expression and streams: every application's text passes here on every start.
     */
    private static List<String> words(String t) {
        List<String> words = new ArrayList<>();
        int n = t.length();
        int i = 0;
        while (i < n) {
            int cp = t.codePointAt(i);
            if (!wordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < n) {
                cp = t.codePointAt(i);
                if (!wordChar(cp)) break;
                // A digit as the text's UTF-16 units show it (Character.isDigit(char)), as before.
                if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && Character.isDigit(cp)) digit = true;
                i += Character.charCount(cp);
            }
            if (digit) continue;
            String w = t.substring(start, i);
            if (!MONTHS.contains(w)) words.add(w);
        }
        return words;
    }

    private static boolean wordChar(int cp) {
        if (Character.isLetter(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** The name as schools write it: with and without "duaal", and the code with spaces for underscores. */
    private static List<String> ownNames(Trajectory t) {
        List<String> names = new ArrayList<>();
        String name = fold(t.getName()).strip();
        names.add(name);
        if (name.endsWith(" duaal")) names.add(name.substring(0, name.length() - " duaal".length()).strip());
        names.add(fold(t.getCode()));
        names.add(fold(t.getCode()).replace('_', ' '));
        return names;
    }

    /** NFC, lower case, and each run of white space (as {@code \s}: space, tab, line breaks, form feed) one space. */
    private static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        boolean inSpace = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space) b.append(c);
            else if (!inSpace) b.append(' ');
            inSpace = space;
        }
        return b.toString();
    }

    /** Jaccard similarity in whole percent, rounded down; two empty texts share nothing. */
    static int similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) if (large.contains(s)) common++;
        int union = a.size() + b.size() - common;
        return (int) (100L * common / union);
    }
}
