package be.serv.advies.load;

import be.serv.advies.cli.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: a batch file cut short at any byte of its last 64 never yields results that differ from the
 * whole batch's. Each cut either is refused, or (a cut that only drops a final line feed or trailing
 * white space) evaluates to exactly the annex of the uncut batch, but for the hash of the input files,
 * which names the bytes read and so must differ.
 */
class TruncationPropertyTest {
    static final int TAIL = 64;

    @TempDir
    Path tmp;

    @Test
    void noCutInTheLastBytesOfAnyFileChangesTheAnnex() throws Exception {
        // Given the annex of the whole shipped batch
        String whole = annex(ShippedCopy.SHIPPED, tmp.resolve("whole"));
        List<Path> files;
        try (Stream<Path> s = Files.list(ShippedCopy.SHIPPED)) {
            files = s.sorted().toList();
        }
        int cuts = 0;
        int accepted = 0;
        List<String> changed = new ArrayList<>();
        for (Path original : files) {
            byte[] bytes = Files.readAllBytes(original);
            String name = original.getFileName().toString();
            for (int length = Math.max(0, bytes.length - TAIL); length < bytes.length; length++) {
                // When the file is cut to this length
                ShippedCopy copy = new ShippedCopy(tmp.resolve(name + "-" + length));
                copy.writeBytes(name, Arrays.copyOf(bytes, length));
                cuts++;
                boolean loads;
                try {
                    BatchLoader.load(copy.batch);
                    loads = true;
                } catch (InvalidInputException refused) {
                    loads = false;
                }
                // Then it is refused, or its annex is the whole batch's
                if (loads) {
                    accepted++;
                    String cut = annex(copy.batch, copy.out);
                    if (!whole.equals(cut)) changed.add(name + " cut to " + length + " of " + bytes.length + " bytes");
                }
            }
        }
        assertEquals(files.size() * TAIL, cuts, "every file is longer than the tail");
        assertTrue(changed.isEmpty(), "exit 0 with a different annex:\n" + String.join("\n", changed));
        // The cuts that load are those of a final line feed: without any, this test would prove nothing about them.
        assertTrue(accepted > 0 && accepted < cuts / 4, accepted + " of " + cuts + " cuts loaded");
    }

    private static String annex(Path batch, Path out) throws Exception {
        Shell.Result r = shell("evaluate", batch.toString(), "--out", out.toString());
        Shell.assertThat(r).succeeded();
        String annex = Files.readString(out.resolve("annex.json"));
        String inputHash = "\"input_hash\" : \"";
        assertTrue(annex.contains(inputHash), "the annex names its input's hash");
        return annex.replaceAll("\"input_hash\" : \"[0-9a-f]+\"", "\"input_hash\" : \"…\"");
    }
}
