package be.serv.advies.model;

import java.util.Objects;

/**
 * How much an application's text resembles the most similar text of another application of the same
 * institution for another trajectory (§2.5: one text copied for several trainings, with only the name,
 * a date or a number changed). Derived from the batch before the rules run: each text without its own
 * trajectory's name and code, numbers and dates, compared as word shingles (Jaccard, in percent).
 * An application without another application of its institution for another trajectory has none.
 */
public final class SimilarText {
    private final String applicationId;
    private final String otherId;
    private final String otherTrajectoryName;
    private final int similarity;

    public SimilarText(String applicationId, String otherId, String otherTrajectoryName, int similarity) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.otherId = Objects.requireNonNull(otherId, "otherId");
        this.otherTrajectoryName = Objects.requireNonNull(otherTrajectoryName, "otherTrajectoryName");
        if (similarity < 0 || similarity > 100) throw new IllegalArgumentException("similarity must be 0..100, was " + similarity);
        this.similarity = similarity;
    }

    public String getApplicationId() { return applicationId; }
    /** The other application of the institution whose text is the most similar. */
    public String getOtherId() { return otherId; }
    public String getOtherTrajectoryName() { return otherTrajectoryName; }
    /** Shared word shingles over all shingles of both texts, in whole percent (100 = the same text). */
    public int getSimilarity() { return similarity; }

    @Override
    public String toString() {
        return "Tekst van " + applicationId + " lijkt voor " + similarity + "% op die van " + otherId + " (" + otherTrajectoryName + ")";
    }
}
