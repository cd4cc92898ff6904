package be.serv.advies.rules;

import be.serv.advies.load.Cells;
import be.serv.advies.load.Problem;
import be.serv.advies.load.Row;
import be.serv.advies.load.Table;
import be.serv.advies.load.TableReader;
import be.serv.advies.model.Norm;
import be.serv.advies.model.Province;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sectors' thresholds, read from {@code rules/thresholds.csv}. For one trajectory in one
 * province, each threshold comes from the most specific row that matches and fills it:
 * a trajectory row beats a partnership row beats the default, and a province row beats {@code *}.
 */
public final class Thresholds {
    public static final String FILE = "thresholds.csv";
    /** The same table kept as an Excel workbook (first sheet); exactly one of the two may exist. */
    public static final String WORKBOOK = "thresholds.xlsx";
    static final String ANY = "*";
    static final List<String> KEYS = List.of("partnership", "trajectory", "province");
    /** The threshold columns; room_for_schools may stay empty everywhere (no limit). */
    public static final List<String> COLUMNS = List.of("max_providers", "min_students_per_provider", "min_free_workplaces",
            "room_for_schools", "sector_chooses", "min_expected_students", "limited_offer_providers", "min_partner_companies",
            "same_text_similarity");

    record Entry(int row, String partnership, String trajectory, Province province, Map<String, Object> values, boolean override) {
        Entry(int row, String partnership, String trajectory, Province province, Map<String, Object> values) {
            this(row, partnership, trajectory, province, values, false);
        }

        int specificity() {
            return (override ? 8 : 0) + (trajectory != null ? 4 : 0) + (partnership != null ? 2 : 0) + (province != null ? 1 : 0);
        }

        boolean matches(String p, String t, Province prov) {
            return (partnership == null || partnership.equals(p)) && (trajectory == null || trajectory.equals(t))
                    && (province == null || province == prov);
        }
    }

    private final String source;
    private final List<Entry> entries;
    private final Map<String, Norm> cache = new HashMap<>();

    private Thresholds(String source, List<Entry> entries) {
        this.source = source;
        this.entries = entries.stream()
                .sorted((a, b) -> Integer.compare(b.specificity(), a.specificity()))
                .toList();
    }

    /** The thresholds of these rows (any order: the most specific is taken first), read back as the cache keeps them. */
    static Thresholds of(String source, List<Entry> entries) {
        return new Thresholds(Objects.requireNonNull(source, "source"), Objects.requireNonNull(entries, "entries"));
    }

    /** The file the rows came from. */
    String source() {
        return source;
    }

    /** The rows, the most specific first. */
    List<Entry> entries() {
        return entries;
    }

    static Thresholds parse(String file, byte[] bytes, List<Problem> problems) {
        Table table = file.endsWith(".xlsx") ? be.serv.advies.load.WorkbookReader.read(file, bytes, problems)
                : TableReader.read(file, bytes, problems);
        return parse(table, problems);
    }

