package be.serv.advies.model;

import java.util.Locale;
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
    private final String text;
    private String rule;
    private String ruleFile;

    public Finding(String applicationId, String code, boolean applies, String text) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.code = Objects.requireNonNull(code, "code");
        this.applies = applies;
        this.text = Objects.requireNonNull(text, "text");
    }

    /** The criterion applies; {@code text} says why, with the figures (String.format, Dutch number style). */
    public static Finding applies(Application application, String code, String text, Object... args) {
        Objects.requireNonNull(application, "application");
        return new Finding(application.getId(), code, true, format(text, args));
    }

    /** The criterion was checked and does not apply; {@code text} says why not, with the figures. */
    public static Finding doesNotApply(Application application, String code, String text, Object... args) {
        Objects.requireNonNull(application, "application");
        return new Finding(application.getId(), code, false, format(text, args));
    }

    static String format(String text, Object... args) {
        Objects.requireNonNull(text, "text");
        return args.length == 0 ? text : String.format(DUTCH, text, args);
    }

    public String getApplicationId() { return applicationId; }
    public String getCode() { return code; }
    public boolean isApplies() { return applies; }
    public String getText() { return text; }
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
        return (applies ? "+" : "-") + code + " " + applicationId + ": " + text;
    }
}
