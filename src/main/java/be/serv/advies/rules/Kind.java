package be.serv.advies.rules;

/** What a finding's code does to the advice; each code's kind is set in {@code rules/precedence.yaml}. */
public enum Kind {
    /** The application gets no advice. */
    NO_ADVICE,
    /** Negative advice. */
    NEGATIVE,
    /** Positive with a remark or condition of the sector (an "aandachtspunt", counted in Tabel 1). */
    REMARK,
    /** Positive with a remark that only confirms ("positieve bekrachtiging", not counted in Tabel 1). */
    CONFIRMATION,
    /** An "approve maximally" preference that lifts the concerns it names. */
    PREFERENCE,
    /** A signal for the reviewer that never changes the verdict (§2.5 weak applications). */
    SIGNAL;

    /** The kind in the words of the advice. */
    public String label() {
        return switch (this) {
            case NO_ADVICE -> "geen advies";
            case NEGATIVE -> "negatief";
            case REMARK -> "bemerking";
            case CONFIRMATION -> "bekrachtiging";
            case PREFERENCE -> "maximaal goedkeuren";
            case SIGNAL -> "signaal";
        };
    }
}
