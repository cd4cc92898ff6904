package be.serv.advies.review;

import java.util.List;

/**
 * A bulk confirmation, committed as one transaction: the decisions it made, or — when any item's
 * version was not the application's latest — nothing, and the items that were stale.
 */
public record BulkResult(String bulkId, List<Decision> confirmed, List<String> stale) {
    public BulkResult {
        confirmed = List.copyOf(confirmed);
        stale = List.copyOf(stale);
    }

    public boolean refused() {
        return !stale.isEmpty();
    }
}
