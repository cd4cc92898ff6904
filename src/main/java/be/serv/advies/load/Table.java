package be.serv.advies.load;

import java.util.List;

/**
 * A table read from one file: its header and its records, and how many records were left out for
 * their shape (a line with too many cells or another separator), already reported.
 */
public record Table(String file, List<String> header, List<Row> rows, int skipped) {
    public Table(String file, List<String> header, List<Row> rows) {
        this(file, header, rows, 0);
    }
}
