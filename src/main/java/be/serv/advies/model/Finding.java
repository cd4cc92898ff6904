package be.serv.advies.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Objects;

/**
 * What a rule concluded about one application under one criterion: either the criterion applies
 * (its code then weighs in the verdict) or it was checked and does not apply (kept for "why not").
 * Rules only insert findings; they never change the facts they matched.
 */
public final class Finding {
    private static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

    private final String applicationId;
    private final String code;
    private final boolean applies;
    /** The format and its arguments; the text is made when someone reads it (most never are). */
    private final String template;
    private final Object[] args;
    private volatile String text;
    private String rule;
    private String ruleFile;

    public Finding(String applicationId, String code, boolean applies, String text) {
        this(applicationId, code, applies, text, NO_ARGS);
    }

    private static final Object[] NO_ARGS = {};

    /**
     * Formatting is deferred to {@link #getText()}: the arguments are figures and names taken from
     * immutable facts, so the text reads the same whenever it is formatted, and a batch of 100,000
     * applications does not pay for a million texts nobody reads.
     */
    private Finding(String applicationId, String code, boolean applies, String text, Object[] args) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.code = Objects.requireNonNull(code, "code");
        this.applies = applies;
        this.template = Objects.requireNonNull(text, "text");
        this.args = args.length == 0 ? NO_ARGS : args.clone();
        if (args.length == 0) this.text = text;
        else checkFormatOnce(text, this.args);
    }

    private record FormatKey(String template, List<Class<?>> types) {
    }

    private static final Set<FormatKey> CHECKED = ConcurrentHashMap.newKeySet();

    /**
     * Whether a format fits its arguments depends only on the format and the argument types; the
     * first finding of each such pair is formatted at once, so a rule with a bad format still fails
     * inside its own action, where the engine names the rule and the application.
     */
    private static void checkFormatOnce(String template, Object[] args) {
        List<Class<?>> types = new ArrayList<>(args.length);
        for (Object a : args) types.add(a == null ? Void.class : a.getClass());
        FormatKey key = new FormatKey(template, types);
        if (CHECKED.contains(key)) return;
        format(template, args);
        if (CHECKED.size() < 10_000) CHECKED.add(key);
    }

    /** The criterion applies; {@code text} says why, with the figures (String.format, Dutch number style). */
    public static Finding applies(Application application, String code, String text, Object... args) {
        Objects.requireNonNull(application, "application");
        return new Finding(application.getId(), code, true, text, args);
    }

    /** The criterion was checked and does not apply; {@code text} says why not, with the figures. */
    public static Finding doesNotApply(Application application, String code, String text, Object... args) {
        Objects.requireNonNull(application, "application");
        return new Finding(application.getId(), code, false, text, args);
    }

    static String format(String text, Object... args) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('{') < 0) return args.length == 0 ? text : String.format(DUTCH, text, args);
        // "{leerling|leerlingen}" picks singular or plural by the number written before it. The
        // choices are taken from the template before formatting, so a quoted text among the values
        // is never read as a choice.
        Choices template = Choices.of(text);
        List<String[]> choices = template.choices();
        String formatted = args.length == 0 ? template.marked() : String.format(DUTCH, template.marked(), args);
        Matcher mark = MARK.matcher(formatted);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (mark.find()) {
            String[] choice = choices.get(Integer.parseInt(mark.group(1)));
            String before = formatted.substring(from, mark.start());
            out.append(before);
            out.append(isOne(out) ? choice[0] : choice[1]);
            from = mark.end();
        }
        out.append(formatted.substring(from));
        return out.toString();
    }

    /** {@code {singular|plural}} in a finding's template. */
    private static final Pattern CHOICE = Pattern.compile("\\{([^{}|]*)\\|([^{}|]*)\\}");
    private static final Pattern MARK = Pattern.compile("\u0001(\\d+)\u0002");
    /** A whole number or a Dutch decimal ("1", "1.250", "2,5"): the last one before a choice decides. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])\\d+(?:\\.\\d{3})*(?:,\\d+)?(?![\\d,])");

    /**
     * A template with each choice replaced by a numbered mark, and the choices. Rules have a few dozen
     * templates and a large batch formats each some 100,000 times, so each is taken apart once.
     */
    private record Choices(String marked, List<String[]> choices) {
        private static final Map<String, Choices> KNOWN = new ConcurrentHashMap<>();

        static Choices of(String template) {
            Choices known = KNOWN.get(template);
            if (known != null) return known;
            List<String[]> choices = new ArrayList<>();
            Matcher m = CHOICE.matcher(template);
            StringBuilder marked = new StringBuilder();
            while (m.find()) {
                choices.add(new String[]{m.group(1), m.group(2)});
                m.appendReplacement(marked, Matcher.quoteReplacement("\u0001" + (choices.size() - 1) + "\u0002"));
            }
            m.appendTail(marked);
            Choices made = new Choices(marked.toString(), List.copyOf(choices));
            // Templates come from the rules; the bound only guards against a rule that builds its own.
            if (KNOWN.size() < 10_000) KNOWN.put(template, made);
            return made;
        }
    }

    /** Whether the last number written so far is exactly one; without a number the plural is kept. */
    static boolean isOne(CharSequence written) {
        Matcher n = NUMBER.matcher(written);
        String last = null;
        while (n.find()) last = n.group();
        return "1".equals(last);
    }

    public String getApplicationId() { return applicationId; }
    public String getCode() { return code; }
    public boolean isApplies() { return applies; }
    public String getText() {
        String t = text;
        if (t == null) text = t = format(template, args);
        return t;
    }
    /** Name of the rule that inserted this finding; set by the engine. */
    public String getRule() { return rule; }
    public String getRuleFile() { return ruleFile; }

    /** Called once by the engine when the rule's insert is observed. */
    public void attribute(String ruleName, String file) {
        if (this.rule == null) {
            this.rule = ruleName;
            this.ruleFile = file;
        }
    }

    @Override
    public String toString() {
        return (applies ? "+" : "-") + code + " " + applicationId + ": " + getText();
    }
}
