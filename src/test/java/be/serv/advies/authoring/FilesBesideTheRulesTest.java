package be.serv.advies.authoring;

import be.serv.advies.cli.Shell;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Files that sit in the rules folder while an expert works (Excel's and LibreOffice's lock files,
 * editor backups, the files Windows and macOS leave) change nothing; a file meant as rules but
 * misnamed stops every command and says so, without advice that overwrites a file.
 */
class FilesBesideTheRulesTest {
    private static String annex(Path rules) throws Exception {
        Path out = Files.createTempDirectory("advies-out");
        Shell.assertThat(Shell.shell("evaluate", "fixtures/2022-2023", "--out", out.toString(), "--rules", rules.toString())).succeeded();
        return Files.readString(out.resolve("annex.csv"));
    }

    @Test
    void lockFilesBackupsAndSystemFilesChangeNothing() throws Exception {
        // Given the shipped rules with thresholds.xlsx open in Excel and in LibreOffice, a backup of a rule file
        // and the files Windows and macOS leave in a folder
        Path dir = RulesCopy.shipped();
        Files.write(dir.resolve("~$thresholds.xlsx"), new byte[]{0, 1, 2, 3, (byte) 0xff});
        Files.writeString(dir.resolve(".~lock.thresholds.xlsx#"), ",gebruiker,PC,08.12.2026 09:14,file:///C:/Users/gebruiker;");
        Files.copy(dir.resolve("sectors/horeca.drl"), dir.resolve("sectors/horeca.drl.bak"));
        Files.writeString(dir.resolve("sectors/horeca.drl~"), "rule \"half\" when");
        Files.write(dir.resolve("Thumbs.db"), new byte[]{(byte) 0xd0, (byte) 0xcf, 0x11});
        Files.writeString(dir.resolve("criteria/desktop.ini"), "[.ShellClassInfo]\r\n");
        Files.write(dir.resolve(".DS_Store"), new byte[]{0, 0, 0, 1});
        // When every command runs on it
        // Then each exits 0 without a word about those files, with the shipped result
        for (String[] command : new String[][]{{"validate", "--batch", "fixtures/2022-2023"}, {"test"},
                {"explain", "fixtures/2022-2023", "2223-0042"}, {"diff", "fixtures/2022-2023", "--rules", "rules", "--against", dir.toString()}}) {
            String[] args = command[0].equals("diff") ? command : append(command, "--rules", dir.toString());
            var result = Shell.shell(args);
            Shell.assertThat(result).succeeded();
            for (String file : new String[]{"~$thresholds", ".~lock", ".bak", "drl~", "Thumbs", "desktop.ini", "DS_Store"}) {
                assertFalse(result.out().contains(file) || result.err().contains(file), command[0] + " names " + file + ":\n" + result.out() + result.err());
            }
        }
        Shell.assertThat(Shell.shell("diff", "fixtures/2022-2023", "--rules", "rules", "--against", dir.toString()))
                .outContains("0 van 383 aanvragen veranderen");
        assertEquals(annex(Path.of("rules")), annex(dir));
    }

    @Test
    void aMisnamedRuleFileBlocksAndNeverAdvisesOverwritingTheRealOne() throws Exception {
        // Given a copy of a rule file saved as .DRL beside the real one
        Path dir = RulesCopy.shipped();
        Files.copy(dir.resolve("sectors/horeca.drl"), dir.resolve("sectors/horeca.DRL.txt"));
        // When the folder is checked
        var result = Shell.shell("validate", "--rules", dir.toString());
        // Then it stops, says it blocks, and does not advise the rename that would overwrite horeca.drl
        Shell.assertThat(result).exitedWith(1).outContains("sectors/horeca.DRL.txt: blokkeert elk commando:")
                .outContains("sectors/horeca.drl bestaat al: verwijder dit bestand of zet het buiten de regelmap");
        assertFalse(result.out().contains("hernoem"), result.out());
    }

    private static String[] append(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
