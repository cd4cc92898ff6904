package be.serv.advies.report;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.load.Problem;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The previous school year for the report's changes, from what the user has: the previous batch
 * folder (evaluated here with the same rules, so both years are judged alike), an earlier
 * report.json, or a summary.json (totals and verdicts only), or a folder holding one of those.
 */
public final class PreviousYear {
    private PreviousYear() {
    }

    /** The rules checked against last year's batch, as each command checks them against its own. */
    @FunctionalInterface
    public interface Door {
        RuleSet against(be.serv.advies.model.Batch batch) throws RuleSetException;
    }

    public static YearFigures load(Path path, Door rules) throws InvalidInputException, RuleSetException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rules, "rules");
        if (Files.isDirectory(path)) {
            if (isBatch(path)) {
                be.serv.advies.model.Batch batch = BatchLoader.load(path);
                return Report.of(DraftRun.of(batch, rules.against(batch)), null).figures();
            }
            for (String name : List.of("report.json", "summary.json")) {
                if (Files.isRegularFile(path.resolve(name))) return fromFile(path.resolve(name));
            }
            throw refused(path, "geen batch (applications.csv/json) en geen report.json of summary.json");
        }
        if (!Files.isRegularFile(path)) throw refused(path, "bestaat niet");
        return fromFile(path);
    }

    private static boolean isBatch(Path dir) {
        return Files.isRegularFile(dir.resolve("applications.csv")) || Files.isRegularFile(dir.resolve("applications.json"));
    }

    private static YearFigures fromFile(Path file) throws InvalidInputException {
        JsonNode root;
        try {
            root = ReportJson.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw refused(file, "geen leesbare JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null) throw refused(file, "leeg bestand");
        return YearFigures.fromJson(root).orElseThrow(() -> refused(file, "geen report.json of summary.json van advies"));
    }

    private static InvalidInputException refused(Path path, String why) {
        return new InvalidInputException(List.of(Problem.ofFile(path.toString(), "--previous: " + why)));
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
