package be.serv.advies.rules;

import java.util.List;
import java.util.Objects;

/**
 * One reason code as declared in {@code rules/precedence.yaml}.
 *
 * @param cleared what a positive motivation says when the criterion was checked and does not apply
 *                (a Dutch phrase, e.g. "geen overaanbod in de regio"); null when the code has none
 */
public record CodeInfo(String code, Kind kind, String label, List<String> lifts, String cleared) {
    public CodeInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        lifts = List.copyOf(lifts == null ? List.of() : lifts);
        if (cleared != null && cleared.isBlank()) cleared = null;
    }

    public CodeInfo(String code, Kind kind, String label, List<String> lifts) {
        this(code, kind, label, lifts, null);
    }
}
