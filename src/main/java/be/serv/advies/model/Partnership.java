package be.serv.advies.model;

import java.util.Objects;

/** A sectoral partnership (sectoraal partnerschap), or the group of sectors without one. */
public final class Partnership {
    private final String code;
    private final String name;
    private final boolean hasPartnership;
    private final String shortageRemarks;

    public Partnership(String code, String name, boolean hasPartnership) {
        this(code, name, hasPartnership, null);
    }

    /** With the sector's general remarks on its shortages (Bijlage 1), or null when it made none. */
    public Partnership(String code, String name, boolean hasPartnership, String shortageRemarks) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.hasPartnership = hasPartnership;
        this.shortageRemarks = shortageRemarks == null || shortageRemarks.isBlank() ? null : shortageRemarks;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public boolean isHasPartnership() { return hasPartnership; }
    /** The sector's general remarks on its shortages, in its own words; null when none. */
    public String getShortageRemarks() { return shortageRemarks; }

    @Override
    public String toString() {
        return "Partnerschap " + code + " (" + name + (hasPartnership ? "" : ", geen partnerschap") + ")";
    }
}
