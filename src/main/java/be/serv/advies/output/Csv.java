package be.serv.advies.output;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV as Excel in Flanders opens it by double-click: UTF-8 with BOM, semicolons, CRLF. */
public final class Csv {
    private final StringBuilder out = new StringBuilder("\uFEFF");

    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(';');
            out.append(quote(SafeCells.neutralise(cells.get(i))));
        }
        out.append("\r\n");
        return this;
    }

    static String quote(String s) {
        if (s.indexOf(';') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
