package be.serv.advies.rules;

import be.serv.advies.geo.Regions;
import be.serv.advies.load.InputFiles;
import be.serv.advies.model.Batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Files that sit in the rules folder but would not be read, or not as the author meant. */
final class FileNames implements RuleCheck {
    static final String CASES = ".cases.yaml";

    @Override
    public void check(RuleFolder folder, Batch batch, List<Diagnostic> out) {
        Path dir = folder.dir();
        for (String name : folder.files()) {
            int slash = name.lastIndexOf('/');
            String base = name.substring(slash + 1);
            String lower = base.toLowerCase(Locale.ROOT);
            boolean root = slash < 0;
            if (base.endsWith(".drl") || name.endsWith(CASES) || lower.endsWith(".md")) {
                if (name.endsWith(CASES)) {
                    String drl = name.substring(0, name.length() - CASES.length()) + ".drl";
                    if (!folder.files().contains(drl)) {
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
                out.add(Diagnostic.error(name, 0, 0, "wordt genegeerd: gevallen staan in een bestand dat eindigt op " + CASES
                        + " (kleine letters)"));
            } else if (looksLikeRules(dir.resolve(name))) {
                out.add(Diagnostic.error(name, 0, 0, "wordt genegeerd: het bevat regels, maar alleen bestanden die eindigen op .drl worden gelezen"));
            } else if (!lower.endsWith("~") && !lower.endsWith(".swp") && !lower.endsWith(".bak")) {
                out.add(Diagnostic.warning(name, 0, 0, "wordt genegeerd: geen regelbestand (.drl), geval (" + CASES
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
            if (!Files.isRegularFile(file) || Files.size(file) > 1_000_000) return false;
            String s = new String(InputFiles.read(file), StandardCharsets.UTF_8);
            return s.contains("rule ") && s.contains("when") && s.contains("then") && s.contains("end");
        } catch (IOException e) {
            return false;
        }
    }
}
