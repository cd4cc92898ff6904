package be.serv.advies.load;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A workbook renamed to .csv, or any binary file, is named for what it is in one line. */
class NotATextFileTest {
    @TempDir
    Path tmp;

    private void refusedInOneLine(byte[] content, String expected) throws Exception {
        Path batch = TestRules.copyBatch(Path.of("src/test/resources/batches/small"), tmp.resolve("batch"));
        Files.write(batch.resolve("capacity.csv"), content);
        var r = shell("evaluate", batch.toString(), "--rules", TestRules.copyTo(tmp.resolve("rules")).toString(),
                "--out", tmp.resolve("out").toString());
        assertThat(r).exitedWith(2).errContains("capacity.csv: " + expected);
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("capacity.csv")).count(), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anXlsxRenamedToCsv() throws Exception {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 'x', 'l', '/'};
        refusedInOneLine(zip, "is geen tekstbestand maar een zip-archief (een Excel-werkmap?)");
    }

    @Test
    void anOldXlsRenamedToCsv() throws Exception {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        refusedInOneLine(ole, "is geen tekstbestand maar een oud Excel-bestand (.xls)");
    }

    @Test
    void aBinaryFile() throws Exception {
        refusedInOneLine(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}, "is geen tekstbestand: het bevat binaire gegevens (een NUL-byte op positie 9)");
    }
}
