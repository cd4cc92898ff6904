package be.serv.advies.review;

import be.serv.advies.model.Verdict;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recorded decision on one application: the reviewer confirmed the draft or overrode it. It keeps
 * the draft the reviewer saw and the hashes of the rules and input that produced it, so the annex can
 * say later who decided what, when, and on which version of the rules.
 *
 * @param version    1 for the first decision on an application, then 2, 3, ...: a new decision names the
 *                   version it saw, and a stale one is refused
 * @param advice     the advice decided (the draft's verdict for a confirmation)
 * @param reason     why the draft was overridden; empty for a confirmation
 * @param bulkId     the bulk confirmation this decision was part of, or null
 */
public record Decision(String applicationId, int version, Kind kind, Verdict advice, String reason,
                       String reviewer, Instant decidedAt, Verdict draftVerdict, List<String> draftReasons,
                       String rulesHash, String inputHash, String bulkId) {

    public enum Kind {
        CONFIRM("bevestigd"),
        OVERRIDE("gewijzigd");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Decision {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(advice, "advice");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(draftVerdict, "draftVerdict");
        draftReasons = List.copyOf(draftReasons);
        Objects.requireNonNull(rulesHash, "rulesHash");
        Objects.requireNonNull(inputHash, "inputHash");
    }

    public boolean overridden() {
        return kind == Kind.OVERRIDE;
    }

    /** True when the draft this decision was taken on differs (verdict or reasons) from {@code verdict, reasons}. */
    public boolean sawOtherDraftThan(Verdict verdict, List<String> reasons) {
        return draftVerdict != verdict || !draftReasons.equals(reasons);
    }
}
