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
    /** How an error of this check begins: the file is not read, and yet every command stops on it. */
    static final String BLOCKS = "blokkeert elk commando: ";
    private static final java.util.Set<String> SYSTEM_FILES = java.util.Set.of("thumbs.db", "desktop.ini", ".ds_store");

    /**
     * Files that sit beside the rules while someone works on them and are never meant as rules: the
     * lock files Excel ({@code ~$thresholds.xlsx}) and LibreOffice ({@code .~lock.thresholds.xlsx#})
     * keep while a workbook is open, editor backups, and the files Windows and macOS leave in a
     * folder. They are left out of the folder before anything reads it, so the results are those of
     * the folder without them.
     */
    static boolean notRules(String base) {
        String lower = base.toLowerCase(Locale.ROOT);
        return lower.startsWith("~$") || (lower.startsWith(".~lock.") && lower.endsWith("#")) || lower.endsWith(".bak")
                || lower.endsWith("~") || lower.endsWith(".orig") || lower.endsWith(".swp") || SYSTEM_FILES.contains(lower);
    }

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
                out.add(Diagnostic.error(name, 0, 0, BLOCKS + (root ? "schrijf de naam in kleine letters: " + lower
                        : "dit bestand hoort rechtstreeks in de regelmap, niet in een submap")));
            } else if (lower.endsWith(".drl") || lower.contains(".drl.")) {
                String target = renamed(name);
                // Never advise a rename onto a file that is there: it would overwrite the real rules.
                out.add(Diagnostic.error(name, 0, 0, BLOCKS + "alleen bestanden die eindigen op .drl (kleine letters) worden als regels "
                        + "gelezen; " + (folder.files().contains(target) ? target + " bestaat al: verwijder dit bestand of zet het buiten de regelmap"
                        : "hernoem het naar " + target)));
            } else if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv") || lower.endsWith(".ods")) {
                out.add(Diagnostic.error(name, 0, 0, BLOCKS + "de regels lezen geen beslissingstabellen; drempels horen in "
                        + Thresholds.FILE + " of " + Thresholds.WORKBOOK + " rechtstreeks in de regelmap"));
            } else if (lower.endsWith(".cases.yml") || lower.endsWith(".cases.json") || lower.endsWith(".cases.yaml")) {
                out.add(Diagnostic.error(name, 0, 0, BLOCKS + "gevallen staan in een bestand dat eindigt op " + CASES
                        + " (kleine letters)"));
            } else if (looksLikeRules(dir.resolve(name))) {
                out.add(Diagnostic.error(name, 0, 0, BLOCKS + "het bevat regels, maar alleen bestanden die eindigen op .drl worden gelezen"));
            } else {
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
