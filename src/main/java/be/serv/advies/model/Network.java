package be.serv.advies.model;

/** School network or provider group. */
public enum Network {
    GO("GO!"), OGO("OGO"), VGO("VGO"), SYNTRA("Syntra");

    private final String label;

    Network(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
