package be.serv.advies.model;

import java.util.List;
import java.util.Objects;

/**
 * Last school year's advice on the same offer (same institution, campus and trajectory) as one
 * application of this year, read from last year's final annex. {@link #getAdvice()} is the advice a
 * reviewer confirmed or chose over the draft; only when nobody decided is it the draft's verdict.
 * A figure last year's annex does not give is -1 (a count) or null (a sufficiency).
 */
public final class PreviousAdvice {
    /** What {@link #getOutcome()} says; the report's §2.1 counts re-applications by it. */
    public static final String NEGATIVE = "NEGATIEF_ADVIES";
    public static final String NOT_ORGANISED = "NIET_INGERICHT";
    public static final String NO_STUDENTS = "GEEN_LEERLINGEN";
    public static final String UNKNOWN = "ONBEKEND";
    public static final List<String> OUTCOMES = List.of(NEGATIVE, NOT_ORGANISED, NO_STUDENTS, UNKNOWN);

    private final String applicationId;
    private final String previousId;
    private final String trajectory;
    private final String advice;
    private final String draftVerdict;
    private final List<String> reasons;
    private final boolean decided;
    private final boolean overridden;
    private final String overrideReason;
    private final int expectedStudents;
    private final int partnerCompanies;
    private final Sufficiency infrastructure;
    private final Sufficiency learningResources;
    private final String followUp;

    private PreviousAdvice(Builder b) {
        this.applicationId = Objects.requireNonNull(b.applicationId, "applicationId");
        this.previousId = Objects.requireNonNull(b.previousId, "previousId");
        this.trajectory = Objects.requireNonNull(b.trajectory, "trajectory");
        this.draftVerdict = Objects.requireNonNull(b.draftVerdict, "draftVerdict");
        this.advice = b.advice != null ? b.advice : b.draftVerdict;
        this.decided = b.advice != null;
        this.reasons = List.copyOf(b.reasons);
        this.overridden = b.overridden;
        this.overrideReason = b.overrideReason == null ? "" : b.overrideReason;
        this.expectedStudents = b.expectedStudents;
        this.partnerCompanies = b.partnerCompanies;
        this.infrastructure = b.infrastructure;
        this.learningResources = b.learningResources;
        this.followUp = b.followUp == null ? "" : b.followUp;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This year's application the advice is linked to. */
    public String getApplicationId() { return applicationId; }
    /** Last year's application id. */
    public String getPreviousId() { return previousId; }
    /** Last year's trajectory code (differs from this year's when the catalogue renamed it). */
    public String getTrajectory() { return trajectory; }
    /** The advice that stood last year (a verdict name: POSITIVE, POSITIVE_WITH_REMARKS, NEGATIVE, NO_ADVICE). */
    public String getAdvice() { return advice; }
    /** The draft the rules gave last year. */
    public String getDraftVerdict() { return draftVerdict; }
    /** The reason codes of last year's draft, e.g. INFRASTRUCTURE. */
    public List<String> getReasons() { return reasons; }
    /** Whether a reviewer decided last year's advice (confirmed or overrode the draft). */
    public boolean isDecided() { return decided; }
    public boolean isOverridden() { return overridden; }
    public String getOverrideReason() { return overrideReason; }
    public int getExpectedStudents() { return expectedStudents; }
    public int getPartnerCompanies() { return partnerCompanies; }
    public Sufficiency getInfrastructure() { return infrastructure; }
    public Sufficiency getLearningResources() { return learningResources; }
    /** What became of an approved offer: "ingericht", "niet ingericht", "geen leerlingen", or empty when not known. */
    public String getFollowUp() { return followUp; }

    public boolean isNegative() {
        return "NEGATIVE".equals(advice);
    }

    /** Why the offer is asked again, as far as last year's annex tells. */
    public String getOutcome() {
        if (isNegative()) return NEGATIVE;
        if ("niet ingericht".equals(followUp)) return NOT_ORGANISED;
        if ("geen leerlingen".equals(followUp)) return NO_STUDENTS;
        return UNKNOWN;
    }

    /** An approved offer that was not organised: rules read it as {@code notOrganised}, since they name no constants. */
    public boolean isNotOrganised() {
        return NOT_ORGANISED.equals(getOutcome());
    }

    /** An approved offer that was organised but had no students. */
    public boolean isWithoutStudents() {
        return NO_STUDENTS.equals(getOutcome());
    }

    /** The same advice linked to another application of this year. */
    public PreviousAdvice linkedTo(String id) {
        Builder b = builder().applicationId(id).previousId(previousId).trajectory(trajectory).draftVerdict(draftVerdict)
                .advice(decided ? advice : null).reasons(reasons).overridden(overridden).overrideReason(overrideReason)
                .expectedStudents(expectedStudents).partnerCompanies(partnerCompanies).infrastructure(infrastructure)
                .learningResources(learningResources).followUp(followUp);
        return b.build();
    }

    @Override
    public String toString() {
        return "Advies vorig jaar op aanvraag " + previousId + ": " + Verdict.valueOf(advice).label();
    }

    public static final class Builder {
        private String applicationId;
        private String previousId;
        private String trajectory;
        private String advice;
        private String draftVerdict;
        private List<String> reasons = List.of();
        private boolean overridden;
        private String overrideReason;
        private int expectedStudents = -1;
        private int partnerCompanies = -1;
        private Sufficiency infrastructure;
        private Sufficiency learningResources;
        private String followUp;

        public Builder applicationId(String v) { this.applicationId = v; return this; }
        public Builder previousId(String v) { this.previousId = v; return this; }
        public Builder trajectory(String v) { this.trajectory = v; return this; }
        /** The decided advice; null when nobody decided (the draft then stands). */
        public Builder advice(String v) { this.advice = v; return this; }
        public Builder draftVerdict(String v) { this.draftVerdict = v; return this; }
        public Builder reasons(List<String> v) { this.reasons = v; return this; }
        public Builder overridden(boolean v) { this.overridden = v; return this; }
        public Builder overrideReason(String v) { this.overrideReason = v; return this; }
        public Builder expectedStudents(int v) { this.expectedStudents = v; return this; }
        public Builder partnerCompanies(int v) { this.partnerCompanies = v; return this; }
        public Builder infrastructure(Sufficiency v) { this.infrastructure = v; return this; }
        public Builder learningResources(Sufficiency v) { this.learningResources = v; return this; }
        public Builder followUp(String v) { this.followUp = v; return this; }

        public PreviousAdvice build() {
            return new PreviousAdvice(this);
        }
    }
}
