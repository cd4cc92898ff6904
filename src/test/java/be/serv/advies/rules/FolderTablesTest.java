package be.serv.advies.rules;

import be.serv.advies.model.Province;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder's tables as the cache keeps them read back to what parsing the files gives: every reason
 * code, every threshold row (and so every norm), every region with its municipalities, the hash.
 */
class FolderTablesTest {
    @TempDir
    Path tmp;

    private static FolderTables roundTrip(FolderTables t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            t.write(out);
        }
        return FolderTables.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static FolderTables tablesOf(Path rules) {
        List<Diagnostic> out = new ArrayList<>();
        RuleFolder folder = RuleFolder.read(rules, out);
        assertEquals(List.of(), out);
        return new FolderTables(folder.precedence(), folder.thresholds(), folder.regions(), folder.hash());
    }

    @Test
    void theShippedTablesReadBackAsParsed() throws Exception {
        // Given the shipped rules folder, parsed
        FolderTables parsed = tablesOf(TestRules.copyTo(tmp.resolve("rules")));
        assertFalse(parsed.regions().regions().isEmpty(), "the shipped folder has regions");
        // When its tables are written as the cache keeps them and read back
        FolderTables kept = roundTrip(parsed);
        // Then they are what the files say
        assertEquals(parsed.hash(), kept.hash());
        assertEquals(parsed.precedence().order(), kept.precedence().order());
        assertEquals(parsed.precedence().codes(), kept.precedence().codes());
        assertEquals(parsed.thresholds().source(), kept.thresholds().source());
        assertEquals(parsed.thresholds().entries(), kept.thresholds().entries());
        assertEquals(parsed.thresholds().references(), kept.thresholds().references());
        assertEquals(parsed.regions().source(), kept.regions().source());
        assertEquals(new java.util.HashSet<>(parsed.regions().regions()), new java.util.HashSet<>(kept.regions().regions()));
        for (be.serv.advies.model.Area a : parsed.regions().regions()) {
            assertEquals(parsed.regions().area(a.name()), kept.regions().area(a.name()), a.name());
        }
        // And every trajectory in every province gets the same norm, with the same rows named as its sources
        for (Thresholds.Entry e : parsed.thresholds().entries()) {
            for (Province p : Province.values()) {
                String trajectory = e.trajectory() == null ? "ANY_TRAJECTORY" : e.trajectory();
                assertEquals(parsed.thresholds().resolve(e.partnership(), trajectory, p).toString(),
                        kept.thresholds().resolve(e.partnership(), trajectory, p).toString());
            }
        }
    }

    @Test
    void addedColumnsReadBackWithTheirKindsAndValues() throws Exception {
        // Given thresholds with a decimal, a yes/no and a text column added
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Path csv = rules.resolve("thresholds.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            int note = line.lastIndexOf(';');
            String added = line.startsWith("partnership;") ? "aandeel;streng;label" : line.startsWith("*;*;*;") ? "0,5;nee;standaard"
                    : line.startsWith("ELEK;") ? "1.25;ja;elektro" : ";;";
            lines.add(line.substring(0, note) + ";" + added + line.substring(note));
        }
        Files.write(csv, lines);
        FolderTables parsed = tablesOf(rules);
        // When they are written as the cache keeps them and read back
        FolderTables kept = roundTrip(parsed);
        // Then the columns, their kinds and the values a rule reads are the same
        assertEquals(parsed.thresholds().columns(), kept.thresholds().columns());
        assertEquals(parsed.thresholds().entries(), kept.thresholds().entries());
        be.serv.advies.model.Norm n = kept.thresholds().resolve("ELEK", "OK3_ELEKTRISCHE_INSTALLATIES", Province.LIMBURG);
        assertEquals(1.25, n.decimal("aandeel"));
        assertTrue(n.yesNo("streng"));
        assertEquals("elektro", n.text("label"));
    }

    @Test
    void aFolderWithoutRegionsReadsBackWithout() throws Exception {
        // Given a rules folder without a regions file
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Files.delete(rules.resolve("regions.csv"));
        Path cases = rules.resolve("criteria");
        assertTrue(Files.isDirectory(cases));
        FolderTables parsed = tablesOf(rules);
        // Then its tables read back without regions too
        FolderTables kept = roundTrip(parsed);
        assertEquals(List.of(), kept.regions().regions());
        assertEquals(parsed.regions().source(), kept.regions().source());
    }

    @Test
    void aDamagedRecordIsRefusedNotMisread() throws Exception {
        // Given the shipped tables, written, with a kind no reason code has
        FolderTables parsed = tablesOf(TestRules.copyTo(tmp.resolve("rules")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            parsed.write(out);
        }
        String text = bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1).replaceFirst("NEGATIVE", "NEGATIEF!");
        byte[] damaged = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        // Then reading it fails as a whole (the folder is parsed instead)
        assertThrows(IOException.class, () -> FolderTables.read(new DataInputStream(new ByteArrayInputStream(damaged))));
    }
}
