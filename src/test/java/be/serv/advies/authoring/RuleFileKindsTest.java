package be.serv.advies.authoring;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A rule file that is a named pipe is named and refused at once, never opened (that would block). */
class RuleFileKindsTest {

    private static void fifo(Path p) throws Exception {
        Files.delete(p);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
    }

    @Test
    void aFifoNamedPrecedenceYamlIsRefusedWithoutBlocking() throws Exception {
        // Given a copy of the rules whose precedence.yaml is a pipe nobody writes to
        Path dir = RulesCopy.shipped();
        fifo(dir.resolve("precedence.yaml"));
        // When it is validated and used to evaluate / Then both refuse it at once, naming the file
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            assertThat(shell("validate", "--rules", dir.toString())).exitedWith(1)
                    .outContains("precedence.yaml: is geen gewoon bestand (maar bv. een pipe of apparaat) en wordt niet gelezen");
            Path out = be.serv.advies.testing.TempDirs.create("advies-fifo-").resolve("uit");
            assertThat(shell("evaluate", "fixtures/2022-2023", "--out", out.toString(), "--rules", dir.toString()))
                    .exitedWith(1).errContains("precedence.yaml: is geen gewoon bestand");
            assertEquals(false, Files.exists(out));
        });
    }

    @Test
    void aFifoNamedLikeACaseFileIsRefusedWithoutBlocking() throws Exception {
        // Given a copy of the rules with one case file replaced by a pipe
        Path dir = RulesCopy.shipped();
        fifo(dir.resolve("criteria/infrastructure.cases.yaml"));
        // When / Then: test names it and does not wait for it
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                assertThat(shell("test", "--rules", dir.toString())).exitedWith(1)
                        .outContains("is geen gewoon bestand"));
    }
}
