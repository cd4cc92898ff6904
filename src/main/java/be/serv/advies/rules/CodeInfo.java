package be.serv.advies.rules;

import java.util.List;
import java.util.Objects;

/** One reason code as declared in {@code rules/precedence.yaml}. */
public record CodeInfo(String code, Kind kind, String label, List<String> lifts) {
    public CodeInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        lifts = List.copyOf(lifts == null ? List.of() : lifts);
    }
}
