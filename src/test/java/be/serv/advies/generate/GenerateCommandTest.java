package be.serv.advies.generate;

import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code advies generate} writes a valid batch that is the same for the same seed. */
class GenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theSameSeedGivesTheSameBatchAndAnotherSeedAnother() throws Exception {
        // When two batches are generated with one seed and one with another
        assertThat(shell("generate", "--applications", "500", "--seed", "3", "--out", tmp.resolve("a").toString()))
                .outContains("500 aanvragen gegenereerd").succeeded();
        shell("generate", "--applications", "500", "--seed", "3", "--out", tmp.resolve("b").toString()).succeeded();
        shell("generate", "--applications", "500", "--seed", "4", "--out", tmp.resolve("c").toString()).succeeded();
        // Then the first two are byte for byte the same, the third differs
        for (String f : new String[]{"applications.csv", "capacity.csv", "trajectories.csv", "shortages.csv", "partnerships.csv"}) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        assertFalse(Files.readString(tmp.resolve("a/applications.csv")).equals(Files.readString(tmp.resolve("c/applications.csv"))));
    }

    @Test
    void aGeneratedBatchEvaluatesWithEveryKindOfVerdictAndTheCrossApplicationCriteria() throws Exception {
        // Given a generated batch
        Path batch = tmp.resolve("batch");
        shell("generate", "--applications", "1000", "--seed", "11", "--out", batch.toString()).succeeded();
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        // When it is evaluated
        assertThat(shell("evaluate", batch.toString(), "--rules", rules.toString(), "--out", tmp.resolve("out").toString()))
                .outContains("1000 aanvragen beoordeeld").succeeded();
        // Then it passed validation and exercises the criteria
        String annex = Files.readString(tmp.resolve("out/annex.json"));
        for (String v : new String[]{"\"POSITIVE\"", "\"POSITIVE_WITH_REMARKS\"", "\"NEGATIVE\"", "\"NO_ADVICE\""}) {
            assertTrue(annex.contains(v), v);
        }
        for (String code : new String[]{"COMPETING_APPLICATIONS", "SAME_TEXT", "OVERSUPPLY", "WORKPLACE_SHORTAGE",
                "INFRASTRUCTURE", "NO_PARTNERSHIP", "NOT_RECOGNISED"}) {
            assertTrue(annex.contains("\"" + code + "\""), code);
        }
    }

    @Test
    void aSizeOutOfRangeIsRefused() {
        assertThat(shell("generate", "--applications", "0", "--out", tmp.resolve("x").toString()))
                .errContains("--applications moet tussen 1 en").exitedWith(2);
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
