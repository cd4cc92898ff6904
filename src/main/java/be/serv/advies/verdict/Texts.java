package be.serv.advies.verdict;

import be.serv.advies.rules.Kind;

import java.util.List;
import java.util.ResourceBundle;

/**
 * The fixed Dutch words of motivations and explanations, kept together in
 * {@code be/serv/advies/verdict/teksten.properties} so that the wording is read and changed in one
 * place; the sentences of the criteria themselves are in the rule files.
 */
public final class Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("be.serv.advies.verdict.teksten");

    private Texts() {
    }

    /** The text under {@code key} with {0}, {1}, … replaced by the values, in order. */
    public static String get(String key, Object... values) {
        String t = BUNDLE.getString(key);
        for (int i = 0; i < values.length; i++) t = t.replace("{" + i + "}", String.valueOf(values[i]));
        return t;
    }

    /** What a kind of finding is called in Dutch ("aandachtspunt", "signaal", …). */
    public static String kind(Kind kind) {
        return get("kind." + kind.name());
    }

    /** "a", "a en b", "a, b en c". */
    public static String enumerate(List<String> items) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + get("list.and") + items.get(items.size() - 1);
    }
}