    static Thresholds parse(Table table, List<Problem> problems) {
        String file = table.file();
        List<String> known = new ArrayList<>(KEYS);
        known.addAll(COLUMNS);
        known.add("note");
        for (String col : known) {
            if (!col.equals("note") && !table.header().isEmpty() && !table.header().contains(col)) {
                problems.add(Problem.ofRow(file, 1, "verplichte kolom '" + col + "' ontbreekt in de kopregel"));
            }
        }
        for (String col : table.header()) {
            if (!known.contains(col)) problems.add(Problem.ofRow(file, 1, "onbekende kolom '" + col + "'"));
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Entry defaults = null;
        for (Row row : table.rows()) {
            Cells c = new Cells(row, problems);
            String p = key(c, "partnership");
            String t = key(c, "trajectory");
            String provText = key(c, "province");
            Province prov = null;
            if (provText != null) {
                prov = Province.parse(provText).orElse(null);
                if (prov == null) c.problem("province", "onbekende provincie '" + provText + "'" + be.serv.advies.load.Nearest.hint(provText,
                        java.util.Arrays.stream(Province.values()).map(Province::label).toList()));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String col : COLUMNS) {
                if (col.equals("sector_chooses")) {
                    if (row.get(col) != null) values.put(col, c.optionalYesNo(col, false));
                } else {
                    Integer v = c.optionalCount(col);
                    if (v != null && col.equals("same_text_similarity") && v > 100) {
                        c.problem(col, "is een percentage gelijkenis: hoogstens 100, niet " + v);
                    } else if (v != null) {
                        values.put(col, v);
                    }
                }
            }
            String key = p + "|" + t + "|" + prov;
            Integer first = seen.putIfAbsent(key, row.number());
            if (first != null) c.problem("partnership", "dezelfde combinatie partnerschap/traject/provincie staat ook op rij " + first);
            Entry e = new Entry(row.number(), p, t, prov, values);
            if (e.specificity() == 0) defaults = e;
            if (c.ok()) entries.add(e);
        }
        if (defaults == null) {
            problems.add(Problem.ofFile(file, "de standaardrij '*;*;*' ontbreekt; die geeft elke drempel een waarde"));
        } else {
            for (String col : COLUMNS) {
                if (!col.equals("room_for_schools") && !defaults.values().containsKey(col)) {
                    problems.add(Problem.ofRow(file, defaults.row(), "de standaardrij '*;*;*' moet '" + col + "' invullen"));
                }
            }
        }
        return new Thresholds(file, entries);
    }

    /**
     * These thresholds with some columns fixed for every trajectory and province, above any row of
     * the file: how a rule case states the figures it reasons with. Values are Integer, or Boolean
     * for sector_chooses; room_for_schools may be null (no limit).
     */
    public Thresholds withOverrides(Map<String, Object> values, String source) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(source, "source");
        for (String col : values.keySet()) {
            if (!COLUMNS.contains(col)) throw new IllegalArgumentException("unknown threshold column " + col);
        }
        List<Entry> all = new ArrayList<>(entries);
        all.add(new Entry(0, null, null, null, new LinkedHashMap<>(values), true));
        Thresholds t = new Thresholds(source, all);
        return t;
    }

    private static String key(Cells c, String column) {
        String v = c.row().get(column);
        if (v == null) {
            c.problem(column, "verplichte waarde ontbreekt (gebruik * voor 'alle')");
            return null;
        }
        return v.equals(ANY) ? null : v;
    }

    /** A row of the file that names a partnership or a trajectory (null for '*'). */
    public record Reference(String file, int row, String partnership, String trajectory) {
    }

    /** The partnership and trajectory codes the file names, so they can be checked against a batch. */
    public List<Reference> references() {
        List<Reference> out = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.override() && (e.partnership() != null || e.trajectory() != null)) {
                out.add(new Reference(source, e.row(), e.partnership(), e.trajectory()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Reference::row));
        return out;
    }

    /** Where a row is, as a reader finds it: {@code thresholds.csv:7} or {@code thresholds.xlsx:Drempels!7}. */
    static String place(String source, int row) {
        return source + (source.toLowerCase(java.util.Locale.ROOT).contains(".xlsx:") ? "!" : ":") + row;
    }

    /** The thresholds for one trajectory (of one partnership) in one province. */
    public synchronized Norm resolve(String partnership, String trajectory, Province province) {
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(province, "province");
        return cache.computeIfAbsent(partnership + "|" + trajectory + "|" + province, k -> compute(partnership, trajectory, province));
    }

    private Norm compute(String partnership, String trajectory, Province province) {
        Map<String, Object> values = new HashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String col : COLUMNS) {
            for (Entry e : entries) {
                if (e.matches(partnership, trajectory, province) && e.values().containsKey(col)) {
                    values.put(col, e.values().get(col));
                    sources.put(col, e.override() ? source : place(source, e.row()));
                    break;
                }
            }
        }
        return new Norm(trajectory, province, intOf(values, "max_providers"), intOf(values, "min_students_per_provider"),
                intOf(values, "min_free_workplaces"), (Integer) values.get("room_for_schools"),
                Boolean.TRUE.equals(values.get("sector_chooses")), intOf(values, "min_expected_students"),
                intOf(values, "limited_offer_providers"), intOf(values, "min_partner_companies"),
                intOf(values, "same_text_similarity"), sources);
    }

    private static int intOf(Map<String, Object> values, String col) {
        Object v = values.get(col);
        // The default row is required to fill every column, so a missing value means a broken file
        // that parse() has already refused.
        return v == null ? 0 : (Integer) v;
    }
}
