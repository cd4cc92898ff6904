package be.serv.advies.review;

/**
 * Told after each row a bulk confirmation writes, while its transaction is still open. The server
 * passes {@link #NONE}; tests pass one that pauses or stops the process half-way, to show that a
 * backup or a kill at that moment sees none of the bulk.
 */
@FunctionalInterface
public interface BulkProgress {
    BulkProgress NONE = (written, total) -> { };

    void rowWritten(int written, int total);
}
