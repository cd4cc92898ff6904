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
import java.util.Set;

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
    public static final List<String> COLUMNS = Norm.COLUMNS;

    /**
     * What a thresholds column holds. A shipped column has a fixed kind; a column the sector adds
     * takes the kind of the values its rows hold, so an expert declares it by writing it down.
     */
    public enum Kind {
        WHOLE("een geheel getal", "whole"), DECIMAL("een decimaal getal", "decimal"), YES_NO("ja of nee", "yesNo"),
        TEXT("een tekst", "text");

        private final String label;
        private final String method;

        Kind(String label, String method) {
            this.label = label;
            this.method = method;
        }

        /** In Dutch, as a message names it. */
        public String label() {
            return label;
        }

        /** The method of a norm that reads a column of this kind by name. */
        public String method() {
            return method;
        }

        /** Whether {@code method} may read a column of this kind: a whole number is also a decimal one. */
        public boolean readBy(String method) {
            return this.method.equals(method) || (this == WHOLE && method.equals(DECIMAL.method));
        }
    }

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?[0-9]{1,9}");
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?[0-9]{1,9}[.,][0-9]{1,9}");
    private static final Set<String> YES_NO = Set.of("ja", "nee");
    private static final java.util.regex.Pattern COLUMN_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

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
    /** Every column by name, the shipped ones first, with what it holds. */
    private final Map<String, Kind> columns;
    private final Map<String, Norm> cache = new HashMap<>();

    private Thresholds(String source, List<Entry> entries) {
        this(source, entries, shippedColumns());
    }

    private Thresholds(String source, List<Entry> entries, Map<String, Kind> columns) {
        this.source = source;
        this.columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.entries = entries.stream()
                .sorted((a, b) -> Integer.compare(b.specificity(), a.specificity()))
                .toList();
    }

    /** The thresholds of these rows (any order: the most specific is taken first), read back as the cache keeps them. */
    static Thresholds of(String source, List<Entry> entries, Map<String, Kind> columns) {
        return new Thresholds(Objects.requireNonNull(source, "source"), Objects.requireNonNull(entries, "entries"),
                Objects.requireNonNull(columns, "columns"));
    }

    private static Map<String, Kind> shippedColumns() {
        Map<String, Kind> out = new LinkedHashMap<>();
        for (String col : COLUMNS) out.put(col, col.equals("sector_chooses") ? Kind.YES_NO : Kind.WHOLE);
        return out;
    }

    /** Every column a rule may read by name, with its kind: the shipped ones and those the file adds. */
    public Map<String, Kind> columns() {
        return columns;
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
        List<String> added = new ArrayList<>();
        for (String col : table.header()) {
            if (known.contains(col)) continue;
            if (!COLUMN_NAME.matcher(col).matches()) {
                problems.add(Problem.ofRow(file, 1, "kolomnaam '" + col + "': een drempel heet in kleine letters, cijfers en '_' "
                        + "(bv. min_leerlingen_negatief), en begint met een letter"));
            } else {
                added.add(col);
            }
        }
        Map<String, Kind> columns = shippedColumns();
        for (String col : added) columns.put(col, kindOf(table, col));
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
                if (prov == null) c.problem("province", "onbekende provincie '" + provText + "'" + be.serv.advies.text.Nearest.hint(provText,
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
            for (String col : added) {
                String v = row.get(col);
                if (v != null) values.put(col, value(columns.get(col), v));
            }
            // The province as written when it is unknown: 'Limburgg' is no duplicate of the '*' row.
            String key = p + "|" + t + "|" + (prov != null || provText == null ? prov : "?" + provText);
            Integer first = seen.putIfAbsent(key, row.number());
            if (first != null) c.problem("partnership", "dezelfde combinatie partnerschap/traject/provincie staat ook op rij " + first);
            Entry e = new Entry(row.number(), p, t, prov, values);
            if (e.specificity() == 0) defaults = e;
            if (c.ok()) entries.add(e);
        }
        if (defaults == null) {
            problems.add(Problem.ofFile(file, "de standaardrij '*;*;*' ontbreekt; die geeft elke drempel een waarde"));
        } else {
            for (String col : columns.keySet()) {
                if (!col.equals("room_for_schools") && !defaults.values().containsKey(col)) {
                    problems.add(Problem.ofRow(file, defaults.row(), "de standaardrij '*;*;*' moet '" + col + "' invullen"
                            + (added.contains(col) ? "; die waarde geldt voor elk traject zonder eigen rij" : "")));
                }
            }
        }
        return new Thresholds(file, entries, columns);
    }

    /**
     * These thresholds with some columns fixed for every trajectory and province, above any row of
     * the file: how a rule case states the figures it reasons with. Values are Integer, or Boolean
     * for sector_chooses; room_for_schools may be null (no limit).
     */
    public Thresholds withOverrides(Map<String, Object> values, String source) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(source, "source");
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Kind kind = columns.get(e.getKey());
            if (kind == null) throw new IllegalArgumentException("unknown threshold column " + e.getKey());
            // An added column's value comes as the case wrote it; the case file was checked with overrideProblem.
            typed.put(e.getKey(), e.getValue() instanceof String text && COLUMNS.stream().noneMatch(e.getKey()::equals)
                    ? value(kind, text) : e.getValue());
        }
        List<Entry> all = new ArrayList<>(entries);
        all.add(new Entry(0, null, null, null, typed, true));
        return new Thresholds(source, all, columns);
    }

    /**
     * What is wrong with a case's value for a column these thresholds do not ship, or null when it
     * fits: the column must be declared in the file, and the value of its kind.
     */
    public String overrideProblem(String column, String value) {
        Kind kind = columns.get(column);
        if (kind == null) {
            return "onbekende drempel '" + column + "': " + source + " heeft geen kolom met die naam"
                    + be.serv.advies.text.Nearest.hint(column, columns.keySet());
        }
        if (value == null || !fits(kind, value)) return "'" + value + "' is geen " + kind.label().replaceFirst("^een ", "") + " (kolom " + column + ")";
        return null;
    }

    /**
     * The kind of an added column: the narrowest that holds every value of it. A whole number and a
     * decimal one (with a comma or a point) make a decimal column.
     */
    private static Kind kindOf(Table table, String column) {
        boolean whole = true;
        boolean decimal = true;
        boolean yesNo = true;
        for (Row row : table.rows()) {
            String v = row.get(column);
            if (v == null) continue;
            whole &= WHOLE.matcher(v).matches();
            decimal &= WHOLE.matcher(v).matches() || DECIMAL.matcher(v).matches();
            yesNo &= YES_NO.contains(v.toLowerCase(java.util.Locale.ROOT));
        }
        return whole ? Kind.WHOLE : decimal ? Kind.DECIMAL : yesNo ? Kind.YES_NO : Kind.TEXT;
    }

    /** A value of an added column as a rule reads it: Integer, Double, Boolean or String. */
    static Object value(Kind kind, String v) {
        return switch (kind) {
            case WHOLE -> Integer.valueOf(v);
            case DECIMAL -> Double.valueOf(v.replace(',', '.'));
            case YES_NO -> v.equalsIgnoreCase("ja");
            case TEXT -> v;
        };
    }

    /** Whether {@code v} can be a value of a column of this kind. */
    static boolean fits(Kind kind, String v) {
        return switch (kind) {
            case WHOLE -> WHOLE.matcher(v).matches();
            case DECIMAL -> WHOLE.matcher(v).matches() || DECIMAL.matcher(v).matches();
            case YES_NO -> YES_NO.contains(v.toLowerCase(java.util.Locale.ROOT));
            case TEXT -> true;
        };
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
        for (String col : columns.keySet()) {
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
                intOf(values, "same_text_similarity"), sources, named(values));
    }

    /** The values of the columns the file adds, in the file's order, for rules that read them by name. */
    private Map<String, Object> named(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String col : columns.keySet()) if (values.containsKey(col)) out.put(col, values.get(col));
        return out;
    }

    private static int intOf(Map<String, Object> values, String col) {
        Object v = values.get(col);
        // The default row is required to fill every column, so a missing value means a broken file
        // that parse() has already refused.
        return v == null ? 0 : (Integer) v;
    }
}
