package be.serv.advies.review;

import java.time.Instant;
import java.util.Objects;

/** A reviewer's note on an application; it never changes the advice. */
public record Comment(String applicationId, String reviewer, Instant at, String text) {
    public Comment {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
