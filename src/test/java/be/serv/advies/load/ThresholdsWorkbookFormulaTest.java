package be.serv.advies.load;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;

/**
 * The rules' thresholds.xlsx is read by the same workbook reader as a batch: a formula whose stored
 * value is empty ({@code <v></v>}, as a program that does not calculate writes it) is refused at its
 * cell with the advice to open and save the file in Excel, not read as 0.
 */
class ThresholdsWorkbookFormulaTest {
    @TempDir
    Path tmp;

    @Test
    void aThresholdFormulaWithAnEmptyStoredValueIsRefusedAtItsCell() throws Exception {
        // Given the shipped rules with thresholds.xlsx, min_students_per_provider of the ELEK row (sheet row 3)
        // the formula =3+5 with <v></v>
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Path xlsx = Workbooks.fromCsv(rules.resolve("thresholds.csv"), "Drempels", (wb, cell, row, column, value) -> {
            if (row != 1 || !column.equals("min_students_per_provider")) return false;
            cell.setCellFormula("3+5");
            return true;
        });
        Workbooks.editSheetXml(xlsx, xml -> xml.replace("<f>3+5</f>", "<f>3+5</f><v></v>"));
        // When the rules are validated / Then refused (a rule problem, exit 1) at the cell, in Dutch, as its only problem
        assertThat(shell("validate", "--rules", rules.toString())).exitedWith(ExitCodes.RULES)
                .outContains("thresholds.xlsx:Drempels!E3: de formule =3+5 heeft geen berekende waarde in het bestand; "
                        + "open en bewaar het bestand in Excel")
                .errHasNo("Exception").outContains("1 fout(en)");
    }
}
