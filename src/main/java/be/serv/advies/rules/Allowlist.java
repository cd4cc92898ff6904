package be.serv.advies.rules;

import be.serv.advies.model.Batch;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What rule files may contain beyond conditions: a {@code then} part may only read facts and insert
 * findings. Every identifier in a consequence (and in a DRL {@code function}) must be on a short
 * list: the rule's bindings and its own local variables, {@code insert}, the {@code Finding}
 * factories, getters of the facts, the fact classes (for their constants), a few text and number
 * helpers ({@code String.format}, {@code Math.max}, {@code name()}, {@code toLowerCase()}, ...),
 * and {@code if}/{@code else}. Anything else ({@code System}, {@code Runtime}, threads, files,
 * reflection, {@code new} of anything but a finding, loops, exceptions, {@code drools.}) is an error,
 * so it never compiles and never runs. Imports are limited to the fact model; globals, type
 * declarations and function or static imports are refused; a function may not call a function (so
 * nothing recurses). Conditions are scanned for the same dangerous names and for inline
 * {@code accumulate} code.
 *
 * <p>Checked on the text with comments and string literals blanked out, so a name in a comment or a
 * Dutch text is never mistaken for code, and a {@code \\u} escape (which Java reads as code before
 * anything else) is refused outright.</p>
 */
final class Allowlist implements RuleCheck {
    static final String MODEL_PACKAGE = "be.serv.advies.model";

