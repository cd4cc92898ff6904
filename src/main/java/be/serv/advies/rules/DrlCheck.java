package be.serv.advies.rules;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one DRL file for what classic DRL compiles and lets fail (or stay silent) at run time:
 * fields the fact model does not have, a number compared with text, a rule without a finding, a
 * finding without its text or with a code that precedence.yaml does not know, a text whose
 * placeholders do not match its values. Reads the DRL with Drools' own parser, so every rule comes
 * with its line; the fact classes are read by reflection.
 */
final class DrlCheck {
    static final String MODEL_PACKAGE = "be.serv.advies.model";
    private static final Pattern FINDING_CALL = Pattern.compile("\\bFinding\\s*\\.\\s*(applies|doesNotApply)\\s*\\(|\\bnew\\s+Finding\\s*\\(");
    private static final Pattern FORMAT_SPEC = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*\\d*(?:\\.\\d+)?([a-zA-Z%])");

    private final String file;
    private final String source;
    private final Precedence precedence;
    private final List<Diagnostic> out;

    private DrlCheck(String file, String source, Precedence precedence, List<Diagnostic> out) {
        this.file = file;
        this.source = source;
        this.precedence = precedence;
        this.out = out;
    }

    /** Every rule file of the folder; files with a syntax error are left to the compiler. */
    static final RuleCheck ALL = (folder, batch, out) -> folder.parsed().forEach((file, pkg) ->
            check(file, folder.drl().get(file), pkg, folder.precedence(), out));

