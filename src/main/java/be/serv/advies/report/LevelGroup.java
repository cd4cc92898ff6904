package be.serv.advies.report;

import be.serv.advies.model.Level;

import java.util.List;

/** The level rows of the seed's §2.4: OK2, OK3, Se-n-Se after OK3, and double finality taken together. */
public enum LevelGroup {
    OK2("OK2 duaal", List.of(Level.OK2)),
    OK3("OK3 duaal", List.of(Level.OK3)),
    SENSE_OK3("Se-n-Se na OK3", List.of(Level.SENSE_OK3)),
    DOUBLE("Dubbele finaliteit", List.of(Level.OK4, Level.SENSE_OK4));

    private final String label;
    private final List<Level> levels;

    LevelGroup(String label, List<Level> levels) {
        this.label = label;
        this.levels = levels;
    }

    public String label() {
        return label;
    }

    public List<Level> levels() {
        return levels;
    }

    public boolean contains(Level level) {
        return levels.contains(level);
    }

    /** The group of a level; null for BuSO OV3, which the report shows on its own. */
    public static LevelGroup of(Level level) {
        for (LevelGroup g : values()) if (g.contains(level)) return g;
        return null;
    }
}
