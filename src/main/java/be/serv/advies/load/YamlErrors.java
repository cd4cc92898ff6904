package be.serv.advies.load;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Locale;

/** A YAML parser's complaint (in English, for programmers) as a Dutch problem at its line and column. */
public final class YamlErrors {
    private YamlErrors() {
    }

    public static Problem problem(String file, Exception e) {
        int line = 0;
        int column = 0;
        if (e instanceof JsonProcessingException jp && jp.getLocation() != null) {
            line = Math.max(0, jp.getLocation().getLineNr());
            column = Math.max(0, jp.getLocation().getColumnNr());
        }
        // The YAML scanner's own mark is the character it stopped at; Jackson's location may be a token later.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                column = m.getProblemMark().getColumn() + 1;
                break;
            }
        }
        String english = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String why;
        if (english.contains("'\\t'") || english.contains("tab")) {
            why = "een tab; spring in met spaties";
        } else if (english.contains("mapping values are not allowed")) {
            why = "een dubbelpunt op een plaats waar het niet kan; zet een tekst met ':' tussen aanhalingstekens";
        } else if (english.contains("could not find expected ':'")) {
            why = "een dubbelpunt ontbreekt na een naam";
        } else if (english.contains("quoted scalar") || english.contains("end of stream")) {
            why = "een aanhalingsteken wordt niet gesloten";
        } else if (english.contains("duplicate field")) {
            why = "dezelfde naam staat twee keer";
        } else {
            why = "kijk de inspringing (spaties, geen tabs), de dubbelpunten en de aanhalingstekens na";
        }
        String where = column > 0 ? " (kolom " + column + ")" : "";
        return line > 0 ? Problem.ofRow(file, line, "geen geldige YAML" + where + ": " + why)
                : Problem.ofFile(file, "geen geldige YAML: " + why);
    }
}
