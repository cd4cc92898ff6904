package be.serv.advies.authoring;

import be.serv.advies.cli.Shell;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The slips a sector expert makes most, each with the message validate gives at its line and
 * column, kept in one golden file (golden/validate/slips.txt) so a change of wording is a reviewed diff.
 */
class SlipMessagesGoldenTest {
    private static final String ELEK = "sectors/elektriciens.drl";

    @Test
    void eachSlipIsNamedAtItsPlaceWithAHint() {
        Map<String, Consumer<Path>> slips = new LinkedHashMap<>();
        slips.put("'=' voor '=='", dir -> RulesCopy.edit(dir, ELEK, s -> s.replace("$t.partnership == \"ELEK\"", "$t.partnership = \"ELEK\"")));
        slips.put("een code zonder aanhalingstekens", dir -> RulesCopy.edit(dir, ELEK, s -> s.replace("$t.partnership == \"ELEK\"", "$t.partnership == ELEK")));
        slips.put("een decimale komma", dir -> RulesCopy.edit(dir, ELEK, s -> s.replace("$c.providers > 0,", "$c.providers > 0, $c.studentsPerProvider < 1,5,")));
        slips.put("zonder package en import", dir -> RulesCopy.edit(dir, ELEK, s -> s.replaceAll("(?m)^(package|import) .*$", "")));
        slips.put("een tikfout in een veld van het then-deel", dir -> RulesCopy.edit(dir, ELEK, s -> s.replace("$c.getProviders(), $a.getProvince()", "$c.getProvider(), $a.getProvince()")));
        slips.put("het bestand eindigt te vroeg", dir -> RulesCopy.edit(dir, ELEK, s -> s.substring(0, s.lastIndexOf("end"))));
        slips.put("een tab in precedence.yaml", dir -> RulesCopy.edit(dir, "precedence.yaml", s -> s.replaceFirst("\n    kind: NO_ADVICE", "\n\tkind: NO_ADVICE")));
        slips.put("een dubbelpunt in een tekst van precedence.yaml", dir -> RulesCopy.edit(dir, "precedence.yaml",
                s -> s.replaceFirst("label: \"sector zonder sectoraal partnerschap\"", "label: sector: zonder partnerschap")));
        slips.put("een BOM zoals Kladblok het bewaart (aanvaard)", dir -> {
            try {
                Path p = dir.resolve(ELEK);
                byte[] b = Files.readAllBytes(p);
                byte[] out = new byte[b.length + 3];
                out[0] = (byte) 0xEF;
                out[1] = (byte) 0xBB;
                out[2] = (byte) 0xBF;
                System.arraycopy(b, 0, out, 3, b.length);
                Files.write(p, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        StringBuilder all = new StringBuilder();
        slips.forEach((name, slip) -> {
            // Given a copy of the shipped rules with one slip
            Path dir = RulesCopy.shipped();
            slip.accept(dir);
            // When it is validated; then the messages are those of the golden file, with the exit code
            all.append(validated(name, dir));
        });
        ValidateGoldenTest.compare("slips", all.toString());
    }

    /** One slip's section of a golden file: its name, validate's exit code and messages. */
    static String validated(String name, Path dir) {
        var result = Shell.shell("validate", "--rules", dir.toString());
        return "## " + name + " (exit " + result.exitCode() + ")\n"
                + result.out().replace(dir.toString(), "RULES").lines().filter(l -> !l.startsWith("Zonder --batch"))
                .reduce("", (a, b) -> a + b + "\n")
                + "\n";
    }
}
