package be.serv.advies.review;

import be.serv.advies.verdict.Advice;

import java.util.Objects;
import java.util.Optional;

/** Where an application stands in the review. */
public enum Status {
    OPEN("open"),
    CONFIRMED("bevestigd"),
    OVERRIDDEN("gewijzigd"),
    /** Decided, but the draft changed under newer rules: the decision stands until someone looks again. */
    SECOND_LOOK("tweede blik");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Status of(Optional<Decision> latest, Advice current) {
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(current, "current");
        if (latest.isEmpty()) return OPEN;
        Decision d = latest.get();
        if (d.sawOtherDraftThan(current.verdict(), current.reasons())) return SECOND_LOOK;
        return d.overridden() ? OVERRIDDEN : CONFIRMED;
    }
}
