package be.serv.advies.review;

import java.time.Instant;

/** One bulk confirmation: its id, who made it, when, and how many decisions it wrote. */
public record BulkSummary(String id, String reviewer, Instant at, int decisions) {
}
