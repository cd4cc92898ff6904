package be.serv.advies.authoring;

import be.serv.advies.geo.Regions;
import be.serv.advies.load.Problem;
import be.serv.advies.rules.Precedence;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import be.serv.advies.rules.Thresholds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code advies validate}: everything wrong with a rules folder, each located in the file a person
 * wrote. The compiler's own problems (from {@link RuleSet#load}) are joined by the checks it lets
 * through: files that would be ignored, fields the fact model lacks, number-versus-text comparisons,
 * findings without code or text, codes that precedence.yaml does not know, and broken case files.
 */
public final class Validator {
    /** The result: every diagnostic sorted by file and line, and the rules when they compiled. */
    public record Report(List<Diagnostic> diagnostics, RuleSet rules) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }

        public long errors() {
            return diagnostics.stream().filter(Diagnostic::isError).count();
        }

        public long warnings() {
            return diagnostics.size() - errors();
        }
    }

    private static final java.util.regex.Pattern RULE_NAME = java.util.regex.Pattern.compile("regel '([^']+)'");

    private Validator() {
    }

    public static Report validate(Path dir) {
        Objects.requireNonNull(dir, "dir");
        List<Diagnostic> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            out.add(Diagnostic.error(dir.toString(), 0, 0, "regelmap bestaat niet"));
            return new Report(out, null);
        }
        List<Path> files = files(dir, out);
        files(dir, files, out);

        Precedence precedence = null;
        Path prec = dir.resolve(Precedence.FILE);
        if (Files.exists(prec)) {
            try {
                precedence = Precedence.parse(Precedence.FILE, Files.readAllBytes(prec), new ArrayList<>());
            } catch (IOException e) {
                // RuleSet.load reports it
            }
        }
        for (Path rel : files) {
            String name = slash(rel);
            if (!name.endsWith(".drl")) continue;
            try {
                DrlCheck.check(name, Files.readString(dir.resolve(rel), StandardCharsets.UTF_8), precedence, out);
            } catch (IOException e) {
                out.add(Diagnostic.error(name, 0, 0, "kan niet gelezen worden: " + e.getMessage()));
            }
        }
        RuleSet rules = null;
        try {
            rules = RuleSet.load(dir);
        } catch (RuleSetException e) {
            Set<String> located = new HashSet<>();
            Set<String> rulesWithError = new HashSet<>();
            for (Diagnostic d : out) {
                if (!d.isError()) continue;
                located.add(d.problem().file() + ":" + d.problem().row());
                java.util.regex.Matcher m = RULE_NAME.matcher(d.problem().message());
                if (m.find()) rulesWithError.add(d.problem().file() + ":" + m.group(1));
            }
            for (Problem p : e.problems()) {
                // The same mistake found by both: keep the plainer message of our own check.
                if (p.row() > 0 && located.contains(p.file() + ":" + p.row())) continue;
                java.util.regex.Matcher m = RULE_NAME.matcher(p.message());
                if (m.find() && rulesWithError.contains(p.file() + ":" + m.group(1))) continue;
                out.add(new Diagnostic(Diagnostic.Severity.ERROR, p));
            }
        }
        for (Path rel : files) {
            if (slash(rel).endsWith(CaseFile.SUFFIX)) {
                CaseFile.Parsed parsed = CaseFile.read(dir, rel);
                for (Problem p : parsed.problems()) out.add(new Diagnostic(Diagnostic.Severity.ERROR, p));
            }
        }
        out.sort(Comparator.naturalOrder());
        return new Report(List.copyOf(out), rules);
    }

    private static List<Path> files(Path dir, List<Diagnostic> out) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .filter(p -> {
                        for (Path part : p) if (part.toString().startsWith(".")) return false;
                        return true;
                    })
                    .sorted(Comparator.comparing(Validator::slash))
                    .toList();
        } catch (IOException e) {
            out.add(Diagnostic.error(dir.toString(), 0, 0, "kan niet gelezen worden: " + e.getMessage()));
            return List.of();
        }
    }

    /** Files that sit in the rules folder but would not be read, or not as the author meant. */
    private static void files(Path dir, List<Path> files, List<Diagnostic> out) {
        for (Path rel : files) {
            String name = slash(rel);
            String base = rel.getFileName().toString();
            String lower = base.toLowerCase(Locale.ROOT);
            boolean root = rel.getNameCount() == 1;
            if (base.endsWith(".drl") || name.endsWith(CaseFile.SUFFIX) || lower.endsWith(".md")) {
                if (name.endsWith(CaseFile.SUFFIX)) {
                    String drl = name.substring(0, name.length() - CaseFile.SUFFIX.length()) + ".drl";
                    if (!Files.exists(dir.resolve(drl))) {
                        out.add(Diagnostic.warning(name, 0, 0, "hoort bij geen regelbestand: " + drl + " bestaat niet"));
                    }
                }
                continue;
            }
            if (root && (base.equals(Precedence.FILE) || base.equals(Thresholds.FILE) || base.equals(Thresholds.WORKBOOK)
                    || base.equals(Regions.FILE) || base.equals(Regions.WORKBOOK))) continue;
            if (lower.equals(Thresholds.FILE) || lower.equals(Thresholds.WORKBOOK) || lower.equals(Precedence.FILE)
                    || lower.equals(Regions.FILE) || lower.equals(Regions.WORKBOOK)) {
                out.add(Diagnostic.error(name, 0, 0, "wordt genegeerd: " + (root ? "schrijf de naam in kleine letters: " + lower
                        : "dit bestand hoort rechtstreeks in de regelmap, niet in een submap")));
            } else if (lower.endsWith(".drl") || lower.contains(".drl.")) {
                out.add(Diagnostic.error(name, 0, 0, "wordt genegeerd: alleen bestanden die eindigen op .drl (kleine letters) zijn regels; "
                        + "hernoem het naar " + renamed(name)));
            } else if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv") || lower.endsWith(".ods")) {
                out.add(Diagnostic.error(name, 0, 0, "wordt genegeerd: de regels lezen geen beslissingstabellen; drempels horen in "
                        + Thresholds.FILE + " of " + Thresholds.WORKBOOK + " rechtstreeks in de regelmap"));
            } else if (lower.endsWith(".cases.yml") || lower.endsWith(".cases.json") || lower.endsWith(".cases.yaml")) {
                out.add(Diagnostic.error(name, 0, 0, "wordt genegeerd: gevallen staan in een bestand dat eindigt op " + CaseFile.SUFFIX
                        + " (kleine letters)"));
            } else if (looksLikeRules(dir.resolve(rel))) {
                out.add(Diagnostic.error(name, 0, 0, "wordt genegeerd: het bevat regels, maar alleen bestanden die eindigen op .drl worden gelezen"));
            } else if (!lower.endsWith("~") && !lower.endsWith(".swp") && !lower.endsWith(".bak")) {
                out.add(Diagnostic.warning(name, 0, 0, "wordt genegeerd: geen regelbestand (.drl), geval (" + CaseFile.SUFFIX
                        + "), precedence.yaml of drempels"));
            }
        }
    }

    private static String renamed(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf(".drl");
        return name.substring(0, at) + ".drl";
    }

    private static boolean looksLikeRules(Path file) {
        try {
            if (Files.size(file) > 1_000_000) return false;
            String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return s.contains("rule ") && s.contains("when") && s.contains("then") && s.contains("end");
        } catch (IOException e) {
            return false;
        }
    }

    static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
