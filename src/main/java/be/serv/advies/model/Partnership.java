package be.serv.advies.model;

import java.util.Objects;

/** A sectoral partnership (sectoraal partnerschap), or the group of sectors without one. */
public final class Partnership {
    private final String code;
    private final String name;
    private final boolean hasPartnership;

    public Partnership(String code, String name, boolean hasPartnership) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.hasPartnership = hasPartnership;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public boolean isHasPartnership() { return hasPartnership; }

    @Override
    public String toString() {
        return "Partnerschap " + code + " (" + name + (hasPartnership ? "" : ", geen partnerschap") + ")";
    }
}
