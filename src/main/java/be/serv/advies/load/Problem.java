package be.serv.advies.load;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong with the input, located as precisely as the input allows:
 * {@code file:row:column: message}, or {@code file:row: message}, or {@code file: message}.
 * Rows count from 1 with the header as row 1 (the row number Excel shows); for JSON the row is the
 * element's position in the array and the column is the field name. A sheet of a workbook is named
 * {@code file.xlsx:Sheet} and its cells the way Excel names them: {@code thresholds.xlsx:Drempels!D7}.
 */
public record Problem(String file, int row, String column, String message) implements Comparable<Problem> {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public static Problem ofFile(String file, String message) {
        return new Problem(file, 0, null, message);
    }

    public static Problem ofRow(String file, int row, String message) {
        return new Problem(file, row, null, message);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (isSheet() && row > 0) {
            s.append('!').append(column != null ? column + row : row + ":" + row);
            return s.append(": ").append(message).toString();
        }
        if (row > 0) s.append(':').append(row);
        if (column != null) s.append(':').append(column);
        return s.append(": ").append(message).toString();
    }

    private boolean isSheet() {
        return file.toLowerCase(Locale.ROOT).contains(".xlsx:");
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(row, o.row);
        if (c != 0) return c;
        return String.valueOf(column).compareTo(String.valueOf(o.column));
    }
}
