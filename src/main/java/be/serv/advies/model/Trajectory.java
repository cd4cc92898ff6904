package be.serv.advies.model;

import java.util.Objects;

/** A dual standard trajectory from the catalogue. */
public final class Trajectory {
    private final String code;
    private final String name;
    private final Level level;
    private final Finality finality;
    private final String partnership;
    private final boolean newOffer;
    private final boolean recognised;
    private final String advisedBy;

    public Trajectory(String code, String name, Level level, Finality finality, String partnership,
                      boolean isNew, boolean recognised, String advisedBy) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.level = Objects.requireNonNull(level, "level");
        this.finality = Objects.requireNonNull(finality, "finality");
        this.partnership = Objects.requireNonNull(partnership, "partnership");
        this.newOffer = isNew;
        this.recognised = recognised;
        this.advisedBy = advisedBy;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public Level getLevel() { return level; }
    public Finality getFinality() { return finality; }
    public String getPartnership() { return partnership; }
    /** Programmable for the first time this school year (a "nieuw standaardtraject"). */
    public boolean isNewOffer() { return newOffer; }
    public boolean isRecognised() { return recognised; }
    /** The partnership that advises in place of a missing one, or null. */
    public String getAdvisedBy() { return advisedBy; }

    @Override
    public String toString() {
        return "Traject " + code + " (" + name + ", " + level.label() + ", partnerschap " + partnership
                + (newOffer ? ", nieuw" : "") + (recognised ? "" : ", niet erkend")
                + (advisedBy == null ? "" : ", advies door " + advisedBy) + ")";
    }
}
