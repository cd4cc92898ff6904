package be.serv.advies.authoring;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;

/** {@code advies evaluate --coverage}: per rule the number of applications of the batch that made it fire. */
class EvaluateCoverageTest {
    @Test
    void countsApplicationsPerRuleAndNamesTheRulesThatNeverFire() throws IOException {
        // Given the small batch, where the applications with insufficient infrastructure or resources can be counted by hand
        Path batch = Path.of("src/test/resources/batches/small");
        List<String> lines = Files.readAllLines(batch.resolve("applications.csv"));
        List<String> header = List.of(lines.get(0).split(";"));
        int infra = header.indexOf("infrastructure");
        int resources = header.indexOf("learning_resources");
        long insufficient = lines.stream().skip(1).map(l -> l.split(";"))
                .filter(c -> c[infra].equals("onvoldoende") || c[resources].equals("onvoldoende")).count();
        long total = lines.size() - 1;
        Path out = be.serv.advies.testing.TempDirs.create("advies-coverage-");
        // When it is evaluated with --coverage
        var result = shell("evaluate", batch.toString(), "--out", out.toString(), "--coverage");
        // Then each rule is listed with the number of applications it fired for
        assertThat(result).succeeded()
                .outContains("Dekking: per regel het aantal aanvragen waarvoor ze vuurde")
                .outContains(String.format("  %4d  InsufficientInfrastructureNegative (criteria/infrastructure.drl)", insufficient))
                .outContains(String.format("  %4d  InsufficientInfrastructureCleared (criteria/infrastructure.drl)", total - insufficient))
                .outContains("Nooit gevuurd: ");
    }
}
