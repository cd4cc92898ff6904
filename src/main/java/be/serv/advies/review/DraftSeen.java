package be.serv.advies.review;

import be.serv.advies.model.Verdict;

import java.util.List;
import java.util.Objects;

/** The draft a reviewer had in front of them, and the version of the application's decisions they saw. */
public record DraftSeen(String applicationId, int version, Verdict verdict, List<String> reasons,
                        String rulesHash, String inputHash) {
    public DraftSeen {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(rulesHash, "rulesHash");
        Objects.requireNonNull(inputHash, "inputHash");
    }
}
