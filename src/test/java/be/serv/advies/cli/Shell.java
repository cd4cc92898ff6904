package be.serv.advies.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the {@code advies} command line in-process, the way a user types it, and checks what they
 * would see: {@code assertThat(shell("evaluate", dir, "--out", out)).outContains("...").succeeded()}.
 */
public final class Shell {
    private Shell() {
    }

    public static Result shell(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdviesCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(String.join(" ", args), code, out.toString(), err.toString());
    }

    /** As {@link #shell}, with {@code input} as standard input (no terminal: a password is read from it). */
    public static Result withStdin(String input, String... args) {
        java.io.InputStream old = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return shell(args);
        } finally {
            System.setIn(old);
        }
    }

    public static Result assertThat(Result result) {
        return Objects.requireNonNull(result, "result");
    }

    public record Result(String command, int exitCode, String out, String err) {
        public Result succeeded() {
            return exitedWith(ExitCodes.OK);
        }

        public Result exitedWith(int expected) {
            assertEquals(expected, exitCode, () -> "advies " + command + " exited " + exitCode + "\n--- out:\n" + out + "\n--- err:\n" + err);
            return this;
        }

        public Result outContains(String text) {
            assertTrue(out.contains(text), () -> "expected stdout of 'advies " + command + "' to contain:\n  " + text + "\n--- out:\n" + out + "\n--- err:\n" + err);
            return this;
        }

        public Result errContains(String text) {
            assertTrue(err.contains(text), () -> "expected stderr of 'advies " + command + "' to contain:\n  " + text + "\n--- err:\n" + err);
            return this;
        }

        public Result errHasNo(String text) {
            if (err.contains(text)) fail("stderr of 'advies " + command + "' should not contain '" + text + "':\n" + err);
            return this;
        }
    }
}
