package be.serv.advies.rules;

import java.util.List;
import java.util.Objects;

/**
 * One reason code as declared in {@code rules/precedence.yaml}.
 *
 * @param cleared what a positive motivation says when the criterion was checked and does not apply
 *                (a Dutch phrase, e.g. "geen overaanbod in de regio"); null when the code has none
 * @param openWhen the findings (codes) under which neither the "applies" nor the "cleared" rule may
 *                 conclude for an application, e.g. NO_CAPACITY_FIGURES: without figures the criterion is
 *                 not judged. Without one of them, exactly one of the two concludes.
 */
public record CodeInfo(String code, Kind kind, String label, List<String> lifts, String cleared, List<String> openWhen) {
    public CodeInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        lifts = List.copyOf(lifts == null ? List.of() : lifts);
        if (cleared != null && cleared.isBlank()) cleared = null;
        openWhen = List.copyOf(openWhen == null ? List.of() : openWhen);
    }

    public CodeInfo(String code, Kind kind, String label, List<String> lifts, String cleared) {
        this(code, kind, label, lifts, cleared, List.of());
    }

    public CodeInfo(String code, Kind kind, String label, List<String> lifts) {
        this(code, kind, label, lifts, null);
    }
}
