package be.serv.advies.review;

import java.util.List;

/** A bulk confirmation, committed as one transaction: the decisions it made and the applications it skipped as stale. */
public record BulkResult(String bulkId, List<Decision> confirmed, List<String> skipped) {
    public BulkResult {
        confirmed = List.copyOf(confirmed);
        skipped = List.copyOf(skipped);
    }
}
