package be.serv.advies.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts Drools' compiler messages into plain Dutch and points them at the place in the DRL a person
 * wrote: the field, the word or the line, never generated Java or the mvel expression dump.
 */
public final class DrlMessages {
    static final String NULL_PACKAGE = "Parser returned a null Package";

    record Located(String message, int line, int column) {
    }

    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+] Line (\\d+):(\\d+) (.*)$", Pattern.DOTALL);
    private static final Pattern ANALYSE = Pattern.compile("Unable to Analyse Expression (.*?):\\s*\\n", Pattern.DOTALL);
    private static final Pattern UNKNOWN_METHOD = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern RULE_COMPILATION = Pattern.compile("Rule Compilation error.*?\\[Rule name='([^']+)'].*?\\(\\d+:\\d+\\) : (.*)", Pattern.DOTALL);

    private DrlMessages() {
    }

    static Located translate(String message, String source, int line) {
        Matcher m = PARSER.matcher(message);
        if (m.matches()) return new Located("syntaxfout: " + parserPhrase(m.group(3)), 0, 0);
        m = ANALYSE.matcher(message);
        if (m.find()) {
            String expression = m.group(1).strip();
            Matcher field = UNKNOWN_METHOD.matcher(message);
            if (field.find()) {
                String type = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
                int[] at = locate(source, line, expression, field.group(2));
                return new Located("onbekend veld '" + field.group(2) + "': het feit " + type + " heeft geen veld met die naam"
                        + " (zie het feitenmodel in rules/README.md)", at[0], at[1]);
            }
            int[] at = locate(source, line, expression, null);
            return new Located("de voorwaarde '" + expression + "' kan niet gelezen worden: "
                    + firstErrorLine(message), at[0], at[1]);
        }
        m = UNKNOWN_TYPE.matcher(message);
        if (m.find()) {
            int[] at = locate(source, line, m.group(1) + "(", m.group(1));
            // A fact of the model that the file does not import: the package and import lines were left out.
            return new Located("onbekend feit '" + m.group(1) + "'" + (RuleLanguage.modelClass(m.group(1)) != null
                    ? ": " + m.group(1) + " hoort bij het feitenmodel, maar het bestand mist bovenaan 'import be.serv.advies.model.*;' "
                    + "(kopieer de regels package en import van een ander regelbestand)"
                    : " (zie het feitenmodel in rules/README.md)"), at[0], at[1]);
        }
        m = RULE_COMPILATION.matcher(message);
        if (m.find()) {
            String javaMessage = m.group(2).lines().findFirst().orElse("").strip();
            int[] at = locate(source, 0, "rule \"" + m.group(1) + "\"", null);
            return new Located("fout in het then-deel van regel '" + m.group(1) + "': " + javaPhrase(javaMessage), at[0], at[1]);
        }
        if (message.equals(NULL_PACKAGE)) return new Located(NULL_PACKAGE, 0, 0);
        return new Located("Drools meldt: " + message.lines().findFirst().orElse(message), 0, 0);
    }

    private static String parserPhrase(String s) {
        String out = s.strip();
        out = out.replaceAll("(?i)mismatched input '<EOF>'( expecting (.*?))?( in|$)", "het bestand eindigt te vroeg (ontbreekt 'end' of een haakje?)$3");
        out = out.replaceAll("(?i)(extraneous|no viable alternative at) input '<EOF>'.*?( in|$)", "het bestand eindigt te vroeg (ontbreekt 'end' of een haakje?)$2");
        // '=' gives a value; the slip of one '=' for the comparison '==' is the commonest of all.
        out = out.replaceAll("^mismatched input '='.*?( in|$)", "'=' wordt hier niet verwacht: vergelijken schrijft u met '==' (twee isgelijktekens)$1");
        out = out.replaceAll("mismatched input '([^']*)' expecting (.*?)( in|$)", "'$1' wordt hier niet verwacht, wel $2$3");
        out = out.replaceAll("mismatched input '([^']*)'", "'$1' wordt hier niet verwacht (ontbreekt 'when', 'then', 'end' of een haakje?)");
        out = out.replaceAll("no viable alternative at input '([^']*)'", "'$1' kan hier niet gelezen worden");
        out = out.replaceAll("extraneous input '([^']*)' expecting (.*?)( in|$)", "'$1' is hier te veel, verwacht $2$3");
        out = out.replaceAll("missing (\\S+) at '([^']*)'", "$1 ontbreekt vóór '$2'");
        out = out.replace(" in pattern", " in een voorwaarde");
        out = out.replace(" in rule ", " van regel ");
        out = out.replace(" in rule", " in een regel");
        return out;
    }

    private static String javaPhrase(String s) {
        return s.replaceAll("The method (\\S+) is undefined for the type (\\w+)", "de methode $1 bestaat niet voor $2")
                .replaceAll("(\\S+) cannot be resolved to a variable", "$1 is onbekend (geen veld of variabele met die naam)")
                .replaceAll("(\\S+) cannot be resolved", "$1 is onbekend")
                .replaceAll("The method (\\w+)\\(([^)]*)\\) in the type (\\w+) is not applicable for the arguments \\(([^)]*)\\)",
                        "$3.$1 verwacht ($2), maar krijgt ($4)");
    }

    private static String firstErrorLine(String message) {
        for (String l : message.lines().toList()) {
            if (l.startsWith("[Error: ")) return l.substring(8, l.length() - (l.endsWith("]") ? 1 : 0));
        }
        return message.lines().skip(1).findFirst().orElse("").strip();
    }

    /**
     * Line and column (both from 1) of {@code word} inside the first occurrence of {@code text} at
     * or after {@code fromLine}; {0, 0} when the source does not hold it.
     */
    static int[] locate(String source, int fromLine, String text, String word) {
        if (source == null || text == null || text.isEmpty()) return new int[]{0, 0};
        int from = offsetOfLine(source, Math.max(fromLine, 1));
        int at = source.indexOf(text, from);
        if (at < 0) at = source.indexOf(text);
        if (at < 0) return new int[]{0, 0};
        if (word != null) {
            Matcher w = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text);
            if (w.find()) at += w.start();
        }
        return position(source, at);
    }

    static int offsetOfLine(String source, int line) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            int nl = source.indexOf('\n', offset);
            if (nl < 0) return 0;
            offset = nl + 1;
        }
        return offset;
    }

    /** 1-based line and column of a character offset. */
    public static int[] position(String source, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[]{line, offset - lineStart + 1};
    }
}
