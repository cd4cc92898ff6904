package be.serv.advies.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** The five Flemish provinces and the Brussels-Capital Region: the regions the advice reasons about. */
public enum Province {
    ANTWERPEN("Antwerpen"),
    BRUSSEL("Brussel"),
    LIMBURG("Limburg"),
    OOST_VLAANDEREN("Oost-Vlaanderen"),
    VLAAMS_BRABANT("Vlaams-Brabant"),
    WEST_VLAANDEREN("West-Vlaanderen");

    private final String label;

    Province(String label) {
        this.label = label;
    }

    /** The Dutch name as users write it. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * Reads a province as spreadsheets write it: any case, spaces or hyphens, with or without accents,
     * and the long name of Brussels.
     */
    public static Optional<Province> parse(String text) {
        if (text == null) return Optional.empty();
        String key = normalise(text);
        if (key.equals("BRUSSELSHOOFDSTEDELIJKGEWEST") || key.equals("BRUSSELS")) return Optional.of(BRUSSEL);
        for (Province p : values()) {
            if (normalise(p.label).equals(key) || p.name().replace("_", "").equals(key)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }
}
