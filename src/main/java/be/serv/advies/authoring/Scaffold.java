package be.serv.advies.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import be.serv.advies.rules.Precedence;

/**
 * The start of a new sector criterion: a rule file with the join every rule on a trajectory needs,
 * its cases file with one case where it fires and one where it does not, and its code in
 * precedence.yaml. Nothing that exists is overwritten.
 */
public final class Scaffold {
    /** The kinds an expert chooses from, in Dutch, with the precedence kind and the verdict a case then wants. */
    public enum Kind {
        BEMERKING("REMARK", "positief met bemerkingen", "Remark"), NEGATIEF("NEGATIVE", "negatief", "Objection"),
        SIGNAAL("SIGNAL", "positief", "Signal");

        final String precedence;
        final String verdict;
        final String suffix;

        Kind(String precedence, String verdict, String suffix) {
            this.precedence = precedence;
            this.verdict = verdict;
            this.suffix = suffix;
        }
    }

    /** Why a scaffold was not written, in Dutch. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern SECTOR = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Scaffold() {
    }

    /** Writes the scaffold and answers the files it wrote or changed, relative to the rules folder. */
    public static List<String> write(Path rules, String name, String sector, Kind kind) throws Refused, IOException {
        if (!NAME.matcher(name).matches()) {
            throw new Refused("naam '" + name + "': kleine letters, cijfers en '-', bv. bouw-dakwerken");
        }
        if (!SECTOR.matcher(sector).matches()) {
            throw new Refused("sector '" + sector + "': de code van het partnerschap in hoofdletters, bv. BOUW");
        }
        String drl = "sectors/" + name + ".drl";
        String cases = "sectors/" + name + CaseFile.SUFFIX;
        for (String f : List.of(drl, cases)) {
            if (Files.exists(rules.resolve(f))) throw new Refused(f + " bestaat al; kies een andere naam (er is niets geschreven)");
        }
        Path precedence = rules.resolve(Precedence.FILE);
        String yaml = Files.readString(precedence, StandardCharsets.UTF_8);
        String code = name.toUpperCase(Locale.ROOT).replace('-', '_');
        if (Pattern.compile("(?m)^\\s+" + code + "\\s*:").matcher(yaml).find()) {
            throw new Refused("de code " + code + " staat al in precedence.yaml; kies een andere naam (er is niets geschreven)");
        }
        // The code goes at the end of 'codes:', which must then be the file's last section.
        String lastSection = Pattern.compile("(?m)^[A-Za-z_]+\\s*:").matcher(yaml).results().reduce((a, b) -> b).map(m -> m.group()).orElse("");
        if (!lastSection.startsWith("codes")) {
            throw new Refused("precedence.yaml eindigt niet met 'codes:'; voeg " + code + " daar zelf toe (er is niets geschreven)");
        }
        String rule = camel(name) + kind.suffix;
        // A code no sector has: a case of a real other sector breaks as soon as that sector gets a remark of its own.
        String other = "ANDERE_SECTOR";
        Files.createDirectories(rules.resolve("sectors"));
        Files.writeString(rules.resolve(drl), """
                // Sector %1$s: %2$s. Schrijf hier wat de sector vraagt, met de bron (bv. Tabel 1 van het advies).
                // Een drempel hoort in thresholds.csv en wordt gelezen als $n.whole("naam") of $n.decimal("naam").
                package advies.sectors

                import be.serv.advies.model.*;

                rule "%3$s"
                when
                    $a : Application()
                    // De koppeling aan het traject van de aanvraag in haar provincie: zonder key == ... zou de regel
                    // elke aanvraag met elk traject van de batch combineren.
                    TrajectoryInProvince(key == $a.trajectoryInProvince, $t : trajectory, $n : norm,
                                         $t.partnership == "%1$s")
                then
                    insert(Finding.applies($a, "%4$s",
                        "%5$s: vul hier de motivering aan"));
                end
                """.formatted(sector, name, rule, code, label(name)), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        Files.writeString(rules.resolve(cases), """
                # Gevallen voor %1$s.drl: elk geval is een aanvraag A1 en wat het advies moet zijn.
                cases:
                  - note: Een aanvraag van de sector %2$s krijgt de bevinding
                    trajectory: {partnership: %2$s}
                    want: {verdict: %3$s, found: [%4$s]}

                  - note: Alleen voor de sector %2$s
                    trajectory: {partnership: %5$s}
                    want: {not_found: [%4$s], verdict: positief}
                """.formatted(name, sector, kind.verdict, code, other), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        Files.writeString(precedence, (yaml.endsWith("\n") ? "" : "\n") + """
                  %s:
                    kind: %s
                    label: "%s"
                """.formatted(code, kind.precedence, label(name)), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return List.of(drl, cases, Precedence.FILE);
    }

    private static String camel(String name) {
        StringBuilder s = new StringBuilder();
        for (String part : name.split("-")) s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return s.toString();
    }

    private static String label(String name) {
        String words = name.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
