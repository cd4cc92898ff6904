package be.serv.advies.rules;

import be.serv.advies.model.Batch;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.*;
import com.github.javaparser.ast.stmt.*;
import com.github.javaparser.ast.type.Type;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file as a small typed language, checked on its parsed form. Drools' DRL parser gives the
 * rule structure; every pattern constraint is parsed with Drools' DRLX expression parser, and every
 * {@code eval}, {@code from}, accumulate argument, consequence and function with JavaParser. Each name
 * in those trees is then resolved: a binding or local variable, a field of the fact the pattern is
 * about, a fact class or an allowed helper class ({@link Calls}). Each method call must resolve to a
 * (type, method) pair of {@link Calls}, all of which only read or format. Whatever does not resolve
 * (reflection, other classes, static fields, lambdas, method references, {@code new} of anything but
 * a finding, loops, exceptions) is an error at its file, line and column, so it never compiles and
 * never runs. Names built from strings cannot hide here: a string is a value, and no allowed method
 * turns a value into a class or a call.
 */
final class RuleLanguage implements RuleCheck {
    static final String MODEL_PACKAGE = "be.serv.advies.model";
    static final String ALLOWED = "een then-deel mag alleen feiten lezen (getX()) en bevindingen toevoegen "
            + "(insert(Finding.applies(...)) of Finding.doesNotApply(...)), met tekst, getallen, if/else en String.format";
    static final String CONDITION_ALLOWED = "een voorwaarde leest alleen velden van de feiten en vergelijkt ze (zie rules/README.md)";
    private static final Set<String> CHANGES = Set.of("update", "modify", "delete", "retract");
    private static final Pattern CHANGE = Pattern.compile("(?<![\\w$.])(modify|update|delete|retract)\\s*\\(");
    /** A name written like a code of the catalogue (ELEK, OK3_KOK): meant as text, quotes forgotten. */
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    /** A format width or precision of four digits or more: a text of any length from a short rule. */
    private static final Pattern HUGE_FORMAT = Pattern.compile("%(\\d+\\$)?[-#+ 0,(<]*(\\d{4,}|\\d*\\.\\d{4,})");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average");
    private static final Set<String> DRL_OPERATORS = Set.of("matches", "contains", "memberOf", "soundslike", "str", "excludes");
    /** Words of a condition that are no names: operators and literals. */
    private static final Set<String> DRL_WORDS = Set.of("matches", "contains", "memberOf", "soundslike", "str", "excludes", "not",
            "in", "this", "null", "true", "false", "instanceof", "startsWith", "endsWith", "length");
    /** Rule attributes with a fixed value; others (timer, calendars, date-effective, ...) run code or never fire. */
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "dialect", "enabled");

    @Override
    public void check(RuleFolder folder, Batch batch, List<Diagnostic> out) {
        // Kept for the check against a batch (CodeLiterals), which runs on every load; the parse is not cheap.
        folder.codeUses(read(folder, out).stream().filter(u -> u.kind() != CodeKind.REASON).toList());
    }

    /**
     * Per reason code, the rules whose consequence concludes it applies ({@code Finding.applies}) and
     * those that conclude it is cleared ({@code Finding.doesNotApply}), as the code literal in the
     * consequence says; only codes with both. Read from the uses the door kept.
     */
    static Map<String, Complement> complements(List<CodeUse> uses) {
        Map<String, java.util.TreeSet<String>> applies = new java.util.TreeMap<>();
        Map<String, java.util.TreeSet<String>> cleared = new java.util.TreeMap<>();
        for (CodeUse u : uses == null ? List.<CodeUse>of() : uses) {
            if (u.kind() == CodeKind.APPLIES) applies.computeIfAbsent(u.code(), k -> new java.util.TreeSet<>()).add(u.field());
            if (u.kind() == CodeKind.CLEARED) cleared.computeIfAbsent(u.code(), k -> new java.util.TreeSet<>()).add(u.field());
        }
        Map<String, Complement> out = new java.util.TreeMap<>();
        applies.forEach((code, rules) -> {
            if (cleared.containsKey(code)) out.put(code, new Complement(code, List.copyOf(rules), List.copyOf(cleared.get(code))));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every use the conditions and consequences of the folder make of a code, without reporting. */
    static List<CodeUse> uses(RuleFolder folder) {
        return read(folder, new ArrayList<>()).stream().filter(u -> u.kind() != CodeKind.REASON).toList();
    }

    /** Checks every file into {@code out}; answers the codes the conditions compare with. */
    private static List<CodeUse> read(RuleFolder folder, List<Diagnostic> out) {
        Map<String, FunctionDescr> functions = new HashMap<>();
        for (PackageDescr pkg : folder.parsed().values()) for (FunctionDescr f : pkg.getFunctions()) functions.put(f.getName(), f);
        List<CodeUse> uses = new ArrayList<>();
        folder.drl().forEach((file, source) -> {
            FileCheck check = new FileCheck(file, source, functions, folder.precedence(), folder.thresholds(), out);
            check.escapes(); // also where the file does not parse: the parser's complaint would not say why
            PackageDescr pkg = folder.parsed().get(file);
            if (pkg != null) check.check(pkg);
            for (CodeUse u : check.codeUses) uses.add(u.in(file, source));
        });
        return uses;
    }

    /** The codes of partnerships and trajectories the conditions of the folder compare with, for the check against a batch. */
    static List<CodeUse> catalogueCodes(RuleFolder folder) {
        return read(folder, new ArrayList<>()).stream().filter(u -> u.kind().catalogue()).toList();
    }

    /** What a code field holds. */
    enum CodeKind {
        PARTNERSHIP, TRAJECTORY, REASON,
        /** Not a comparison: a rule's consequence concludes this reason code applies; {@code field} holds the rule's name. */
        APPLIES,
        /** Not a comparison: a rule's consequence concludes this reason code is cleared; {@code field} holds the rule's name. */
        CLEARED;

        boolean catalogue() {
            return this == PARTNERSHIP || this == TRAJECTORY;
        }

        private static final Map<Class<?>, Map<String, CodeKind>> FIELDS = Map.of(
                be.serv.advies.model.Trajectory.class, Map.of("code", TRAJECTORY, "partnership", PARTNERSHIP, "advisedBy", PARTNERSHIP),
                be.serv.advies.model.Partnership.class, Map.of("code", PARTNERSHIP),
                be.serv.advies.model.Application.class, Map.of("trajectory", TRAJECTORY),
                be.serv.advies.model.Capacity.class, Map.of("trajectory", TRAJECTORY),
                be.serv.advies.model.Shortage.class, Map.of("trajectory", TRAJECTORY, "partnership", PARTNERSHIP),
                be.serv.advies.model.Finding.class, Map.of("code", REASON));

        static CodeKind of(Class<?> owner, String field) {
            return FIELDS.getOrDefault(owner, Map.of()).get(field);
        }
    }

    /** A text a condition compares with a code field, where it is written. */
    record CodeUse(CodeKind kind, String code, String field, int offset, String where, String file, int line, int column) {
        CodeUse(CodeKind kind, String code, String field, int offset, String where) {
            this(kind, code, field, offset, where, null, 0, 0);
        }

        CodeUse in(String file, String source) {
            int[] p = DrlMessages.position(source, offset);
            return new CodeUse(kind, code, field, offset, where, file, p[0], p[1]);
        }
    }

    /**
     * Which patterns of a rule are tied to its application. A pattern is tied when one of its
     * constraints says {@code field == ...} of a binding already tied ({@code key == $a.trajectoryInProvince},
     * {@code applicationId == $a.id}, {@code code == $t.advisedBy}), when it reads from one, or when it
     * is the result of an accumulate (whose own patterns are checked). A rule marked {@code @heleBatch}
     * combines with the whole batch on purpose.
     */
    private static final class Joins {
        static final String MARKER = "heleBatch";
        final PatternDescr application;
        final String app;
        final boolean batchWide;
        final Set<String> linked = new HashSet<>();

        Joins(RuleDescr rule) {
            PatternDescr found = null;
            if (rule.getLhs() != null) {
                for (BaseDescr d : rule.getLhs().getDescrs()) {
                    if (d instanceof PatternDescr p && p.getSource() == null && "Application".equals(simple(p.getObjectType()))) {
                        found = p;
                        break;
                    }
                }
            }
            application = found;
            app = found == null ? null : found.getIdentifier();
            batchWide = rule.hasAnnotation(MARKER);
            if (app != null) linked.add(app);
        }

        /** Whether the pattern is tied (or need not be); a tied pattern's bindings are tied too. */
        boolean tie(PatternDescr p, List<DrlxExpression> constraints) {
            boolean tied = application == null || p == application || batchWide
                    || p.getSource() instanceof AccumulateDescr || p.getSource() instanceof CollectDescr
                    || (p.getSource() instanceof FromDescr f && f.getDataSource() != null && mentions(f.getDataSource().toString()))
                    || constraints.stream().anyMatch(c -> ties(c.getExpr()));
            if (tied && app != null) {
                if (p.getIdentifier() != null) linked.add(p.getIdentifier());
                for (DrlxExpression c : constraints) if (c.getBind() != null) linked.add(c.getBind().asString());
            }
            return tied || app == null;
        }

        private boolean mentions(String text) {
            Matcher m = Pattern.compile("[$\\w]+").matcher(mask(text));
            while (m.find()) if (linked.contains(m.group())) return true;
            return false;
        }

        private boolean mentions(Expression e) {
            return e.findAll(NameExpr.class).stream().anyMatch(n -> linked.contains(n.getNameAsString()));
        }

        private boolean ties(Expression e) {
            if (e instanceof EnclosedExpr en) return ties(en.getInner());
            if (e instanceof BinaryExpr b) {
                if (b.getOperator() == BinaryExpr.Operator.AND) return ties(b.getLeft()) || ties(b.getRight());
                if (b.getOperator() == BinaryExpr.Operator.EQUALS) return mentions(b.getLeft()) != mentions(b.getRight());
            }
            return false;
        }

        /** The Dutch message for a pattern that is not tied, with the line to write instead. */
        String unlinked(PatternDescr p, Class<?> type) {
            String t = simple(p.getObjectType());
            String rest = p.getDescrs().stream().filter(d -> d instanceof ExprConstraintDescr)
                    .map(d -> ((ExprConstraintDescr) d).getExpression()).reduce((x, y) -> x + ", " + y).map(x -> ", " + x).orElse("");
            String a = app == null || app.isEmpty() ? "$a" : app;
            String tie = switch (t) {
                case "TrajectoryInProvince" -> "key == " + a + ".trajectoryInProvince";
                case "Trajectory" -> "code == " + a + ".trajectory";
                case "Capacity" -> "trajectory == " + a + ".trajectory, province == " + a + ".province";
                case "Shortage" -> "trajectory == " + a + ".trajectory, covers(" + a + ".location)";
                case "SimilarText", "Finding" -> "applicationId == " + a + ".id";
                default -> null;
            };
            String write = t.equals("Partnership")
                    ? "TrajectoryInProvince(key == " + a + ".trajectoryInProvince, $p : partnership" + rest.replaceAll("(?<![\\w$.])(code|name|hasPartnership)\\b", "\\$p.$1") + ")"
                    : tie == null ? null : (p.getIdentifier() == null ? "" : p.getIdentifier() + " : ") + t + "(" + tie + rest + ")";
            String how = app == null || app.isEmpty()
                    ? "geef de aanvraag een naam ($a : Application(...)) en koppel dit feit eraan"
                    : write == null ? "koppel het aan de aanvraag (bv. met id != " + a + ".id en een veld dat ze gemeen hebben)"
                    : "schrijf " + write;
            return "dit feit is niet aan de aanvraag gekoppeld: de regel combineert elke aanvraag met elk feit " + t
                    + " dat past, ook dat van andere aanvragen; " + how + ". Is dat zo bedoeld, zet dan @" + MARKER
                    + " achter de naam van de regel";
        }

        private static String simple(String type) {
            return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
        }
    }

    /** What an expression stands for: a value of a class, or a class named for its constants and static helpers. */
    private record Ty(Class<?> cls, boolean isClass) {
        static Ty of(Class<?> c) {
            return c == null ? null : new Ty(c, false);
        }
    }

    /** Where a tree came from, to turn a node into an offset of the rule file. */
    private interface Locator {
        int offset(Node node, String word);
    }

    /** A tree parsed by JavaParser from {@code text}, which starts at {@code base} in the source ({@code shift}: characters added before it). */
    private record Exact(int base, String text, int shift) implements Locator {
        public int offset(Node node, String word) {
            Optional<Position> p = node.getBegin();
            if (p.isEmpty()) return base;
            int line = 1;
            int i = 0;
            while (line < p.get().line && i < text.length()) if (text.charAt(i++) == '\n') line++;
            return base + Math.max(0, i + p.get().column - 1 - shift);
        }
    }

    /** A tree parsed by the DRLX parser, which keeps no positions: the first occurrence of the word in the constraint. */
    private record Search(int base, String text) implements Locator {
        public int offset(Node node, String word) {
            if (word == null || word.isEmpty()) return base;
            String masked = word.startsWith("\"") ? text : mask(text); // a literal is looked for as written
            Matcher m = Pattern.compile((Character.isJavaIdentifierStart(word.charAt(0)) ? "(?<![\\w$])" : "") + Pattern.quote(word)
                    + (Character.isJavaIdentifierPart(word.charAt(word.length() - 1)) ? "(?![\\w$])" : "")).matcher(masked);
            return base + (m.find() ? m.start() : 0);
        }
    }

    /** The names a piece of code can see and how to report on it. */
    private static final class Scope {
        final String where;
        final String place;
        final boolean condition;
        final Class<?> pattern;
        final Map<String, Class<?>> vars;
        final Set<String> locals = new HashSet<>();
        final boolean mayCallFunctions;
        final Locator locator;

        Scope(String where, String place, boolean condition, Class<?> pattern, Map<String, Class<?>> vars, boolean mayCallFunctions,
              Locator locator) {
            this.where = where;
            this.place = place;
            this.condition = condition;
            this.pattern = pattern;
            this.vars = vars;
            this.mayCallFunctions = mayCallFunctions;
            this.locator = locator;
        }

        String notAllowed() {
            return " is niet toegestaan in " + place + "; " + (condition ? CONDITION_ALLOWED : ALLOWED);
        }
    }

    /** One rule file. */
    private static final class FileCheck {
        final String name;
        final String source;
        final String masked;
        final Map<String, FunctionDescr> functions;
        final List<Diagnostic> out;
        final Set<Integer> reportedLines = new HashSet<>();
        /** The type each expression resolved to, for the checks on literals. */
        final Map<Node, Ty> typed = new java.util.IdentityHashMap<>();
        final List<CodeUse> codeUses = new ArrayList<>();
        /** The rule being read; null in a function. */
        Joins joins;
        /** The name of the rule whose consequence is being read; null elsewhere. */
        String concluding;

        final Precedence precedence;
        /** The declared thresholds columns; null when the thresholds file itself is refused. */
        final Thresholds thresholds;

        FileCheck(String name, String source, Map<String, FunctionDescr> functions, Precedence precedence, Thresholds thresholds,
                  List<Diagnostic> out) {
            this.name = name;
            this.precedence = precedence;
            this.thresholds = thresholds;
            this.source = source;
            this.masked = mask(source);
            this.functions = functions;
            this.out = out;
        }

        void check(PackageDescr pkg) {
            headers(pkg);
            for (FunctionDescr f : pkg.getFunctions()) function(f);
            for (RuleDescr rule : pkg.getRules()) rule(rule);
        }

        /** Java reads backslash-u escapes before anything else, so they could make a name that no tree shows. */
        void escapes() {
            Matcher m = Pattern.compile("\\\\u+[0-9a-fA-F]{4}").matcher(source);
            while (m.find()) {
                if (masked.charAt(m.start()) == ' ' && isComment(m.start())) continue;
                report(m.start(), "een \\u-code is niet toegestaan in een regelbestand; schrijf het teken zelf");
            }
        }

        boolean isComment(int at) {
            int lineStart = source.lastIndexOf('\n', at) + 1;
            return source.substring(lineStart, at).contains("//") || source.lastIndexOf("/*", at) > source.lastIndexOf("*/", at);
        }

        void headers(PackageDescr pkg) {
            for (ImportDescr i : pkg.getImports()) {
                String target = i.getTarget();
                if (!target.equals(MODEL_PACKAGE + ".*") && modelClass(target) == null) {
                    report(i.getStartCharacter(), "'import " + target + "' is niet toegestaan; een regel gebruikt alleen de feiten (import "
                            + MODEL_PACKAGE + ".*)");
                }
            }
            for (FunctionImportDescr i : pkg.getFunctionImports()) {
                int at = Math.max(0, i.getStartCharacter());
                String word = masked.startsWith("import static", at) || masked.substring(at).matches("(?s)import\\s+static.*") ? "static" : "function";
                report(at, "'import " + word + "' is niet toegestaan; een regel gebruikt alleen de feiten (import " + MODEL_PACKAGE + ".*)");
            }
            for (var i : pkg.getAccumulateImports()) {
                report(i.getStartCharacter(), "'import accumulate' is niet toegestaan; gebruik count, sum, min, max of average");
            }
            for (GlobalDescr g : pkg.getGlobals()) {
                report(g.getStartCharacter(), "'global' is niet toegestaan; een regel leest alleen feiten en voegt bevindingen toe");
            }
            List<BaseDescr> declared = new ArrayList<>(pkg.getTypeDeclarations());
            declared.addAll(pkg.getEnumDeclarations());
            declared.addAll(pkg.getEntryPointDeclarations());
            declared.addAll(pkg.getWindowDeclarations());
            for (BaseDescr d : declared) {
                report(d.getStartCharacter(), "'declare' is niet toegestaan; de feiten staan vast (zie het feitenmodel in rules/README.md)");
            }
            for (AttributeDescr a : pkg.getAttributes()) attribute(a, "het pakket");
        }

        void attribute(AttributeDescr a, String owner) {
            String value = a.getValue() == null ? "" : a.getValue().strip();
            boolean ok = ATTRIBUTES.contains(a.getName())
                    && (!a.getName().equals("salience") || value.matches("-?\\d+"))
                    && (!a.getName().equals("enabled") || value.matches("true|false"))
                    && (!a.getName().equals("dialect") || value.matches("\"?(java|mvel)\"?"));
            if (!ok) {
                report(a.getStartCharacter(), owner + ": het kenmerk '" + a.getName() + (value.isEmpty() ? "" : " " + value)
                        + "' is niet toegestaan; toegestaan zijn " + String.join(", ", new java.util.TreeSet<>(ATTRIBUTES))
                        + " met een vaste waarde");
            }
        }

        // ------------------------------------------------------------ functions and consequences

        void function(FunctionDescr f) {
            String where = "functie '" + f.getName() + "'";
            int start = Math.max(0, f.getStartCharacter());
            Map<String, Class<?>> vars = new LinkedHashMap<>();
            for (int i = 0; i < f.getParameterNames().size(); i++) {
                Class<?> t = typeNamed(f.getParameterTypes().get(i));
                if (t == null) report(start, where + ": het type '" + f.getParameterTypes().get(i) + "' is niet toegestaan; " + TYPES);
                vars.put(f.getParameterNames().get(i), t == null ? Object.class : t);
            }
            if (!f.getReturnType().equals("void") && typeNamed(f.getReturnType()) == null) {
                report(start, where + ": het type '" + f.getReturnType() + "' is niet toegestaan; " + TYPES);
            }
            String body = f.getBody() == null ? "" : f.getBody();
            int brace = masked.indexOf('{', start);
            int at = source.indexOf(body, brace < 0 ? start : brace);
            block(body, at < 0 ? start : at, new Scope(where, "een functie", false, null, vars, false, null));
        }

        void rule(RuleDescr rule) {
            String where = "regel '" + rule.getName() + "'";
            for (AttributeDescr a : rule.getAttributes().values()) attribute(a, where);
            if (!rule.getNamedConsequences().isEmpty()) {
                report(rule.getStartCharacter(), where + ": een benoemd then-deel (do[...]) is niet toegestaan; schrijf een tweede regel");
            }
            Map<String, Class<?>> bindings = new LinkedHashMap<>();
            joins = new Joins(rule);
            if (rule.getLhs() != null) conditions(rule.getLhs(), where, bindings);
            joins = null;
            String then = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
            if (then.isBlank()) return; // DrlCheck says the rule does nothing
            int ruleStart = Math.max(0, rule.getStartCharacter());
            int thenAt = source.indexOf(then, ruleStart);
            if (thenAt < 0) {
                Matcher kw = Pattern.compile("(?<![\\w$.])then(?![\\w$])").matcher(masked);
                thenAt = kw.find(ruleStart) ? kw.end() : ruleStart;
                then = source.substring(thenAt, Math.min(source.length(), thenAt + then.length()));
            }
            concluding = rule.getName();
            try {
                block(then, thenAt, new Scope(where, "het then-deel", false, null, new LinkedHashMap<>(bindings), true, null));
            } finally {
                concluding = null;
            }
        }

        /** A consequence or function body, {@code text} at {@code at} in the source. */
        void block(String text, int at, Scope shape) {
            String wrapped = "{" + text + "\n}";
            ParseResult<BlockStmt> parsed = parser().parseBlock(wrapped);
            Exact locator = new Exact(at, wrapped, 1);
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                // modify($a) { ... } is no Java: read it with the MVEL parser, which knows it, and refuse the change.
                // Only then: what the MVEL parser reads beyond Java is no part of the language.
                if (CHANGE.matcher(mask(text)).find()) {
                    try {
                        BlockStmt mvel = org.drools.mvel.parser.MvelParser.parseBlock(wrapped);
                        statement(mvel, new Scope(shape.where, shape.place, false, null, shape.vars, shape.mayCallFunctions, new Search(at - 1, wrapped)));
                        return;
                    } catch (RuntimeException notMvelEither) {
                        // reported below
                    }
                }
                int offset = parsed.getProblems().stream().flatMap(p -> p.getLocation().stream())
                        .flatMap(l -> l.getBegin().getRange().stream()).findFirst()
                        .map(r -> at + Math.max(0, offsetOf(wrapped, r.begin) - 1))
                        .orElse(at);
                report(offset, shape.where + ": " + shape.place + " is geen eenvoudige code die nagekeken kan worden; " + ALLOWED);
                return;
            }
            Scope s = new Scope(shape.where, shape.place, false, null, shape.vars, shape.mayCallFunctions, locator);
            statement(parsed.getResult().get(), s);
        }

        void statement(Statement st, Scope s) {
            if (st instanceof BlockStmt b) {
                b.getStatements().forEach(x -> statement(x, s));
            } else if (st instanceof ExpressionStmt e) {
                expr(e.getExpression(), s);
            } else if (st instanceof IfStmt i) {
                expr(i.getCondition(), s);
                statement(i.getThenStmt(), s);
                i.getElseStmt().ifPresent(x -> statement(x, s));
            } else if (st instanceof ReturnStmt r) {
                r.getExpression().ifPresent(x -> expr(x, s));
            } else if (st instanceof org.drools.mvel.parser.ast.expr.ModifyStatement) {
                error(st, "modify", s, changes(s, "modify"));
            } else if (st instanceof EmptyStmt) {
                // nothing
                // nothing
            } else if (st instanceof WhileStmt || st instanceof DoStmt || st instanceof ForStmt || st instanceof ForEachStmt) {
                String word = st instanceof WhileStmt ? "while" : st instanceof DoStmt ? "do" : "for";
                error(st, word, s, s.where + ": een lus ('" + word + "') is niet toegestaan in " + s.place
                        + "; een regel vuurt per combinatie van feiten en voegt daarbij één bevinding toe");
            } else {
                String word = keyword(st);
                error(st, word, s, s.where + ": '" + word + "'" + s.notAllowed());
            }
        }

        private static String keyword(Statement st) {
            if (st instanceof ThrowStmt) return "throw";
            if (st instanceof TryStmt) return "try";
            if (st instanceof AssertStmt) return "assert";
            if (st instanceof SwitchStmt) return "switch";
            if (st instanceof SynchronizedStmt) return "synchronized";
            if (st instanceof BreakStmt) return "break";
            if (st instanceof ContinueStmt) return "continue";
            if (st instanceof YieldStmt) return "yield";
            if (st instanceof LabeledStmt l) return l.getLabel().asString();
            if (st instanceof LocalClassDeclarationStmt || st instanceof LocalRecordDeclarationStmt) return "class";
            return st.getClass().getSimpleName();
        }

        // ------------------------------------------------------------ conditions

        void conditions(BaseDescr d, String where, Map<String, Class<?>> bindings) {
            if (d instanceof PatternDescr p) {
                pattern(p, where, bindings);
            } else if (d instanceof EvalDescr e) {
                String text = e.getContent() == null ? "" : e.getContent().toString();
                int at = source.indexOf(text, Math.max(0, e.getStartCharacter()));
                expression(text, at < 0 ? Math.max(0, e.getStartCharacter()) : at, where, null, bindings);
            } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                    || d instanceof ForallDescr) {
                for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                    conditions((BaseDescr) child, where, bindings);
                }
            } else {
                report(d.getStartCharacter(), where + ": deze vorm van voorwaarde is niet toegestaan; " + CONDITION_ALLOWED);
            }
        }

        void pattern(PatternDescr p, String where, Map<String, Class<?>> bindings) {
            Class<?> type = patternType(p.getObjectType());
            int at = Math.max(0, p.getStartCharacter());
            if (type == null) {
                report(at, where + ": '" + p.getObjectType() + "' is geen feit; een voorwaarde gaat over Application, "
                        + "TrajectoryInProvince, Trajectory, Partnership, Capacity, Shortage, SimilarText of Finding");
                type = Object.class;
            }
            if (p.getSource() instanceof FromDescr f) {
                String text = f.getDataSource() == null ? "" : f.getDataSource().toString();
                Matcher from = Pattern.compile("(?<![\\w$.])from(?![\\w$])").matcher(masked);
                int fromAt = from.find(at) ? from.end() : at;
                int exprAt = source.indexOf(text, fromAt);
                expression(text, exprAt < 0 ? fromAt : exprAt, where, null, bindings);
            } else if (p.getSource() instanceof AccumulateDescr acc) {
                accumulate(acc, where, bindings, at);
            } else if (p.getSource() instanceof CollectDescr c) {
                if (c.getInputPattern() != null) conditions(c.getInputPattern(), where, bindings);
            } else if (p.getSource() != null && !(p.getSource() instanceof EntryPointDescr)) {
                report(at, where + ": deze bron van feiten is niet toegestaan; " + CONDITION_ALLOWED);
            }
            if (p.getIdentifier() != null) bindings.put(p.getIdentifier(), type);
            List<DrlxExpression> parsed = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    DrlxExpression x = constraint(e, where, type, bindings);
                    if (x != null) parsed.add(x);
                } else {
                    report(c.getStartCharacter() >= 0 ? c.getStartCharacter() : at, where + ": deze voorwaarde kan niet nagekeken worden; "
                            + CONDITION_ALLOWED);
                }
            }
            if (joins != null && !joins.tie(p, parsed)) {
                report(at, where + ": " + joins.unlinked(p, type));
            }
        }

        void accumulate(AccumulateDescr acc, String where, Map<String, Class<?>> bindings, int at) {
            for (String[] code : new String[][]{{"init", acc.getInitCode()}, {"action", acc.getActionCode()},
                    {"reverse", acc.getReverseCode()}, {"result", acc.getResultCode()}}) {
                if (code[1] != null) {
                    int codeAt = masked.indexOf(code[0], at);
                    report(codeAt < 0 ? at : codeAt, where + ": eigen code in accumulate ('" + code[0]
                            + "') is niet toegestaan; gebruik count, sum, min, max of average");
                    return;
                }
            }
            if (acc.getInput() != null) conditions(acc.getInput(), where, bindings);
            for (AccumulateDescr.AccumulateFunctionCallDescr fc : acc.getFunctions()) {
                int fnAt = masked.indexOf(fc.getFunction(), at);
                if (!ACCUMULATE_FUNCTIONS.contains(fc.getFunction())) {
                    report(fnAt < 0 ? at : fnAt, where + ": de functie '" + fc.getFunction()
                            + "' in accumulate is niet toegestaan; gebruik count, sum, min, max of average");
                    continue;
                }
                for (String param : fc.getParams()) {
                    int paramAt = source.indexOf(param, fnAt < 0 ? at : fnAt);
                    expression(param, paramAt < 0 ? at : paramAt, where, null, bindings);
                }
                if (fc.getBind() != null) bindings.put(fc.getBind(), fc.getFunction().equals("count") ? Long.class : Number.class);
            }
        }

        /** A pattern constraint: the DRLX parser reads DRL's own operators ({@code matches}, {@code $x : field}). */
        DrlxExpression constraint(ExprConstraintDescr e, String where, Class<?> type, Map<String, Class<?>> bindings) {
            String text = e.getExpression() == null ? e.getText() : e.getExpression();
            if (text == null || text.isBlank()) return null;
            int base = source.indexOf(text, Math.max(0, e.getStartCharacter() - 2));
            if (base < 0) base = Math.max(0, e.getStartCharacter());
            Scope s = new Scope(where, "een voorwaarde", true, type, bindings, true, new Search(base, text));
            if (text.strip().matches("[0-9]+")) {
                // 'x < 1,5' reads as the two conditions 'x < 1' and '5': the comma separates conditions.
                report(base, where + ": '" + text.strip() + "' is geen voorwaarde; een decimaal getal schrijft u met een punt "
                        + "(1.5, niet 1,5): de komma scheidt voorwaarden");
                return null;
            }
            DrlxExpression parsed;
            try {
                parsed = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(DRL_OPERATORS), text);
            } catch (RuntimeException ex) {
                parsed = null;
            }
            if (parsed == null || parsed.getExpr() == null || !whole(text, parsed)) {
                report(base, where + ": deze voorwaarde kan niet gelezen worden; " + CONDITION_ALLOWED);
                return null;
            }
            Ty t = expr(parsed.getExpr(), s);
            if (parsed.getBind() != null) bindings.put(parsed.getBind().asString(), t == null || t.isClass() ? Object.class : t.cls());
            return parsed;
        }

        /** A Java expression of a condition ({@code eval}, {@code from}, an accumulate argument). */
        void expression(String text, int at, String where, Class<?> type, Map<String, Class<?>> bindings) {
            ParseResult<Expression> parsed = parser().parseExpression(text);
            if (parsed.isSuccessful() && parsed.getResult().isPresent()) {
                expr(parsed.getResult().get(), new Scope(where, "een voorwaarde", true, type, bindings, true, new Exact(at, text, 0)));
                return;
            }
            try {
                DrlxExpression drlx = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(DRL_OPERATORS), text);
                if (!whole(text, drlx)) throw new IllegalArgumentException("not read to its end");
                expr(drlx.getExpr(), new Scope(where, "een voorwaarde", true, type, bindings, true, new Search(at, text)));
            } catch (RuntimeException ex) {
                report(at, where + ": deze voorwaarde kan niet gelezen worden; " + CONDITION_ALLOWED);
            }
        }

        /**
         * Whether the DRLX parser read the whole text: it stops quietly where it cannot go on
         * ({@code this.class.x} reads as {@code this}), and what it did not read must not reach the
         * compiler unchecked. Every name written must be in the tree.
         */
        private static boolean whole(String text, DrlxExpression parsed) {
            List<String> inTree = new ArrayList<>();
            if (parsed.getBind() != null) inTree.add(parsed.getBind().asString());
            names(parsed.getExpr(), inTree);
            Matcher m = Pattern.compile("[A-Za-z_$][\\w$]*").matcher(mask(text));
            while (m.find()) {
                String word = m.group();
                if (DRL_WORDS.contains(word)) continue;
                if (!inTree.remove(word)) return false;
            }
            return true;
        }

        private static void names(Node n, List<String> out) {
            if (n == null) return;
            if (n instanceof SimpleName sn) out.add(sn.getIdentifier());
            if (n instanceof Name name) {
                out.add(name.getIdentifier());
                name.getQualifier().ifPresent(q -> names(q, out));
            }
            if (n instanceof PointFreeExpr p) {
                names(p.getLeft(), out);
                p.getRight().forEach(r -> names(r, out));
                return;
            }
            if (n instanceof HalfPointFreeExpr p) {
                p.getRight().forEach(r -> names(r, out));
                return;
            }
            if (n instanceof HalfBinaryExpr h) {
                names(h.getRight(), out);
                return;
            }
            for (Node c : n.getChildNodes()) names(c, out);
        }

        // ------------------------------------------------------------ expressions

        Ty expr(Expression e, Scope s) {
            Ty t = resolve(e, s);
            if (t != null) typed.put(e, t);
            return t;
        }

        private Ty resolve(Expression e, Scope s) {
            if (e instanceof StringLiteralExpr lit && HUGE_FORMAT.matcher(lit.getValue()).find()) {
                return refuse(e, "%", s, s.where + ": een tekst met een breedte of precisie van 1000 tekens of meer (bv. %01000000d) "
                        + "maakt een tekst zonder einde; schrijf %d, %s of %.1f");
            }
            if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) return Ty.of(String.class);
            if (e instanceof CharLiteralExpr) return Ty.of(char.class);
            if (e instanceof IntegerLiteralExpr) return Ty.of(int.class);
            if (e instanceof LongLiteralExpr) return Ty.of(long.class);
            if (e instanceof DoubleLiteralExpr) return Ty.of(double.class);
            if (e instanceof BigDecimalLiteralExpr || e instanceof BigIntegerLiteralExpr) return Ty.of(Number.class);
            if (e instanceof BooleanLiteralExpr) return Ty.of(boolean.class);
            if (e instanceof NullLiteralExpr) return Ty.of(Void.class);
            if (e instanceof EnclosedExpr en) return expr(en.getInner(), s);
            if (e instanceof UnaryExpr u) return unary(u, s);
            if (e instanceof BinaryExpr b) return binary(b, s);
            if (e instanceof ConditionalExpr c) {
                expr(c.getCondition(), s);
                Ty then = expr(c.getThenExpr(), s);
                Ty otherwise = expr(c.getElseExpr(), s);
                return then == null || otherwise == null ? null : then;
            }
            if (e instanceof NameExpr n) return name(n, s);
            if (e instanceof ThisExpr t) {
                if (s.pattern != null && t.getTypeName().isEmpty()) return Ty.of(s.pattern);
                return refuse(e, "this", s, "'this'");
            }
            if (e instanceof FieldAccessExpr f) return field(f, f.getScope(), f.getNameAsString(), s);
            if (e instanceof NullSafeFieldAccessExpr f) return field(f, f.getScope(), f.getNameAsString(), s);
            if (e instanceof MethodCallExpr m) return call(m, m.getScope(), m.getNameAsString(), m.getArguments(), s);
            if (e instanceof NullSafeMethodCallExpr m) return call(m, m.getScope(), m.getNameAsString(), m.getArguments(), s);
            if (e instanceof ObjectCreationExpr o) return creation(o, s);
            if (e instanceof ArrayCreationExpr || e instanceof ArrayInitializerExpr) {
                return refuse(e, "new", s, s.where + ": 'new' is alleen toegestaan voor een bevinding (new Finding(...)); "
                        + (s.condition ? CONDITION_ALLOWED : ALLOWED));
            }
            if (e instanceof CastExpr c) {
                Ty inner = expr(c.getExpression(), s);
                Class<?> to = type(c.getType(), c, s);
                return inner == null ? null : Ty.of(to);
            }
            if (e instanceof InstanceOfExpr i) {
                expr(i.getExpression(), s);
                type(i.getType(), i, s);
                return Ty.of(boolean.class);
            }
            if (e instanceof AssignExpr a) return assign(a, s);
            if (e instanceof VariableDeclarationExpr v) {
                declare(v, s);
                return Ty.of(void.class);
            }
            if (e instanceof PointFreeExpr p) {
                expr(p.getLeft(), s);
                p.getRight().forEach(r -> expr(r, s));
                if (p.getOperator().asString().equals("in")) p.getRight().forEach(r -> literal(p.getLeft(), r, s)); // code in ("A", "B")
                if (p.getOperator().asString().equals("matches")) RegexCheck.check(p.getRight(), s.where, (n, msg) -> error(n, "matches", s, msg));
                return Ty.of(boolean.class);
            }
            if (e instanceof HalfPointFreeExpr p) {
                p.getRight().forEach(r -> expr(r, s));
                if (p.getOperator().asString().equals("matches")) RegexCheck.check(p.getRight(), s.where, (n, msg) -> error(n, "matches", s, msg));
                return Ty.of(boolean.class);
            }
            if (e instanceof HalfBinaryExpr h) {
                expr(h.getRight(), s);
                return Ty.of(boolean.class);
            }
            if (e instanceof LambdaExpr) return refuse(e, "->", s, s.where + ": een lambda ('->')" + s.notAllowed());
            if (e instanceof MethodReferenceExpr) return refuse(e, "::", s, s.where + ": een methodeverwijzing ('::')" + s.notAllowed());
            if (e instanceof ClassExpr) return refuse(e, "class", s, s.where + ": '.class'" + s.notAllowed());
            if (e instanceof ArrayAccessExpr) return refuse(e, "[", s, s.where + ": '[...]'" + s.notAllowed());
            if (e instanceof SuperExpr) return refuse(e, "super", s, s.where + ": 'super'" + s.notAllowed());
            if (e instanceof SwitchExpr) return refuse(e, "switch", s, s.where + ": 'switch'" + s.notAllowed());
            return refuse(e, null, s, s.where + ": deze uitdrukking" + s.notAllowed());
        }

        /** A text compared with a field that holds a code: kept, to be checked against precedence.yaml or the batch. */
        void literal(Expression field, Expression text, Scope s) {
            if (!(text instanceof StringLiteralExpr lit)) return;
            Class<?> owner = null;
            String name = null;
            if (field instanceof NameExpr n && s.pattern != null && !s.vars.containsKey(n.getNameAsString())) {
                owner = s.pattern;
                name = n.getNameAsString();
            } else if (field instanceof FieldAccessExpr f && typed.get(f.getScope()) != null) {
                owner = typed.get(f.getScope()).cls();
                name = f.getNameAsString();
            }
            CodeKind kind = owner == null ? null : CodeKind.of(owner, name);
            if (kind == null) return;
            int at = s.locator.offset(text, "\"" + lit.getValue() + "\"");
            CodeUse use = new CodeUse(kind, lit.asString(), name, at, s.where);
            codeUses.add(use);
            if (kind == CodeKind.REASON && precedence != null && !precedence.knows(use.code())) {
                report(at, s.where + ": redencode '" + use.code() + "' staat niet in precedence.yaml, dus deze voorwaarde past op geen "
                        + "enkele bevinding" + be.serv.advies.text.Nearest.hint(use.code(), precedence.codes().keySet()));
            }
        }

        Ty unary(UnaryExpr u, Scope s) {
            UnaryExpr.Operator op = u.getOperator();
            boolean changes = op == UnaryExpr.Operator.PREFIX_INCREMENT || op == UnaryExpr.Operator.PREFIX_DECREMENT
                    || op == UnaryExpr.Operator.POSTFIX_INCREMENT || op == UnaryExpr.Operator.POSTFIX_DECREMENT;
            if (changes && !(u.getExpression() instanceof NameExpr n && s.locals.contains(n.getNameAsString()))) {
                return refuse(u, null, s, s.where + ": alleen een eigen hulpvariabele mag veranderen" + s.notAllowed());
            }
            Ty t = expr(u.getExpression(), s);
            if (t == null) return null;
            return op == UnaryExpr.Operator.LOGICAL_COMPLEMENT ? Ty.of(boolean.class) : t;
        }

        Ty binary(BinaryExpr b, Scope s) {
            Ty l = expr(b.getLeft(), s);
            Ty r = expr(b.getRight(), s);
            if (l == null || r == null) return null;
            if (b.getOperator() == BinaryExpr.Operator.EQUALS || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
                literal(b.getLeft(), b.getRight(), s);
                literal(b.getRight(), b.getLeft(), s);
            }
            return switch (b.getOperator()) {
                case PLUS -> l.cls() == String.class || r.cls() == String.class ? Ty.of(String.class) : numeric(l.cls(), r.cls());
                case MINUS, MULTIPLY, DIVIDE, REMAINDER -> numeric(l.cls(), r.cls());
                case BINARY_AND, BINARY_OR, XOR, LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> l;
                default -> Ty.of(boolean.class);
            };
        }

        private static Ty numeric(Class<?> l, Class<?> r) {
            for (Class<?> c : new Class<?>[]{double.class, Double.class, float.class, Float.class, Number.class}) {
                if (l == c || r == c) return Ty.of(double.class);
            }
            return Ty.of(l == long.class || r == long.class || l == Long.class || r == Long.class ? long.class : int.class);
        }

        Ty name(NameExpr n, Scope s) {
            String id = n.getNameAsString();
            if (n instanceof DrlNameExpr d && d.getBackReferencesCount() > 0) {
                return refuse(n, id, s, s.where + ": '../" + id + "'" + s.notAllowed());
            }
            if (s.vars.containsKey(id)) return Ty.of(s.vars.get(id));
            if (Character.isUpperCase(id.charAt(0)) && (Calls.CLASSES.containsKey(id) || modelClass(id) != null)) {
                return new Ty(Calls.CLASSES.containsKey(id) ? Calls.CLASSES.get(id) : modelClass(id), true);
            }
            if (s.pattern != null) {
                Class<?> p = property(s.pattern, id);
                if (p != null) return Ty.of(p);
            }
            if (Calls.CLASSES.containsKey(id)) return new Ty(Calls.CLASSES.get(id), true);
            Class<?> model = modelClass(id);
            if (model != null) return new Ty(model, true);
            if (id.equals("drools") || id.equals("kcontext")) {
                return refuse(n, id, s, s.where + ": '" + id + "' (de motor zelf) is niet toegestaan in " + s.place + "; " + ALLOWED);
            }
            if (s.pattern != null && s.pattern != Object.class && Character.isLowerCase(id.charAt(0))) {
                return refuse(n, id, s, s.where + ": " + unknownField(id, s.pattern));
            }
            if (CODE_LIKE.matcher(id).matches()) {
                return refuse(n, id, s, s.where + ": '" + id + "' is geen veld of feit; een code staat tussen aanhalingstekens: \"" + id + "\"");
            }
            return refuse(n, id, s, s.where + ": '" + id + "'" + s.notAllowed());
        }

        Ty field(Node node, Expression scope, String field, Scope s) {
            Ty t = expr(scope, s);
            if (t == null) return null;
            if (t.isClass()) {
                if (t.cls().isEnum() && t.cls().getPackageName().equals(MODEL_PACKAGE)) {
                    for (Object c : t.cls().getEnumConstants()) if (((Enum<?>) c).name().equals(field)) return Ty.of(t.cls());
                    return refuse(node, field, s, s.where + ": onbekende waarde '" + field + "' van " + t.cls().getSimpleName()
                            + "; mogelijk: " + constants(t.cls()));
                }
                return refuse(node, field, s, s.where + ": het vaste veld '" + t.cls().getSimpleName() + "." + field + "'" + s.notAllowed());
            }
            Class<?> p = property(t.cls(), field);
            if (p != null) return Ty.of(p);
            if (isModel(t.cls())) return refuse(node, field, s, s.where + ": " + unknownField(field, t.cls()));
            return refuse(node, field, s, s.where + ": het veld '" + field + "' van " + t.cls().getSimpleName() + s.notAllowed());
        }

        Ty call(Node node, Optional<Expression> scope, String method, List<Expression> args, Scope s) {
            List<Ty> types = new ArrayList<>();
            boolean argsKnown = true;
            if (scope.isEmpty()) {
                if (!s.condition && (method.equals("insert") || CHANGES.contains(method))) {
                    for (Expression a : args) expr(a, s);
                    return CHANGES.contains(method) ? refuse(node, method, s, changes(s, method)) : Ty.of(void.class);
                }
                if (functions.containsKey(method)) {
                    for (Expression a : args) expr(a, s);
                    if (!s.mayCallFunctions) {
                        return refuse(node, method, s, s.where + ": een functie mag geen functie oproepen (ook zichzelf niet); reken het rechtstreeks uit");
                    }
                    String rt = functions.get(method).getReturnType();
                    return Ty.of(rt.equals("void") ? void.class : Optional.<Class<?>>ofNullable(typeNamed(rt)).orElse(Object.class));
                }
            }
            Ty target = null;
            if (scope.isPresent()) {
                target = expr(scope.get(), s);
                if (target == null) return null;
            }
            for (Expression a : args) {
                Ty t = expr(a, s);
                types.add(t);
                if (t == null) argsKnown = false;
            }
            if (scope.isEmpty()) {
                if (s.pattern == null || s.pattern == Object.class) {
                    if (method.equals("drools") || method.equals("kcontext")) return refuse(node, method, s, s.where + ": '" + method + "' (de motor zelf)" + s.notAllowed());
                    return refuse(node, method, s, s.where + ": '" + method + "'" + s.notAllowed());
                }
                target = Ty.of(s.pattern);
            }
            Method m = Calls.find(target.cls(), method, args.size(), target.isClass());
            if (m == null && Calls.named(target.cls(), method, target.isClass())) {
                return null; // an allowed method with other values: the compiler says which
            }
            if (m == null && !target.isClass() && isModel(target.cls()) && method.matches("(get|is)[A-Z]\\w*") && args.isEmpty()
                    && java.util.Arrays.stream(target.cls().getMethods()).noneMatch(x -> x.getName().equals(method))) {
                // A getter the fact does not have at all (getClass is there, and refused below): a typo of a field, said as one (getProvider for getProviders).
                String field = Character.toLowerCase(method.charAt(method.startsWith("is") ? 2 : 3)) + method.substring(method.startsWith("is") ? 3 : 4);
                return refuse(node, method, s, s.where + ": " + unknownField(field, target.cls()));
            }
            if (m == null) {
                return refuse(node, method, s, s.where + ": de methode '" + method + "'" + s.notAllowed());
            }
            if (m.getDeclaringClass() == be.serv.advies.model.Finding.class && target.isClass() && concluding != null && !s.condition
                    && args.size() > 1 && args.get(1) instanceof StringLiteralExpr code) {
                // Which rules conclude which code, for the complement check at run time (Evaluator).
                codeUses.add(new CodeUse(method.equals("applies") ? CodeKind.APPLIES : CodeKind.CLEARED, code.asString(), concluding,
                        s.locator.offset(code, "\"" + code.getValue() + "\""), s.where));
            }
            if (target.cls() == be.serv.advies.model.Norm.class && !target.isClass() && args.size() == 1
                    && !thresholdColumn(node, method, args.get(0), s)) {
                return null;
            }
            return argsKnown ? Ty.of(m.getReturnType()) : null;
        }

        /**
         * A threshold read by name ({@code $n.decimal("min_leerlingen")}): the name is written out, the
         * thresholds file declares it, and the method reads its kind. Reported here, so a run never
         * meets a name no row fills.
         */
        boolean thresholdColumn(Node node, String method, Expression arg, Scope s) {
            if (!(arg instanceof StringLiteralExpr lit)) {
                error(arg, null, s, s.where + ": schrijf de naam van de drempel tussen aanhalingstekens, zoals hij in de kopregel van "
                        + Thresholds.FILE + " staat: " + method + "(\"min_leerlingen\")");
                return false;
            }
            if (thresholds == null) return true; // the thresholds file is refused on its own
            String column = lit.getValue();
            Thresholds.Kind kind = thresholds.columns().get(column);
            int at = s.locator.offset(arg, "\"" + column + "\"");
            if (kind == null) {
                report(at, s.where + ": onbekende drempel '" + column + "': " + thresholds.source() + " heeft geen kolom met die naam; "
                        + "voeg de kolom toe aan de kopregel en vul ze in op de standaardrij '*;*;*'"
                        + be.serv.advies.text.Nearest.hint(column, thresholds.columns().keySet()));
                return false;
            }
            if (!kind.readBy(method)) {
                report(at, s.where + ": de drempel '" + column + "' bevat " + kind.label() + "; lees hem met " + kind.method()
                        + "(\"" + column + "\"), niet met " + method + "(...)");
                return false;
            }
            return true;
        }

        Ty creation(ObjectCreationExpr o, Scope s) {
            String type = o.getType().getNameWithScope();
            if (!(type.equals("Finding") || type.equals(MODEL_PACKAGE + ".Finding")) || o.getAnonymousClassBody().isPresent() || s.condition) {
                return refuse(o, "new", s, s.where + ": 'new' is alleen toegestaan voor een bevinding (new Finding(...)); "
                        + (s.condition ? CONDITION_ALLOWED : ALLOWED));
            }
            for (Expression a : o.getArguments()) expr(a, s);
            return Ty.of(be.serv.advies.model.Finding.class);
        }

        Ty assign(AssignExpr a, Scope s) {
            Ty value = expr(a.getValue(), s);
            if (s.condition || !(a.getTarget() instanceof NameExpr n) || !s.locals.contains(n.getNameAsString())) {
                return refuse(a, null, s, s.where + ": alleen een eigen hulpvariabele mag een waarde krijgen" + s.notAllowed());
            }
            return value;
        }

        void declare(VariableDeclarationExpr v, Scope s) {
            for (VariableDeclarator d : v.getVariables()) {
                Ty init = d.getInitializer().map(i -> expr(i, s)).orElse(null);
                Class<?> t = d.getType().isVarType() ? (init == null ? Object.class : init.cls()) : type(d.getType(), d, s);
                String id = d.getNameAsString();
                if (Character.isUpperCase(id.charAt(0))) {
                    // A local named like a class would hide it from this check.
                    refuse(d, id, s, s.where + ": een hulpvariabele begint met een kleine letter ('" + id + "')");
                }
                s.vars.put(id, t == null ? Object.class : t);
                s.locals.add(id);
            }
        }

        Class<?> type(Type t, Node at, Scope s) {
            Class<?> c = typeNamed(t.asString());
            if (c == null) refuse(at, t.asString(), s, s.where + ": het type '" + t.asString() + "'" + s.notAllowed());
            return c;
        }

        private static String changes(Scope s, String method) {
            return s.where + ": '" + method + "' wijzigt of verwijdert een feit; regels mogen de invoer niet wijzigen, alleen "
                    + "bevindingen toevoegen (insert(Finding.applies(...)))";
        }

        /** Reports at {@code node} and answers null, so nothing built on it is reported again. */
        Ty refuse(Node node, String word, Scope s, String message) {
            error(node, word, s, message);
            return null;
        }

        void error(Node node, String word, Scope s, String message) {
            report(s.locator == null ? 0 : s.locator.offset(node, word), message);
        }

        /** One message per line: the first thing wrong on it is enough to act on. */
        void report(int offset, String message) {
            int[] p = DrlMessages.position(source, Math.max(0, offset));
            if (reportedLines.add(p[0])) out.add(Diagnostic.error(name, p[0], p[1], message));
        }
    }

    static final String TYPES = "gebruik int, long, double, boolean, String of een feitenklasse";

    private static JavaParser parser() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    }

    private static int offsetOf(String text, Position p) {
        int line = 1;
        int i = 0;
        while (line < p.line && i < text.length()) if (text.charAt(i++) == '\n') line++;
        return i + p.column - 1;
    }

    static String unknownField(String field, Class<?> type) {
        return "onbekend veld '" + field + "': het feit " + type.getSimpleName() + " heeft geen veld met die naam; "
                + FactFields.suggestion(field, FactFields.properties(type));
    }

    private static String constants(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) names.add(((Enum<?>) c).name());
        return String.join(", ", names);
    }

    static boolean isModel(Class<?> c) {
        return c != null && c.getPackageName().equals(MODEL_PACKAGE) && !c.isEnum();
    }

    /** A class of the fact model by its simple or full name, or null. */
    static Class<?> modelClass(String name) {
        String simple = name.startsWith(MODEL_PACKAGE + ".") ? name.substring(MODEL_PACKAGE.length() + 1) : name;
        if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0)) || simple.contains(".")) return null;
        try {
            Class<?> c = Class.forName(MODEL_PACKAGE + "." + simple, false, RuleLanguage.class.getClassLoader());
            return Calls.HIDDEN.contains(c) ? null : c;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** A type a rule may name in a declaration, a cast or a function signature. */
    static Class<?> typeNamed(String name) {
        return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            case "float" -> float.class;
            case "boolean" -> boolean.class;
            case "char" -> char.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            case "String", "java.lang.String" -> String.class;
            case "Integer" -> Integer.class;
            case "Long" -> Long.class;
            case "Double" -> Double.class;
            case "Boolean" -> Boolean.class;
            case "Number" -> Number.class;
            case "Object" -> Object.class;
            default -> modelClass(name);
        };
    }

    /** The type of a pattern: a fact class, or the number or object an accumulate or collect gives. */
    private static Class<?> patternType(String name) {
        if (name == null) return null;
        return switch (name) {
            case "Number", "Long", "Integer", "Double", "Object", "java.lang.Number", "java.lang.Object" -> typeNamed(name.replace("java.lang.", ""));
            case "List", "java.util.List", "Collection", "java.util.Collection", "ArrayList", "java.util.ArrayList" -> Collection.class;
            default -> modelClass(name);
        };
    }

    /** The type of a field as DRL reads it (getX(), isX()), on a fact class or a number; null when there is none. */
    static Class<?> property(Class<?> type, String name) {
        if (name.isEmpty()) return null;
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : new String[]{"get" + cap, "is" + cap}) {
            Method m = Calls.find(type, getter, 0, false);
            if (m != null && m.getName().matches("(get|is)[A-Z].*")) return m.getReturnType();
        }
        if (Number.class.isAssignableFrom(type) && Set.of("intValue", "longValue", "doubleValue").contains(name)) {
            return Calls.find(type, name, 0, false).getReturnType();
        }
        return null;
    }

    /**
     * The source with comments and the insides of string and character literals replaced by
     * spaces (quotes kept, line breaks kept), so offsets and lines stay those of the source.
     */
    static String mask(String s) {
        StringBuilder m = new StringBuilder(s);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') m.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int endAt = s.indexOf("*/", i + 2);
                int stop = endAt < 0 ? n : endAt + 2;
                for (; i < stop; i++) if (s.charAt(i) != '\n') m.setCharAt(i, ' ');
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\' && i + 1 < n) m.setCharAt(i++, ' ');
                    if (s.charAt(i) != '\n') m.setCharAt(i, ' ');
                    i++;
                }
                i++;
            } else {
                i++;
            }
        }
        return m.toString();
    }
}
