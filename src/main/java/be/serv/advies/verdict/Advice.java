package be.serv.advies.verdict;

import be.serv.advies.model.Finding;
import be.serv.advies.model.Verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The draft advice for one application: the verdict, the reason codes that decided it, the
 * motivation in Dutch, and every finding behind it.
 *
 * @param reasons  codes of the findings that decided the verdict (empty for a plain positive)
 * @param remarks  codes of the sector remarks among the reasons (an "aandachtspunt" in Tabel 1)
 * @param lifted   concern code → the codes of every preference that lifted it, in rule order
 * @param signals  codes of the signals for the reviewer; they never change the verdict
 * @param findings every finding that applies, in rule order
 * @param cleared  every criterion checked that does not apply, with why not
 */
public record Advice(String applicationId, Verdict verdict, List<String> reasons, List<String> remarks,
                     Map<String, List<String>> lifted, List<String> signals, String motivation,
                     List<Finding> findings, List<Finding> cleared) {
    public Advice {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        remarks = List.copyOf(remarks);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        lifted.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        lifted = Collections.unmodifiableMap(copy);
        signals = List.copyOf(signals);
        Objects.requireNonNull(motivation, "motivation");
        findings = List.copyOf(findings);
        cleared = List.copyOf(cleared);
    }
}
