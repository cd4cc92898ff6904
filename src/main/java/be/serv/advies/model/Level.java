package be.serv.advies.model;

/** Education qualification level of a standard trajectory. */
public enum Level {
    OK2("OK2", Finality.ARBEIDSMARKT),
    OK3("OK3", Finality.ARBEIDSMARKT),
    OK4("OK4", Finality.DUBBEL),
    SENSE_OK3("Se-n-Se na OK3", Finality.ARBEIDSMARKT),
    SENSE_OK4("Se-n-Se na OK4", Finality.DUBBEL),
    OV3("BuSO OV3", Finality.ARBEIDSMARKT);

    private final String label;
    private final Finality finality;

    Level(String label, Finality finality) {
        this.label = label;
        this.finality = finality;
    }

    public String label() {
        return label;
    }

    /** The finality this level belongs to; a catalogue row that says otherwise is refused. */
    public Finality finality() {
        return finality;
    }

    public boolean isSenSe() {
        return this == SENSE_OK3 || this == SENSE_OK4;
    }
}
