package be.serv.advies.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The pattern of a {@code matches} condition. Java's regular expressions backtrack, and a pattern
 * like {@code (.*a){25}b} takes longer than any run may. So a pattern must be a literal text, and
 * must be of a shape that backtracks a bounded number of times per character: no repeated group
 * that itself repeats or chooses ({@code (a+)+}, {@code (a|aa)*}), no two repetitions next to each
 * other that can take the same characters without bound ({@code .*.*}, {@code \w+\d+}), no back
 * references or look-arounds, and at most two unbounded repetitions of any character ({@code .*},
 * {@code [a-z]+}, a group), so the work grows at most with the square of the text's length.
 */
final class RegexCheck {
    static final int MAX_UNBOUNDED = 2;

    private RegexCheck() {
    }

    /** Reports what is wrong with the right-hand side of {@code matches} through {@code report(node, message)}. */
    static void check(List<Expression> right, String where, BiConsumer<Node, String> report) {
        for (Expression e : right) {
            if (!(e instanceof StringLiteralExpr s)) {
                report.accept(e, where + ": 'matches' mag alleen met een vaste tekst tussen aanhalingstekens, bv. matches \".*keuken.*\"");
                continue;
            }
            String problem = problem(s.asString());
            if (problem != null) report.accept(e, where + ": het patroon \"" + s.getValue() + "\" van 'matches' " + problem);
        }
    }

    /** An atom of the pattern: what characters it can take, and how it repeats. */
    private record Atom(String set, boolean group, boolean repeatedInside, int min, int max) {
        boolean repeats() {
            return max > 1;
        }

        boolean unbounded() {
            return max == Integer.MAX_VALUE;
        }
    }

    /** Why the pattern is refused, in Dutch, or null when it is safe. */
    static String problem(String pattern) {
        List<Atom> atoms = new ArrayList<>();
        int unbounded = 0;
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            String set;
            boolean group = false;
            boolean inner = false;
            if (c == '(') {
                int depth = 0;
                int j = i;
                for (; j < n; j++) {
                    char d = pattern.charAt(j);
                    if (d == '\\') { j++; continue; }
                    if (d == '(') depth++;
                    if (d == ')' && --depth == 0) break;
                }
                if (j >= n) return "is geen geldig patroon (een haakje sluit niet)";
                String body = pattern.substring(i + 1, j);
                if (body.startsWith("?=") || body.startsWith("?!") || body.startsWith("?<=") || body.startsWith("?<!")) {
                    return "gebruikt een vooruit- of terugblik ((?=...), (?!...)); die is niet toegestaan";
                }
                String inside = problem(body.startsWith("?:") ? body.substring(2) : body);
                if (inside != null) return inside;
                inner = body.matches("(?s).*(?<!\\\\)[*+?|{].*");
                unbounded += countUnbounded(body);
                set = "*";
                group = true;
                i = j + 1;
            } else if (c == '[') {
                int j = i + 1;
                if (j < n && pattern.charAt(j) == '^') j++;
                if (j < n && pattern.charAt(j) == ']') j++;
                while (j < n && pattern.charAt(j) != ']') {
                    if (pattern.charAt(j) == '\\') j++;
                    j++;
                }
                if (j >= n) return "is geen geldig patroon (een [ sluit niet)";
                set = "*";
                i = j + 1;
            } else if (c == '\\') {
                if (i + 1 >= n) return "is geen geldig patroon (eindigt op \\)";
                char e = pattern.charAt(i + 1);
                if (Character.isDigit(e) || e == 'k') return "verwijst terug naar een groep (\\1); dat is niet toegestaan";
                set = "dDwWsS".indexOf(e) >= 0 ? "\\" + e : String.valueOf(e);
                i += 2;
            } else if (c == '.') {
                set = "*";
                i++;
            } else if (c == '|' || c == '^' || c == '$') {
                atoms.add(null); // a boundary between sequences
                i++;
                continue;
            } else if ("*+?{".indexOf(c) >= 0) {
                return "begint met een herhaling zonder iets om te herhalen";
            } else {
                set = String.valueOf(c);
                i++;
            }
            int min = 1;
            int max = 1;
            if (i < n) {
                char q = pattern.charAt(i);
                if (q == '*' || q == '+' || q == '?') {
                    min = q == '+' ? 1 : 0;
                    max = q == '?' ? 1 : Integer.MAX_VALUE;
                    i++;
                } else if (q == '{') {
                    int close = pattern.indexOf('}', i);
                    if (close < 0) return "is geen geldig patroon (een { sluit niet)";
                    String[] bounds = pattern.substring(i + 1, close).split(",", -1);
                    try {
                        min = Integer.parseInt(bounds[0].strip());
                        max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].strip());
                    } catch (NumberFormatException ex) {
                        return "is geen geldig patroon (herhaling {" + pattern.substring(i + 1, close) + "})";
                    }
                    i = close + 1;
                }
                if (i < n && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+') && max > 1) i++; // lazy or possessive
            }
            Atom a = new Atom(set, group, inner, min, max);
            if (a.group() && a.repeats() && a.repeatedInside()) {
                return "herhaalt een groep die zelf herhaalt of kiest; zo'n patroon kan eindeloos lang zoeken";
            }
            if (a.unbounded() && a.set().equals("*")) unbounded++;
            if (!atoms.isEmpty() && atoms.get(atoms.size() - 1) != null) {
                Atom before = atoms.get(atoms.size() - 1);
                if (before.unbounded() && a.unbounded() && overlap(before.set(), a.set())) {
                    return "zet twee herhalingen die dezelfde tekens kunnen nemen naast elkaar; zo'n patroon kan eindeloos lang zoeken";
                }
            }
            atoms.add(a);
        }
        if (unbounded > MAX_UNBOUNDED) {
            return "heeft meer dan " + MAX_UNBOUNDED + " open herhalingen (*, +); schrijf het eenvoudiger, bv. \".*keuken.*\"";
        }
        return null;
    }

    private static int countUnbounded(String body) {
        int count = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '*' || c == '+') count++;
            if (c == '{' && body.indexOf('}', i) > 0 && body.substring(i, body.indexOf('}', i)).endsWith(",")) count++;
        }
        return count;
    }

    /** Whether two atoms can take the same character; "*" is any. */
    private static boolean overlap(String a, String b) {
        if (a.equals("*") || b.equals("*")) return true;
        if (a.startsWith("\\") && a.length() == 2 && b.startsWith("\\") && b.length() == 2) {
            String pair = "" + a.charAt(1) + b.charAt(1);
            return !(pair.equals("ds") || pair.equals("sd") || pair.equals("ws") || pair.equals("sw"));
        }
        if (a.startsWith("\\") && a.length() == 2) return in(b.charAt(0), a.charAt(1));
        if (b.startsWith("\\") && b.length() == 2) return in(a.charAt(0), b.charAt(1));
        return a.equals(b);
    }

    private static boolean in(char c, char category) {
        return switch (category) {
            case 'd' -> Character.isDigit(c);
            case 'w' -> Character.isLetterOrDigit(c) || c == '_';
            case 's' -> Character.isWhitespace(c);
            default -> true; // \D, \W, \S take nearly anything
        };
    }
}
