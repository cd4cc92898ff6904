package be.serv.advies.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * CSV as Excel in Flanders opens it by double-click: UTF-8 with BOM, semicolons, CRLF. Built in
 * memory ({@link #Csv()}, then {@link #bytes()}) or written straight to a stream ({@link #Csv(Writer)}),
 * so a large annex is never held whole.
 */
public final class Csv {
    private final Appendable out;

    public Csv() {
        this.out = new StringBuilder();
        append("\uFEFF");
    }

    /** Writes to {@code writer}, which must encode UTF-8; the caller closes it. */
    public Csv(Writer writer) {
        this.out = Objects.requireNonNull(writer, "writer");
        append("\uFEFF");
    }

    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) append(";");
            append(quote(SafeCells.neutralise(cells.get(i))));
        }
        append("\r\n");
        return this;
    }

    private void append(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            // Callers that stream hand in a Writer to a staging file; AtomicOutput unwraps this.
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String s) {
        if (s.indexOf(';') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The whole file, for a Csv built in memory. */
    public byte[] bytes() {
        if (!(out instanceof StringBuilder sb)) throw new IllegalStateException("this Csv streams to a writer");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
