package be.serv.advies.report;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Education;
import be.serv.advies.model.PreviousAdvice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * §2.1's re-applications (SO) by what became of last year's offer, as last year's final annex tells:
 * a negative advice, approved but not organised, organised without students, or unknown (no link,
 * or last year's annex does not say). The counts add up to the re-applications; empty when the batch
 * was read without last year's advice.
 */
public record ReapplicationBreakdown(Map<String, Integer> byOutcome) {
    /** The Dutch words of the report, per {@link PreviousAdvice#getOutcome()}. */
    public static final Map<String, String> LABELS = Map.of(
            PreviousAdvice.NEGATIVE, "na een negatief advies",
            PreviousAdvice.NOT_ORGANISED, "goedgekeurd maar niet ingericht",
            PreviousAdvice.NO_STUDENTS, "zonder leerlingen",
            PreviousAdvice.UNKNOWN, "onbekend");

    public static ReapplicationBreakdown of(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (batch.getPreviousAdvice().isEmpty()) return new ReapplicationBreakdown(counts);
        PreviousAdvice.OUTCOMES.forEach(o -> counts.put(o, 0));
        for (Application a : batch.getApplications()) {
            if (a.getEducation() != Education.SO || !a.isReapplication()) continue;
            String outcome = batch.previousAdvice(a.getId()).map(PreviousAdvice::getOutcome).orElse(PreviousAdvice.UNKNOWN);
            counts.merge(outcome, 1, Integer::sum);
        }
        return new ReapplicationBreakdown(Collections.unmodifiableMap(counts));
    }

    public boolean isEmpty() {
        return byOutcome.isEmpty();
    }

    public int total() {
        return byOutcome.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * One Dutch sentence for §2.1, e.g. "Van de 60 her-aanvragen volgen er volgens de finale annex van vorig
     * jaar 3 op een negatief advies, 28 op een goedgekeurd maar niet ingericht aanbod en 28 op een aanbod
     * zonder leerlingen; voor 1 is de reden onbekend."; empty without last year's advice.
     */
    public String sentence() {
        if (isEmpty()) return "";
        String known = String.join(", ", List.of(
                byOutcome.get(PreviousAdvice.NEGATIVE) + " op een negatief advies",
                byOutcome.get(PreviousAdvice.NOT_ORGANISED) + " op een goedgekeurd maar niet ingericht aanbod"))
                + " en " + byOutcome.get(PreviousAdvice.NO_STUDENTS) + " op een aanbod zonder leerlingen";
        return "Van de " + total() + " her-aanvragen volgen er volgens de finale annex van vorig jaar " + known
                + "; voor " + byOutcome.get(PreviousAdvice.UNKNOWN) + " is de reden onbekend.";
    }
}
