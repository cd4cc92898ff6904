package be.serv.advies.load;

import java.util.Map;

/**
 * One record of a table with where it came from. {@code columns} maps a header name to how a
 * problem should name that cell's column (its 1-based number in CSV, its field name in JSON).
 */
public record Row(String file, int number, Map<String, String> values, Map<String, String> columns) {

    /** The trimmed value, or null when the cell is empty or absent. */
    public String get(String column) {
        String v = values.get(column);
        if (v == null) return null;
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    public String raw(String column) {
        return values.get(column);
    }

    public String columnRef(String column) {
        return columns.getOrDefault(column, column);
    }
}