    /** Adds what is wrong in {@code source} to {@code out}. */
    static void check(String file, String source, PackageDescr pkg, Precedence precedence, List<Diagnostic> out) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(out, "out");
        DrlCheck check = new DrlCheck(file, source, precedence, out);
        for (RuleDescr rule : pkg.getRules()) check.rule(rule);
    }

    // ---------------------------------------------------------------- conditions

    private void rule(RuleDescr rule) {
        Map<String, Class<?>> bindings = new HashMap<>();
        if (rule.getLhs() != null) conditions(rule, rule.getLhs(), bindings);
        consequence(rule);
    }

    private void conditions(RuleDescr rule, BaseDescr d, Map<String, Class<?>> bindings) {
        if (d instanceof PatternDescr p) {
            Class<?> type = typeOf(p.getObjectType());
            if (p.getSource() instanceof AccumulateDescr acc && acc.getInput() != null) conditions(rule, acc.getInput(), bindings);
            if (p.getSource() instanceof FromDescr) type = null; // 'from' may bind anything; leave it to Drools
            if (p.getSource() == null && type != null && type.getPackageName().equals(MODEL_PACKAGE)
                    && !be.serv.advies.model.SessionFacts.TYPES.contains(type)) {
                // Norm and RegionalDemand were facts once; a rule written that way compiles and silently never fires.
                report(rule, Math.max(0, p.getStartCharacter() >= 0 ? p.getStartCharacter() : rule.getStartCharacter()), "een "
                        + type.getSimpleName() + " komt nooit als feit in de sessie, dus deze voorwaarde past op niets. Feiten in de sessie: "
                        + String.join(", ", be.serv.advies.model.SessionFacts.TYPES.stream().map(Class::getSimpleName).sorted().toList())
                        + "; de drempels (norm) en de vraag (demand) staan in TrajectoryInProvince");
            }
            if (type != null && p.getIdentifier() != null) bindings.put(p.getIdentifier(), type);
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e && type != null) constraint(rule, e, type, bindings);
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (Object child : ce.getDescrs()) conditions(rule, (BaseDescr) child, bindings);
        }
    }

    private static Class<?> typeOf(String name) {
        if (name == null) return null;
        for (String prefix : new String[]{MODEL_PACKAGE + ".", "java.lang."}) {
            try {
                return Class.forName(prefix + name);
            } catch (ClassNotFoundException ignored) {
                // try the next package
            }
        }
        return null;
    }

    /** A token of a constraint: its text, where it starts in the constraint, and its kind. */
    private record Token(String text, int at, char kind) {
        // kind: 's' string literal, 'n' number, 'p' path ($a.x, field, Enum.CONST), 'o' operator/punctuation
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\d+(?:\\.\\d+)?[lLdDfF]?|[$\\w][\\w$]*(?:\\s*\\.\\s*[\\w$]+)*|==|!=|<=|>=|&&|\\|\\||[<>()+\\-*/,:!%]|\\S");

    private void constraint(RuleDescr rule, ExprConstraintDescr e, Class<?> type, Map<String, Class<?>> bindings) {
        String text = e.getExpression() == null ? e.getText() : e.getExpression();
        if (text == null || text.isBlank()) return;
        int base = source.indexOf(text, Math.max(0, e.getStartCharacter() - 2));
        if (base < 0) base = Math.max(0, e.getStartCharacter());
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String t = m.group();
            char kind = t.startsWith("\"") || t.startsWith("'") ? 's' : Character.isDigit(t.charAt(0)) ? 'n'
                    : (Character.isLetter(t.charAt(0)) || t.charAt(0) == '$' || t.charAt(0) == '_') ? 'p' : 'o';
            tokens.add(new Token(t, m.start(), kind));
        }
        // "$x : field" binds a field; the binding itself is not a field.
        List<Class<?>> types = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Class<?> resolved = null;
            if (t.kind() == 'p') {
                boolean bindingName = i + 1 < tokens.size() && tokens.get(i + 1).text().equals(":");
                boolean call = i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(");
                if (!bindingName) resolved = path(rule, t, base, type, bindings, call);
            } else if (t.kind() == 'n') {
                resolved = Number.class;
            } else if (t.kind() == 's') {
                resolved = String.class;
            }
            types.add(resolved);
        }
        comparisons(rule, tokens, types, base);
    }

    /** The type of a path, or null when unknown; reports a field that does not exist. */
    private Class<?> path(RuleDescr rule, Token t, int base, Class<?> type, Map<String, Class<?>> bindings, boolean call) {
        String[] parts = t.text().split("\\s*\\.\\s*");
        String first = parts[0];
        Class<?> current;
        int start;
        switch (first) {
            case "this" -> { current = type; start = 1; }
            case "null" -> { return Void.class; }
            case "true", "false" -> { return Boolean.class; }
            case "instanceof", "matches", "contains", "memberOf", "not", "in", "soundslike", "str" -> { return null; }
            default -> {
                if (first.startsWith("$")) {
                    current = bindings.get(first);
                    if (current == null) return null;
                    start = 1;
                } else if (Character.isUpperCase(first.charAt(0)) && typeOf(first) != null) {
                    Class<?> cls = typeOf(first);
                    if (cls.isEnum() && parts.length == 2) {
                        for (Object c : cls.getEnumConstants()) {
                            if (((Enum<?>) c).name().equals(parts[1])) return cls;
                        }
                        return null; // RuleLanguage names the unknown constant
                    }
                    return null;
                } else {
                    current = type;
                    start = 0;
                }
            }
        }
        int offsetInToken = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) offsetInToken = t.text().indexOf(parts[i], offsetInToken);
            if (i < start) continue;
            if (current == null) return null;
            boolean lastIsCall = call && i == parts.length - 1;
            Class<?> next = FactFields.property(current, parts[i], lastIsCall);
            if (next == null) return null; // RuleLanguage names what does not resolve
            current = lastIsCall ? null : next;
        }
        return current;
    }

    private enum Sort { NUMBER, TEXT, BOOLEAN, ENUM, OTHER }

    private static Sort sortOf(Class<?> c) {
        if (c == null || c == Void.class) return Sort.OTHER;
        if (c == int.class || c == long.class || c == double.class || c == float.class || c == short.class
                || Number.class.isAssignableFrom(c)) return Sort.NUMBER;
        if (c == String.class) return Sort.TEXT;
        if (c == boolean.class || c == Boolean.class) return Sort.BOOLEAN;
        if (c.isEnum()) return Sort.ENUM;
        return Sort.OTHER;
    }

    private static final List<String> COMPARE = List.of("==", "!=", "<", ">", "<=", ">=");
    private static final List<String> BOUNDARY = List.of("&&", "||", "(", ")", ",", ":");

    private void comparisons(RuleDescr rule, List<Token> tokens, List<Class<?>> types, int base) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!COMPARE.contains(tokens.get(i).text())) continue;
            int l = i - 1;
            while (l >= 0 && !BOUNDARY.contains(tokens.get(l).text()) && !COMPARE.contains(tokens.get(l).text())) l--;
            int r = i + 1;
            while (r < tokens.size() && !BOUNDARY.contains(tokens.get(r).text()) && !COMPARE.contains(tokens.get(r).text())) r++;
            Sort left = operand(tokens, types, l + 1, i);
            Sort right = operand(tokens, types, i + 1, r);
            String lt = describe(tokens, l + 1, i);
            String rt = describe(tokens, i + 1, r);
            boolean numberText = (left == Sort.NUMBER && right == Sort.TEXT) || (left == Sort.TEXT && right == Sort.NUMBER);
            boolean boolText = (left == Sort.BOOLEAN && right == Sort.TEXT) || (left == Sort.TEXT && right == Sort.BOOLEAN);
            if (numberText) {
                String number = left == Sort.NUMBER ? lt : rt;
                String text = left == Sort.NUMBER ? rt : lt;
                report(rule, base + tokens.get(i).at(), "vergelijkt een getal (" + number + ") met tekst (" + text
                        + "); schrijf een getal zonder aanhalingstekens of vergelijk met een veld dat een getal is");
            } else if (boolText) {
                report(rule, base + tokens.get(i).at(), "vergelijkt ja/nee (" + (left == Sort.BOOLEAN ? lt : rt) + ") met tekst ("
                        + (left == Sort.BOOLEAN ? rt : lt) + "); schrijf true of false zonder aanhalingstekens");
            } else if ((left == Sort.ENUM && right == Sort.TEXT) || (left == Sort.TEXT && right == Sort.ENUM)) {
                int enumAt = left == Sort.ENUM ? l + 1 : i + 1;
                Class<?> enumType = types.get(enumAt);
                out.add(Diagnostic.warning(file, pos(base + tokens.get(i).at())[0], pos(base + tokens.get(i).at())[1],
                        "regel '" + rule.getName() + "': vergelijkt een keuzeveld met tekst; schrijf "
                                + (enumType == null ? "de waarde" : enumType.getSimpleName() + ".WAARDE (" + FactFields.constants(enumType) + ")")));
            }
        }
    }

    private static Sort operand(List<Token> tokens, List<Class<?>> types, int from, int to) {
        Sort result = null;
        boolean arithmetic = false;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (List.of("+", "-", "*", "/", "%").contains(t.text())) arithmetic = true;
            if (t.kind() == 'o') continue;
            Sort s = sortOf(types.get(k));
            if (s == Sort.OTHER && types.get(k) == null) return Sort.OTHER;
            if (result == null) result = s;
            else if (result != s) return arithmetic && (result == Sort.TEXT || s == Sort.TEXT) ? Sort.TEXT : Sort.OTHER;
        }
        return result == null ? Sort.OTHER : result;
    }

    private static String describe(List<Token> tokens, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (s.length() > 0) s.append(' ');
            s.append(tokens.get(k).text());
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- consequence

    private void consequence(RuleDescr rule) {
        String then = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        int ruleStart = Math.max(0, rule.getStartCharacter());
        int thenAt = source.indexOf(then, ruleStart);
        if (thenAt < 0 && !then.isBlank()) {
            // The parser may hand the consequence back with other white space; place it after 'then'.
            Matcher kw = Pattern.compile("\\bthen\\b").matcher(source);
            thenAt = kw.find(ruleStart) ? kw.end() : ruleStart;
            then = source.substring(thenAt, Math.min(source.length(), thenAt + then.length()));
        }
        if (then.isBlank()) {
            int[] p = ruleLine(rule);
            out.add(Diagnostic.error(file, p[0], p[1], "regel '" + rule.getName() + "' doet niets: het then-deel moet een bevinding "
                    + "toevoegen, bv. insert(Finding.applies($a, \"CODE\", \"waarom, met de cijfers\"))"));
            return;
        }
        Matcher m = FINDING_CALL.matcher(then);
        int calls = 0;
        while (m.find()) {
            calls++;
            boolean constructor = m.group(1) == null;
            List<int[]> args = arguments(then, m.end());
            int callAt = thenAt + m.start();
            int codeIndex = constructor ? 1 : 1;
            int textIndex = constructor ? 3 : 2;
            if (args.size() <= codeIndex) {
                report(rule, callAt, "bevinding zonder redencode: geef als tweede waarde de code uit precedence.yaml, bv. \"OVERSUPPLY\"");
                continue;
            }
            String code = then.substring(args.get(codeIndex)[0], args.get(codeIndex)[1]).strip();
            int codeAt = thenAt + args.get(codeIndex)[0] + leading(then, args.get(codeIndex)[0]);
            if (code.matches("\"[^\"]*\"")) {
                String c = code.substring(1, code.length() - 1);
                if (c.isBlank()) {
                    report(rule, codeAt, "bevinding met een lege redencode");
                } else if (precedence != null && !precedence.knows(c)) {
                    String near = FactFields.suggestion(c, new ArrayList<>(precedence.codes().keySet()));
                    report(rule, codeAt, "redencode '" + c + "' staat niet in precedence.yaml; "
                            + (near.startsWith("bedoelt") ? near + " Anders: " : "") + "voeg haar daar toe met haar soort en omschrijving");
                }
            } else {
                int[] p = pos(codeAt);
                out.add(Diagnostic.warning(file, p[0], p[1], "regel '" + rule.getName() + "': de redencode is geen vaste tekst tussen "
                        + "aanhalingstekens en kan niet nagekeken worden"));
            }
            if (args.size() <= textIndex) {
                report(rule, callAt, "bevinding zonder reden: geef na de code een tekst die zegt waarom, met de cijfers");
                continue;
            }
            String textExpr = then.substring(args.get(textIndex)[0], args.get(textIndex)[1]).strip();
            int textAt = thenAt + args.get(textIndex)[0] + leading(then, args.get(textIndex)[0]);
            String literal = literal(textExpr);
            if (literal != null && literal.isBlank()) {
                report(rule, textAt, "bevinding zonder reden: de tekst is leeg; zeg waarom, met de cijfers");
            } else if (literal != null && !constructor) {
                int specs = 0;
                Matcher f = FORMAT_SPEC.matcher(literal);
                while (f.find()) if (!f.group(1).equals("%") && !f.group(1).equals("n")) specs++;
                int values = args.size() - textIndex - 1;
                if (specs != values) {
                    report(rule, textAt, "de tekst heeft " + specs + " invulplaats(en) (%d, %s, ...) maar er volgen " + values
                            + " waarde(n); de regel zou falen bij het uitvoeren");
                }
            }
        }
        if (calls == 0) {
            int[] p = pos(thenAt);
            out.add(Diagnostic.error(file, p[0], 0, "regel '" + rule.getName() + "' voegt geen bevinding toe: "
                    + "elke regel geeft een redencode en een reden, bv. insert(Finding.applies($a, \"CODE\", \"waarom\"))"));
        }
    }

    /** Offsets [start, end) of the top-level arguments of a call whose '(' ends just before {@code open}. */
    private static List<int[]> arguments(String s, int open) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = open;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!s.substring(start, i).isBlank()) out.add(new int[]{start, i});
                    return out;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(new int[]{start, i});
                start = i + 1;
            }
        }
        return out;
    }

    private static int leading(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) k++;
        return k - from;
    }

    /** The text of a string literal or of literals joined with +; null when the text is computed. */
    private static String literal(String expr) {
        Matcher m = Pattern.compile("\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(\\+|$)").matcher(expr);
        StringBuilder s = new StringBuilder();
        int at = 0;
        while (at < expr.length()) {
            m.region(at, expr.length());
            if (!m.lookingAt()) return null;
            s.append(m.group(1));
            at = m.end();
        }
        return s.toString();
    }

    private int[] ruleLine(RuleDescr rule) {
        return rule.getStartCharacter() >= 0 ? pos(rule.getStartCharacter()) : new int[]{rule.getLine(), 0};
    }

    private void report(RuleDescr rule, int offset, String message) {
        int[] p = pos(offset);
        out.add(Diagnostic.error(file, p[0], p[1], "regel '" + rule.getName() + "': " + message));
    }

    private int[] pos(int offset) {
        return DrlMessages.position(source, offset);
    }
}
