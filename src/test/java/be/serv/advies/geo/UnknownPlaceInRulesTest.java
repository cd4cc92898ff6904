package be.serv.advies.geo;

import be.serv.advies.cli.ExitCodes;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A region, or a shortage, that names a place neither the gazetteer nor the region file knows is a
 * problem of the rules (exit 1), located at its cell, with the nearest names.
 */
class UnknownPlaceInRulesTest {
    @TempDir
    Path tmp;

    private Path smallBatch() throws IOException {
        Path batch = tmp.resolve("batch");
        Files.createDirectories(batch);
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/batches/small"))) {
            for (Path p : s.toList()) Files.copy(p, batch.resolve(p.getFileName()));
        }
        return batch;
    }

    @Test
    void aShortageNamingAnUnknownRegionIsARuleProblem() throws IOException {
        // Given a shortage (row 3 of shortages.csv) for the "Kusst"
        Path batch = smallBatch();
        Files.writeString(batch.resolve("shortages.csv"), "ELEK;OK3_ELEK;West-Vlaanderen;Kusst;;Tekort aan de kust\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path out = tmp.resolve("out");
        String rules = TestRules.copyWithThresholds(TestRules.DEFAULTS).toString();
        // When / Then
        assertThat(shell("evaluate", batch.toString(), "--out", out.toString(), "--rules", rules))
                .exitedWith(ExitCodes.RULES)
                .errContains("shortages.csv:3:4: onbekende plaats of regio 'Kusst'; bedoelt u Kust?")
                .errHasNo("Exception");
        assertFalse(Files.exists(out));
    }

    @Test
    void aShortageNamingARegionOutsideItsProvinceIsARuleProblem() throws IOException {
        // Given a Limburg shortage "at the coast"
        Path batch = smallBatch();
        Files.writeString(batch.resolve("shortages.csv"), "ELEK;OK3_ELEK;Limburg;Kust;;Tekort\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String rules = TestRules.copyWithThresholds(TestRules.DEFAULTS).toString();
        // When / Then
        assertThat(shell("evaluate", batch.toString(), "--out", tmp.resolve("out").toString(), "--rules", rules))
                .exitedWith(ExitCodes.RULES)
                .errContains("shortages.csv:3:4: 'Kust' ligt niet in Limburg");
    }

    @Test
    void aRegionNamingAnUnknownPlaceIsARuleProblemForEveryCommand() throws IOException {
        // Given a region file whose last row names "Pitem"
        Path rules = TestRules.copyWithThresholds(TestRules.DEFAULTS);
        Path regions = rules.resolve("regions.csv");
        int row = Files.readAllLines(regions, StandardCharsets.UTF_8).size() + 1;
        Files.writeString(regions, "regio Tielt;Tielt, Pitem;\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String expected = "regions.csv:" + row + ":2: places: onbekende plaats of regio 'Pitem'; bedoelt u Pittem?";
        // When / Then validate and evaluate both refuse it
        assertThat(shell("validate", "--rules", rules.toString())).exitedWith(ExitCodes.RULES).outContains(expected);
        assertThat(shell("evaluate", smallBatch().toString(), "--out", tmp.resolve("out").toString(), "--rules", rules.toString()))
                .exitedWith(ExitCodes.RULES).errContains(expected);
    }
}