    /** Words a consequence may use as they are. */
    private static final Set<String> WORDS = Set.of("if", "else", "true", "false", "null", "final", "return", "instanceof",
            "int", "long", "double", "float", "boolean", "char", "short", "byte", "var", "String", "Integer", "Long",
            "Double", "Boolean", "Math", "Finding", "insert");
    /** Methods that only read or format: callable on any fact, value or helper class. */
    private static final Set<String> METHODS = Set.of("applies", "doesNotApply", "name", "label", "toString", "toLowerCase",
            "toUpperCase", "intValue", "longValue", "doubleValue", "length", "isEmpty", "isBlank", "equals", "equalsIgnoreCase",
            "contains", "startsWith", "endsWith", "strip", "trim", "size", "ordinal", "compareTo", "format", "formatted", "valueOf",
            "join", "max", "min", "round", "abs", "floor", "ceil", "matches", "coversProvince");
    /** Never callable, although they look like getters: they lead to classes, loaders and the engine. */
    private static final Pattern FORBIDDEN_GETTER = Pattern.compile(".*(Class|Loader|Method|Field|Constructor|Runtime|Thread|Module|Kie|Session|Agenda|WorkingMemory|Knowledge).*");
    private static final Set<String> LOOPS = Set.of("while", "for", "do", "foreach", "until");
    private static final Set<String> EXCEPTIONS = Set.of("try", "catch", "finally", "throw", "throws", "assert");
    private static final Set<String> ENGINE = Set.of("drools", "kcontext");
    /** Changing facts is reported by {@link DrlCheck} with its own message. */
    private static final Set<String> CHANGES = Set.of("update", "modify", "delete", "retract");
    /** Package roots and classes that conditions must not reach either. */
    private static final Set<String> DANGEROUS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "System", "Runtime",
            "Thread", "ThreadGroup", "ProcessBuilder", "Process", "Class", "ClassLoader", "Files", "Paths", "Path", "File",
            "Executors", "ForkJoinPool", "Proxy", "MethodHandles", "drools", "kcontext");

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern LOCAL = Pattern.compile("(?<![\\w$.])(?:final\\s+)?(?:[A-Za-z_$][\\w$]*)(?:\\s*\\[\\s*])?\\s+([A-Za-z_$][\\w$]*)\\s*(?==[^=]|;)");
    private static final Pattern BINDING = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*:(?!:)");
    private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*(import|global|declare)\\b[ \\t]*([^\\n;]*)");
    private static final Pattern FUNCTION = Pattern.compile("(?<![\\w$.])function\\s+[\\w$.<>\\[\\]]+\\s+([A-Za-z_$][\\w$]*)\\s*\\(([^)]*)\\)\\s*\\{");
    private static final Pattern END = Pattern.compile("(?<![\\w$.])end(?![\\w$])");
    private static final Pattern THEN = Pattern.compile("(?<![\\w$.])then(?![\\w$])");
    private static final Pattern WHEN = Pattern.compile("(?<![\\w$.])when(?![\\w$])");

    @Override
    public void check(RuleFolder folder, Batch batch, List<Diagnostic> out) {
        Set<String> functions = new HashSet<>();
        for (String source : folder.drl().values()) {
            Matcher f = FUNCTION.matcher(mask(source));
            while (f.find()) functions.add(f.group(1));
        }
        for (Map.Entry<String, PackageDescr> e : folder.parsed().entrySet()) {
            new File(e.getKey(), folder.drl().get(e.getKey()), functions, out).check(e.getValue());
        }
    }

    /** One rule file. */
    private static final class File {
        final String name;
        final String source;
        final String masked;
        final Set<String> functions;
        final List<Diagnostic> out;
        final Set<Integer> reportedLines = new HashSet<>();

        File(String name, String source, Set<String> functions, List<Diagnostic> out) {
            this.name = name;
            this.source = source;
            this.masked = mask(source);
            this.functions = functions;
            this.out = out;
        }

        void check(PackageDescr pkg) {
            escapes();
            headers();
            Matcher f = FUNCTION.matcher(masked);
            while (f.find()) {
                int open = f.end() - 1;
                int close = matching(masked, open, '{', '}');
                Set<String> allowed = new HashSet<>();
                for (String param : f.group(2).split(",")) {
                    String[] words = param.strip().split("\\s+");
                    if (words.length > 0 && !words[words.length - 1].isEmpty()) allowed.add(words[words.length - 1]);
                }
                code("functie '" + f.group(1) + "'", open + 1, close, allowed, false);
            }
            for (RuleDescr rule : pkg.getRules()) rule(rule);
        }

        /** Java reads backslash-u escapes before anything else, so they could hide any name from this check. */
        void escapes() {
            Matcher m = Pattern.compile("\\\\u+[0-9a-fA-F]{4}").matcher(source);
            while (m.find()) {
                if (masked.charAt(m.start()) == ' ' && isComment(m.start())) continue;
                report(m.start(), "een \\u-code is niet toegestaan in een regelbestand; schrijf het teken zelf");
            }
        }

        boolean isComment(int at) {
            int lineStart = source.lastIndexOf('\n', at) + 1;
            String before = source.substring(lineStart, at);
            return before.contains("//") || source.lastIndexOf("/*", at) > source.lastIndexOf("*/", at);
        }

        void headers() {
            Matcher m = HEADER.matcher(masked);
            while (m.find()) {
                String what = m.group(1);
                String target = source.substring(m.start(2), m.end(2)).strip();
                int at = m.start(1);
                switch (what) {
                    case "import" -> {
                        if (target.startsWith("static ") || target.startsWith("function ") || target.startsWith("accumulate ")) {
                            report(at, "'import " + target.split("\\s+")[0] + "' is niet toegestaan; een regel gebruikt alleen "
                                    + "de feiten (import " + MODEL_PACKAGE + ".*)");
                        } else if (!target.equals(MODEL_PACKAGE + ".*") && !isModelClass(target)) {
                            report(at, "'import " + target + "' is niet toegestaan; een regel gebruikt alleen de feiten (import "
                                    + MODEL_PACKAGE + ".*)");
                        }
                    }
                    case "global" -> report(at, "'global' is niet toegestaan; een regel leest alleen feiten en voegt bevindingen toe");
                    default -> report(at, "'declare' is niet toegestaan; de feiten staan vast (zie het feitenmodel in rules/README.md)");
                }
            }
        }

        void rule(RuleDescr rule) {
            int start = Math.max(0, rule.getStartCharacter());
            Matcher when = WHEN.matcher(masked);
            Matcher then = THEN.matcher(masked);
            if (!then.find(start)) return;
            int whenAt = when.find(start) && when.start() < then.start() ? when.end() : then.start();
            Matcher end = END.matcher(masked);
            int endAt = end.find(then.end()) ? end.start() : masked.length();
            Set<String> bindings = new HashSet<>();
            Matcher b = BINDING.matcher(masked.substring(whenAt, then.start()));
            while (b.find()) bindings.add(b.group(1));
            conditions(rule.getName(), whenAt, then.start(), bindings);
            code("regel '" + rule.getName() + "'", then.end(), endAt, bindings, true);
        }

        /** Conditions: no dangerous class or package, no object creation, no code inside accumulate. */
        void conditions(String rule, int from, int to, Set<String> bindings) {
            Matcher m = IDENT.matcher(masked);
            m.region(from, to);
            while (m.find()) {
                String id = m.group();
                int at = m.start();
                if (previous(at) == '.') continue;
                char next = next(m.end());
                if (DANGEROUS.contains(id) && (next == '.' || next == '(')) {
                    report(at, "regel '" + rule + "': '" + id + "' is niet toegestaan in een voorwaarde; een voorwaarde leest alleen feiten");
                } else if (id.equals("new")) {
                    report(at, "regel '" + rule + "': 'new' is niet toegestaan in een voorwaarde; een voorwaarde leest alleen feiten");
                } else if (next == '(' && Set.of("init", "action", "reverse", "result").contains(id)) {
                    report(at, "regel '" + rule + "': eigen code in accumulate ('" + id + "') is niet toegestaan; gebruik count, sum, "
                            + "min, max of average");
                } else if (Character.isUpperCase(id.charAt(0)) && next == '.' && !isAllowedClass(id)) {
                    report(at, "regel '" + rule + "': '" + id + "' is niet toegestaan in een voorwaarde; alleen de feiten en hun waarden");
                }
            }
        }

        /**
         * A consequence or function body, [from, to) in the source: every name must be allowed.
         * {@code callFunctions}: whether DRL functions may be called (from rules yes, from functions
         * no, so nothing recurses).
         */
        void code(String where, int from, int to, Set<String> bindings, boolean callFunctions) {
            Set<String> locals = new HashSet<>(bindings);
            Matcher local = LOCAL.matcher(masked);
            local.region(from, to);
            // A local named like a class could shadow it in mvel; locals start with a small letter.
            while (local.find()) if (!Character.isUpperCase(local.group(1).charAt(0))) locals.add(local.group(1));
            Matcher m = IDENT.matcher(masked);
            m.region(from, to);
            int skipUntil = -1;
            while (m.find()) {
                int at = m.start();
                if (at < skipUntil) continue;
                String id = m.group();
                char next = next(m.end());
                if (previous(at) == '.') {
                    if (next != '(') continue; // reading a field or a constant
                    boolean getter = id.matches("(get|is)[A-Z][\\w$]*") && !FORBIDDEN_GETTER.matcher(id.substring(2)).matches();
                    if (!getter && !METHODS.contains(id) && !FactReads.NAMES.contains(id)) {
                        report(at, where + ": de methode '" + id + "' is niet toegestaan in het then-deel; " + ALLOWED);
                    }
                    continue;
                }
                if (CHANGES.contains(id) && next == '(') {
                    // DrlCheck names this; skip the call and a modify block after it.
                    int close = matching(masked, indexOf(m.end(), '('), '(', ')');
                    int brace = skipSpace(close + 1);
                    skipUntil = brace < masked.length() && masked.charAt(brace) == '{' ? matching(masked, brace, '{', '}') : close;
                    continue;
                }
                if (LOOPS.contains(id)) {
                    report(at, where + ": een lus ('" + id + "') is niet toegestaan in het then-deel; een regel vuurt per "
                            + "combinatie van feiten en voegt daarbij één bevinding toe");
                } else if (EXCEPTIONS.contains(id)) {
                    report(at, where + ": '" + id + "' is niet toegestaan in het then-deel; " + ALLOWED);
                } else if (ENGINE.contains(id)) {
                    report(at, where + ": '" + id + "' (de motor zelf) is niet toegestaan in het then-deel; " + ALLOWED);
                } else if (id.equals("new")) {
                    Matcher type = IDENT.matcher(masked);
                    if (!(type.find(m.end()) && type.group().equals("Finding") && next(type.end()) == '(')) {
                        report(at, where + ": 'new' is alleen toegestaan voor een bevinding (new Finding(...)); " + ALLOWED);
                    } else {
                        skipUntil = type.end();
                    }
                } else if (id.equals("insert") && next != '(') {
                    report(at, where + ": 'insert' zonder haakjes is niet toegestaan; " + ALLOWED);
                } else if (functions.contains(id) && next == '(') {
                    if (!callFunctions) {
                        report(at, where + ": een functie mag geen functie oproepen (ook zichzelf niet); reken het rechtstreeks uit");
                    }
                } else if (!WORDS.contains(id) && !locals.contains(id) && !isModelClass(id)) {
                    report(at, where + ": '" + id + "' is niet toegestaan in het then-deel; " + ALLOWED);
                }
            }
        }

        private int indexOf(int from, char c) {
            int i = from;
            while (i < masked.length() && masked.charAt(i) != c) i++;
            return i;
        }

        private int skipSpace(int from) {
            int i = from;
            while (i < masked.length() && Character.isWhitespace(masked.charAt(i))) i++;
            return i;
        }

        char previous(int at) {
            int i = at - 1;
            while (i >= 0 && Character.isWhitespace(masked.charAt(i))) i--;
            return i < 0 ? ' ' : masked.charAt(i);
        }

        char next(int at) {
            int i = skipSpace(at);
            return i < masked.length() ? masked.charAt(i) : ' ';
        }

        /** One message per line: the first thing wrong on it is enough to act on. */
        void report(int offset, String message) {
            int[] p = DrlMessages.position(source, offset);
            if (reportedLines.add(p[0])) out.add(Diagnostic.error(name, p[0], p[1], message));
        }
    }

    /**
     * The reading methods of the fact classes (public, returning a value, not named like a change),
     * e.g. {@code Shortage.whereIs(place)}: a fact may offer a computed view of itself to the rules.
     * Read from the model package itself, so a new fact method needs no change here.
     */
    static final class FactReads {
        static final Set<String> NAMES = scan();

        private static Set<String> scan() {
            Set<String> names = new HashSet<>();
            for (Class<?> c : modelClasses()) {
                for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                    int mod = m.getModifiers();
                    String n = m.getName();
                    if (!java.lang.reflect.Modifier.isPublic(mod) || m.getReturnType() == void.class || m.isSynthetic()) continue;
                    if (n.matches("(set|add|remove|put|clear|attribute|with).*") || FORBIDDEN_GETTER.matcher(n).matches()) continue;
                    names.add(n);
                }
            }
            return Set.copyOf(names);
        }

        private static List<Class<?>> modelClasses() {
            List<Class<?>> out = new ArrayList<>();
            String dir = MODEL_PACKAGE.replace('.', '/');
            List<String> files = new ArrayList<>();
            try {
                // Every place the package lives (classes, and test classes when tests run).
                for (java.net.URL url : java.util.Collections.list(Allowlist.class.getClassLoader().getResources(dir))) {
                    list(url, dir, files);
                }
            } catch (java.io.IOException e) {
                // Without the scan only the fixed list and getters are allowed: stricter, never looser.
            }
            for (String f : files) {
                if (!f.endsWith(".class") || f.contains("$")) continue;
                try {
                    Class<?> c = Class.forName(MODEL_PACKAGE + "." + f.substring(0, f.length() - 6), false, Allowlist.class.getClassLoader());
                    if (c.getProtectionDomain().getCodeSource() == null
                            || c.getProtectionDomain().getCodeSource().equals(Allowlist.class.getProtectionDomain().getCodeSource())) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not a class of the fact model
                }
            }
            return out;
        }

        private static void list(java.net.URL url, String dir, List<String> files) {
            try {
                if (url.getProtocol().equals("file")) {
                    try (var s = java.nio.file.Files.list(java.nio.file.Path.of(url.toURI()))) {
                        s.forEach(p -> files.add(p.getFileName().toString()));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    java.net.JarURLConnection jar = (java.net.JarURLConnection) url.openConnection();
                    jar.setUseCaches(false);
                    try (java.util.jar.JarFile f = jar.getJarFile()) {
                        f.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
                                .forEach(n -> files.add(n.substring(dir.length() + 1)));
                    }
                }
            } catch (Exception e) {
                // A place that cannot be listed adds nothing: stricter, never looser.
            }
        }
    }

    static final String ALLOWED = "een then-deel mag alleen feiten lezen (getX()) en bevindingen toevoegen "
            + "(insert(Finding.applies(...)) of Finding.doesNotApply(...)), met tekst, getallen, if/else en String.format";

    private static boolean isModelClass(String name) {
        String simple = name.startsWith(MODEL_PACKAGE + ".") ? name.substring(MODEL_PACKAGE.length() + 1) : name;
        if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0)) || simple.contains(".")) return false;
        try {
            Class.forName(MODEL_PACKAGE + "." + simple, false, Allowlist.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isAllowedClass(String name) {
        return isModelClass(name) || Set.of("String", "Math", "Integer", "Long", "Double", "Boolean").contains(name);
    }

    /** Index of the bracket closing the one at {@code open}, in masked text; the end of the text if none. */
    static int matching(String masked, int open, char o, char c) {
        int depth = 0;
        for (int i = open; i < masked.length(); i++) {
            if (masked.charAt(i) == o) depth++;
            else if (masked.charAt(i) == c && --depth == 0) return i;
        }
        return masked.length();
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
