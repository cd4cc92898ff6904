package be.serv.advies.model;

/** The four advices the SERV gives. */
public enum Verdict {
    POSITIVE("positief"),
    POSITIVE_WITH_REMARKS("positief met bemerkingen"),
    NEGATIVE("negatief"),
    NO_ADVICE("geen advies");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The Dutch name as it appears in the annex and the report. */
    public String label() {
        return label;
    }
}
