package be.serv.advies.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import be.serv.advies.bench.ColdStart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/advies in an unpacked release, with a stub {@code java} that answers a version and records how
 * it was started: an older Java than 17 is refused before the program starts, in Dutch, naming the
 * version found and what to install, without the JVM's English errors; Java 17 gets the program's
 * arguments unchanged.
 */
class LauncherJavaVersionTest {
    /** What the JVM would print for an old runtime: none of it may reach the user. */
    private static final List<String> JVM_TEXT = List.of("Error", "Exception", "Could not create", "Unrecognized option");

    @Test
    void java11OnThePathIsRefusedInDutch(@TempDir Path tmp) throws Exception {
        // Given a release whose only Java is an 11, found on the PATH, without a release file
        Path release = release(tmp);
        Path stub = stubJava(tmp.resolve("jdk11"), "openjdk version \"11.0.22\" 2024-01-16", false);

        // When the user runs a command
        Result r = run(release, tmp, Map.of("PATH", stub.resolve("bin") + ":/usr/bin:/bin"), "evaluate", "fixtures/2022-2023");

        // Then a Dutch message names the version and what to install; the program never started
        assertNotEquals(0, r.status);
        assertTrue(r.err.contains("de gevonden Java is versie 11"), r.err);
        assertTrue(r.err.contains("Installeer Java 17 of nieuwer"), r.err);
        assertNoJvmText(r);
        assertFalse(Files.exists(stub.resolve("started")), "the program was started on Java 11");
    }

    @Test
    void java8InJavaHomeIsRefusedFromItsReleaseFile(@TempDir Path tmp) throws Exception {
        // Given JAVA_HOME pointing at a Java 8 installation (its release file says 1.8.0_392)
        Path release = release(tmp);
        Path jdk8 = stubJava(tmp.resolve("jdk8"), "java version \"1.8.0_392\"", true);
        Files.writeString(jdk8.resolve("release"), "JAVA_VERSION=\"1.8.0_392\"\n");

        // When the user runs a command
        Result r = run(release, tmp, Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk8.toString()), "validate");

        // Then the message says 8, read without starting that Java at all
        assertEquals(127, r.status);
        assertTrue(r.err.contains("de gevonden Java is versie 8 "), r.err);
        assertNoJvmText(r);
        assertFalse(Files.exists(jdk8.resolve("asked")), "java -version was run although the release file says the version");
        assertFalse(Files.exists(jdk8.resolve("started")));
    }

    @Test
    void java17GetsTheArgumentsUnchanged(@TempDir Path tmp) throws Exception {
        // Given a Java 17 on the PATH
        Path release = release(tmp);
        Path stub = stubJava(tmp.resolve("jdk17"), "openjdk version \"17.0.15\" 2025-04-15", false);
        List<String> args = List.of("evaluate", "C:\\R&D\\in map", "--out", "uit ^%a%!b!'\"c\"");

        // When the user runs a command with spaces, quotes and the characters a shell or cmd would take
        Result r = run(release, tmp, Map.of("PATH", stub.resolve("bin") + ":/usr/bin:/bin"), args.toArray(String[]::new));

        // Then the program starts with -jar advies.jar and exactly those arguments after it
        assertEquals(0, r.status, r.err);
        List<String> started = Files.readAllLines(stub.resolve("started"), StandardCharsets.UTF_8);
        int jar = started.indexOf("-jar");
        assertTrue(jar >= 0, started.toString());
        assertEquals(release.resolve("advies.jar").toString(), started.get(jar + 1));
        assertEquals(args, started.subList(jar + 2, started.size()));
        // with the settings of bin/advies.jvm, as bench reads them
        assertTrue(started.containsAll(ColdStart.shortCommandOptions()), started.toString());
    }

    private static void assertNoJvmText(Result r) {
        for (String s : JVM_TEXT) assertFalse(r.err.contains(s), "JVM text '" + s + "' in: " + r.err);
        assertEquals("", r.out);
    }

    /** An unpacked release: the launcher and a jar beside bin/, no pom.xml (so nothing is built). */
    private static Path release(Path tmp) throws IOException {
        Path home = tmp.resolve("advies-release");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("bin/advies"), home.resolve("bin/advies"));
        home.resolve("bin/advies").toFile().setExecutable(true);
        Files.copy(Path.of("bin/advies.jvm"), home.resolve("bin/advies.jvm"));
        Files.writeString(home.resolve("advies.jar"), "");
        return home;
    }

    /**
     * A Java installation whose java answers -version with the given line (on stderr, as Java does),
     * notes in "asked" that it was asked, and writes the arguments of any other start to "started".
     */
    private static Path stubJava(Path home, String versionLine, boolean failIfAsked) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n"
                + "here=\"$(dirname \"$0\")/..\"\n"
                + "if [ \"$1\" = -version ]; then touch \"$here/asked\"; echo '" + versionLine + "' >&2; exit 0; fi\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$here/started\"\n"
                + "echo 'Error: java.lang.UnsupportedClassVersionError (stub)' >&2\n"
                + "exit " + (failIfAsked ? 1 : 0) + "\n");
        java.toFile().setExecutable(true);
        return home;
    }

    private record Result(int status, String out, String err) {}

    private static Result run(Path release, Path tmp, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", release.resolve("bin/advies").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("ADVIES_CACHE", "off");
        pb.environment().putAll(env);
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bin/advies did not end");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
