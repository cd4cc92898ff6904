package be.serv.advies.authoring;

import be.serv.advies.cli.Shell;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A sector adds a threshold column and a rule reads it by its name, with no Java: every command
 * works on it, from the CSV and from the workbook, and a rule that reads a name no column declares
 * is refused.
 */
class ThresholdsByNameTest {
    private static final String COLUMN = "min_gemiddelde_instroom";

    /**
     * The shipped rules with a decimal column added (3 by default, 4,5 for the Elektriciens, row 3)
     * and the Elektriciens remark reading it instead of min_students_per_provider.
     */
    private static Path withDecimalColumn(String read) throws Exception {
        Path dir = RulesCopy.shipped();
        Path csv = dir.resolve("thresholds.csv");
        List<String> lines = Files.readAllLines(csv);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int note = line.lastIndexOf(';');
            String value = i == 0 ? COLUMN : line.startsWith("*;*;*;") ? "3" : line.startsWith("ELEK;") ? "4,5" : "";
            out.add(line.substring(0, note) + ";" + value + line.substring(note));
        }
        Files.write(csv, out);
        RulesCopy.edit(dir, "sectors/elektriciens.drl", s -> s
                .replace("$c.students < $c.providers * $n.minStudentsPerProvider", "$c.studentsPerProvider < $n." + read + "(\"" + COLUMN + "\")")
                .replace("minimum %d)\",", "minimum %.1f)\",")
                .replace("$n.getMinStudentsPerProvider()));", "$n.decimal(\"" + COLUMN + "\")));"));
        RulesCopy.edit(dir, "sectors/elektriciens.cases.yaml", s -> s
                .replace("thresholds: {min_students_per_provider: 5,", "thresholds: {" + COLUMN + ": \"4,5\","));
        return dir;
    }

    private static void everyCommandReadsIt(Path dir, String row) {
        // validate: the rule, the column and the cases agree
        Shell.assertThat(Shell.shell("validate", "--rules", dir.toString(), "--batch", "fixtures/2022-2023")).succeeded();
        // test: the cases that set the new threshold pass (3 leerlingen per aanbieder < 4,5, 5 is enough)
        Shell.assertThat(Shell.shell("test", "--rules", dir.toString())).succeeded().outContains("0 mislukt");
        // explain: the figure with the row that set it
        Shell.assertThat(Shell.shell("explain", "fixtures/2022-2023", "2223-0029", "--rules", dir.toString()))
                .succeeded().outContains(COLUMN + " 4,5 (" + row + ")");
        // diff: the motivation now cites the decimal threshold
        Shell.assertThat(Shell.shell("diff", "fixtures/2022-2023", "--rules", "rules", "--against", dir.toString()))
                .succeeded().outContains("(4,2 per aanbieder, minimum 4,5)");
    }

    @Test
    void aDecimalColumnOfTheCsvIsReadByName() throws Exception {
        // Given a decimal threshold with a Dutch decimal mark in thresholds.csv and a rule reading it
        Path dir = withDecimalColumn("decimal");
        // When and Then every command reads it, and explain names the CSV row
        everyCommandReadsIt(dir, "thresholds.csv:3");
    }

    @Test
    void aDecimalColumnOfTheWorkbookIsReadByName() throws Exception {
        // Given the same table kept as thresholds.xlsx, the decimal as Excel stores it (a number)
        Path dir = withDecimalColumn("decimal");
        RulesCopy.csvToXlsx(dir.resolve("thresholds.csv"), dir.resolve("thresholds.xlsx"), "Drempels", rows -> rows);
        Files.delete(dir.resolve("thresholds.csv"));
        // When and Then every command reads it, and explain names the sheet row
        everyCommandReadsIt(dir, "thresholds.xlsx:Drempels!3");
    }

    @Test
    void aNameNoColumnDeclaresIsRefused() throws Exception {
        // Given the rule reading a name with a typo
        Path dir = withDecimalColumn("decimal");
        RulesCopy.edit(dir, "sectors/elektriciens.drl", s -> s.replace("< $n.decimal(\"" + COLUMN + "\")", "< $n.decimal(\"min_gemidelde_instroom\")"));
        // When the folder is checked
        var result = Shell.shell("validate", "--rules", dir.toString());
        // Then it is refused at the name, with the declared column suggested
        Shell.assertThat(result).exitedWith(1).outContains("sectors/elektriciens.drl:13:")
                .outContains("onbekende drempel 'min_gemidelde_instroom': thresholds.csv heeft geen kolom met die naam")
                .outContains("bedoelt u '" + COLUMN + "'?");
        // and no other command runs on it
        Shell.assertThat(Shell.shell("evaluate", "fixtures/2022-2023", "--out", Files.createTempDirectory("advies-out").toString(),
                "--rules", dir.toString())).exitedWith(1);
    }

    @Test
    void aDecimalColumnReadAsAWholeNumberIsRefused() throws Exception {
        // Given the rule reading the decimal column as a whole number
        Path dir = withDecimalColumn("whole");
        // When the folder is checked
        var result = Shell.shell("validate", "--rules", dir.toString());
        // Then it says how to read it
        Shell.assertThat(result).exitedWith(1)
                .outContains("de drempel '" + COLUMN + "' bevat een decimaal getal; lees hem met decimal(\"" + COLUMN + "\")");
    }

    @Test
    void aCaseSettingAnUndeclaredThresholdIsRefused() throws Exception {
        // Given a case that sets a threshold no column declares
        Path dir = withDecimalColumn("decimal");
        RulesCopy.edit(dir, "sectors/elektriciens.cases.yaml", s -> s.replaceFirst(COLUMN + ":", "min_gemiddelde_instrom:"));
        // When the cases run
        var result = Shell.shell("test", "--rules", dir.toString());
        // Then the case is named with the unknown threshold
        Shell.assertThat(result).exitedWith(1).outContains("thresholds.min_gemiddelde_instrom: onbekende drempel");
        assertFalse(result.out().contains("geslaagd, 0 mislukt"));
    }
}
