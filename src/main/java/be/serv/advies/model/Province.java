package be.serv.advies.model;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
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
        return Optional.ofNullable(BY_KEY.get(normalise(text)));
    }

    /** Every way of writing a province, normalised; read for each row of a batch, so made once. */
    private static final Map<String, Province> BY_KEY;

    static {
        Map<String, Province> keys = new HashMap<>();
        for (Province p : values()) {
            keys.put(normalise(p.label), p);
            keys.put(p.name().replace("_", ""), p);
        }
        keys.put("BRUSSELSHOOFDSTEDELIJKGEWEST", BRUSSEL);
        keys.put("BRUSSELS", BRUSSEL);
        BY_KEY = Map.copyOf(keys);
    }

    /** Upper-case letters A–Z only: accents, case, spaces and hyphens do not count. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'a' && c <= 'z') b.append((char) (c - 'a' + 'A'));
            else if (c >= 'A' && c <= 'Z') b.append(c);
        }
        return b.toString();
    }
}
