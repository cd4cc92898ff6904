package be.serv.advies.review;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of a decision: committed, or refused because someone else decided first (it carries
 * the other's decision, so the reviewer sees it instead of silently overwriting it) or because the
 * form named a version the application never had.
 */
public record Outcome(Decision committed, Decision other) {
    public static Outcome committed(Decision d) {
        return new Outcome(Objects.requireNonNull(d, "d"), null);
    }

    public static Outcome conflict(Decision other) {
        return new Outcome(null, Objects.requireNonNull(other, "other"));
    }

    /** Refused: the version the form named is not the application's, and no decision explains it (a forged number). */
    public static Outcome stale() {
        return new Outcome(null, null);
    }

    public boolean isCommitted() {
        return committed != null;
    }

    public Optional<Decision> otherDecision() {
        return Optional.ofNullable(other);
    }
}
