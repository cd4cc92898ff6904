package be.serv.advies.rules;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.geo.Regions;
import be.serv.advies.model.Area;
import be.serv.advies.model.Place;
import be.serv.advies.model.Province;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rules folder's tables parse to (precedence.yaml, the thresholds, the regions) and the SHA-256
 * the annex names it by: kept with the folder's check results, so a folder that passed before is not
 * parsed again (reading precedence.yaml alone brought up a YAML parser on every start). Written and
 * read field by field; a value the format does not know fails the read, and the folder is parsed as
 * without a cache.
 */
record FolderTables(Precedence precedence, Thresholds thresholds, Regions regions, String hash) {
    FolderTables {
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(hash, "hash");
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(hash);
        out.writeInt(precedence.order().size());
        for (Kind k : precedence.order()) out.writeUTF(k.name());
        out.writeInt(precedence.codes().size());
        for (CodeInfo c : precedence.codes().values()) {
            out.writeUTF(c.code());
            out.writeUTF(c.kind().name());
            out.writeUTF(c.label());
            out.writeInt(c.lifts().size());
            for (String l : c.lifts()) out.writeUTF(l);
            writeNullable(out, c.cleared());
            out.writeInt(c.openWhen().size());
            for (String o : c.openWhen()) out.writeUTF(o);
        }
        out.writeUTF(thresholds.source());
        out.writeInt(thresholds.columns().size());
        for (Map.Entry<String, Thresholds.Kind> c : thresholds.columns().entrySet()) {
            out.writeUTF(c.getKey());
            out.writeUTF(c.getValue().name());
        }
        out.writeInt(thresholds.entries().size());
        for (Thresholds.Entry e : thresholds.entries()) {
            out.writeInt(e.row());
            writeNullable(out, e.partnership());
            writeNullable(out, e.trajectory());
            writeNullable(out, e.province() == null ? null : e.province().name());
            out.writeBoolean(e.override());
            out.writeInt(e.values().size());
            for (Map.Entry<String, Object> v : e.values().entrySet()) {
                out.writeUTF(v.getKey());
                if (v.getValue() instanceof Integer i) {
                    out.writeByte('I');
                    out.writeInt(i);
                } else if (v.getValue() instanceof Boolean b) {
                    out.writeByte('B');
                    out.writeBoolean(b);
                } else if (v.getValue() instanceof Double d) {
                    out.writeByte('D');
                    out.writeDouble(d);
                } else if (v.getValue() instanceof String text) {
                    out.writeByte('S');
                    out.writeUTF(text);
                } else {
                    throw new IOException("threshold value of a kind the cache does not keep: " + v.getValue());
                }
            }
        }
        out.writeUTF(regions.source());
        out.writeInt(regions.regions().size());
        for (Area a : regions.regions()) {
            out.writeUTF(a.name());
            out.writeUTF(a.kind().name());
            out.writeInt(a.places().size());
            for (Place p : a.places()) out.writeUTF(p.nis());
        }
    }

    static FolderTables read(DataInputStream in) throws IOException {
        try {
            String hash = in.readUTF();
            List<Kind> order = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) order.add(Kind.valueOf(in.readUTF()));
            Map<String, CodeInfo> codes = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String code = in.readUTF();
                Kind kind = Kind.valueOf(in.readUTF());
                String label = in.readUTF();
                List<String> lifts = new ArrayList<>();
                for (int j = in.readInt(); j > 0; j--) lifts.add(in.readUTF());
                String cleared = readNullable(in);
                List<String> openWhen = new ArrayList<>();
                for (int j = in.readInt(); j > 0; j--) openWhen.add(in.readUTF());
                codes.put(code, new CodeInfo(code, kind, label, lifts, cleared, openWhen));
            }
            String thresholdSource = in.readUTF();
            Map<String, Thresholds.Kind> columns = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) columns.put(in.readUTF(), Thresholds.Kind.valueOf(in.readUTF()));
            List<Thresholds.Entry> entries = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                int row = in.readInt();
                String partnership = readNullable(in);
                String trajectory = readNullable(in);
                String province = readNullable(in);
                boolean override = in.readBoolean();
                Map<String, Object> values = new LinkedHashMap<>();
                for (int j = in.readInt(); j > 0; j--) {
                    String column = in.readUTF();
                    byte type = in.readByte();
                    if (type == 'I') values.put(column, in.readInt());
                    else if (type == 'B') values.put(column, in.readBoolean());
                    else if (type == 'D') values.put(column, in.readDouble());
                    else if (type == 'S') values.put(column, in.readUTF());
                    else throw new IOException("unknown value type " + type);
                }
                entries.add(new Thresholds.Entry(row, partnership, trajectory, province == null ? null : Province.valueOf(province),
                        values, override));
            }
            String regionSource = in.readUTF();
            Map<String, Place> byNis = new HashMap<>();
            for (Place p : Gazetteer.flanders().all()) byNis.put(p.nis(), p);
            List<Area> areas = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String name = in.readUTF();
                Area.Kind kind = Area.Kind.valueOf(in.readUTF());
                List<Place> places = new ArrayList<>();
                for (int j = in.readInt(); j > 0; j--) {
                    Place p = byNis.get(in.readUTF());
                    if (p == null) throw new IOException("a municipality the gazetteer does not know");
                    places.add(p);
                }
                areas.add(new Area(name, kind, places));
            }
            return new FolderTables(new Precedence(order, codes), Thresholds.of(thresholdSource, entries, columns),
                    Regions.of(areas, regionSource), hash);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("not a folder's tables: " + e.getMessage(), e);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
