package be.serv.advies.load;

import java.util.List;

/** A table read from one CSV or JSON file: its header and its records. */
public record Table(String file, List<String> header, List<Row> rows) {
}
