package be.serv.advies.release;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import be.serv.advies.bench.ColdStart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin\advies.cmd as Windows runs it, under Wine's cmd (Debian's wine, installed by .ci/run), with a
 * stub java.exe (src/test/resources/windows/java-stub.c, built with MinGW) that records the arguments
 * the C runtime gives it, as java.exe would get them. The release sits in a folder whose name holds a
 * space, &, ! and ^ (not %: Wine's cmd, unlike Windows', expands a % that a variable's value holds). Each command line is written into a small driver script exactly as a user
 * would type it at the prompt. Skipped when wine or MinGW is missing, except under CI=true.
 *
 * <p>Wine's cmd is not Windows' cmd: it has no console code page (chcp says 0), an empty CMDCMDLINE
 * (so the double-click case cannot be shown), no {@code !var:a=b!} substitution, and it expands a %
 * inside a variable's value or inside %* again, which Windows does not. docs/windows.md lists what only
 * a Windows machine can show.</p>
 */
class WindowsLauncherTest {
    private static Path prefix;
    private static Path stubExe;

    @TempDir
    static Path shared;

    @BeforeAll
    static void wineAndStub() throws Exception {
        boolean tools = onPath("wine") && onPath("x86_64-w64-mingw32-gcc");
        if (!tools && "true".equals(System.getenv("CI"))) fail("CI must install wine and gcc-mingw-w64-x86-64-win32 (.ci/run)");
        assumeTrue(tools, "wine or MinGW is not installed");
        stubExe = shared.resolve("java.exe");
        Path source = Path.of("src/test/resources/windows/java-stub.c").toAbsolutePath();
        assertEquals(0, exec(List.of("x86_64-w64-mingw32-gcc", "-municode", "-O1", "-o", stubExe.toString(), source.toString()),
                Map.of(), 120).status, "the stub did not build");
        // One Wine prefix for the whole class: making one takes some 20 s.
        prefix = Path.of("target/wine-prefix").toAbsolutePath();
    }

    @Test
    void argumentsReachJavaUnchangedFromAFolderWithSpecialCharacters(@TempDir Path tmp) throws Exception {
        // Given a release in "R&D map !x^y" and Java 17 in JAVA_HOME
        Path release = release(tmp);
        Path jdk = jdk(tmp.resolve("jdk17"), "17.0.15");

        // When the user types a command with quoted paths holding & ^ ! ( ), a list with a comma and a=b
        Result r = cmd(tmp, Map.of(), "set \"JAVA_HOME=" + typed(jdk) + "\"",
                "\"" + typed(release) + "\\bin\\advies.cmd\" evaluate \"C:\\R&D\\in map\" --out \"uit ^!b! (1)\" "
                        + "--sectors HORECA,VOEDING a=b");

        // Then java.exe gets the launcher's settings and exactly those arguments, and its exit status is the script's
        assertEquals(0, r.status, r.out);
        List<String> started = started(jdk);
        int jar = started.indexOf("-jar");
        assertEquals(win(release) + "\\advies.jar", started.get(jar + 1));
        assertEquals(List.of("evaluate", "C:\\R&D\\in map", "--out", "uit ^!b! (1)", "--sectors", "HORECA,VOEDING", "a=b"),
                started.subList(jar + 2, started.size()));
        assertTrue(started.contains("-Dadvies.rules=" + win(release) + "\\rules"), started.toString());
        // Wine has no console code page; on Windows this names the console's (cp850, ...)
        assertTrue(started.contains("-Dadvies.console.encoding=UTF-8"), started.toString());
    }

    @Test
    void theExitStatusOfJavaIsTheScriptsOwn(@TempDir Path tmp) throws Exception {
        // Given a Java that ends with status 2 (bad input)
        Path release = release(tmp);
        Path jdk = jdk(tmp.resolve("jdk17"), "17.0.15");

        // When a command runs
        Result r = cmd(tmp, Map.of("STUB_EXIT", "2"), "set \"JAVA_HOME=" + typed(jdk) + "\"",
                "\"" + typed(release) + "\\bin\\advies.cmd\" validate");

        // Then the script ends with that status
        assertEquals(2, r.status, r.out);
    }

    @Test
    void java11OnThePathIsRefusedInDutch(@TempDir Path tmp) throws Exception {
        // Given no JAVA_HOME and a Java 11 found on the PATH, without a release file
        Path release = release(tmp);
        Path jdk = jdk(tmp.resolve("jdk11"), null);

        // When a command runs
        Result r = cmd(tmp, Map.of("STUB_VERSION", "openjdk version \"11.0.22\" 2024-01-16"),
                "set \"JAVA_HOME=\"", "set \"PATH=C:\\windows\\system32;C:\\windows;" + typed(jdk) + "\\bin\"",
                "\"" + typed(release) + "\\bin\\advies.cmd\" evaluate fixtures\\2022-2023");

        // Then a Dutch message names the version and what to install, and the program never started
        assertEquals(127, r.status, r.out);
        assertTrue(r.out.contains("de gevonden Java is versie 11"), r.out);
        assertTrue(r.out.contains("Installeer Java 17 of nieuwer"), r.out);
        assertFalse(r.out.contains("Exception") || r.out.contains("Error"), r.out);
        assertFalse(Files.exists(jdk.resolve("started")));
    }

    @Test
    void java8InJavaHomeIsReadFromItsReleaseFile(@TempDir Path tmp) throws Exception {
        // Given JAVA_HOME pointing at a Java 8 installation
        Path release = release(tmp);
        Path jdk = jdk(tmp.resolve("jdk8"), "1.8.0_392");

        // When a command runs
        Result r = cmd(tmp, Map.of(), "set \"JAVA_HOME=" + typed(jdk) + "\"", "\"" + typed(release) + "\\bin\\advies.cmd\" test");

        // Then the message says 8, and that Java was neither asked nor started
        assertEquals(127, r.status, r.out);
        assertTrue(r.out.contains("de gevonden Java is versie 8 "), r.out);
        assertFalse(Files.exists(jdk.resolve("asked")));
        assertFalse(Files.exists(jdk.resolve("started")));
    }

    @Test
    void noJavaAtAllSaysSoInDutch(@TempDir Path tmp) throws Exception {
        Path release = release(tmp);
        Result r = cmd(tmp, Map.of(), "set \"JAVA_HOME=\"", "set \"PATH=C:\\windows\\system32;C:\\windows\"",
                "\"" + typed(release) + "\\bin\\advies.cmd\" evaluate fixtures\\2022-2023");
        assertEquals(127, r.status, r.out);
        assertTrue(r.out.contains("geen Java gevonden"), r.out);
    }

    @Test
    void foundOnThePathInQuotesItStillFindsItsOwnFolder(@TempDir Path tmp) throws Exception {
        // Given the release's bin folder on the PATH and another current folder
        Path release = release(tmp);
        Path jdk = jdk(tmp.resolve("jdk17"), "17.0.15");
        Path elsewhere = Files.createDirectories(tmp.resolve("elders"));

        // When the user types "advies.cmd" with quotes there
        Result r = cmd(tmp, Map.of(), "set \"JAVA_HOME=" + typed(jdk) + "\"",
                "set \"PATH=C:\\windows\\system32;C:\\windows;" + typed(release) + "\\bin\"",
                "cd /d \"" + typed(elsewhere) + "\"", "\"advies.cmd\" validate");

        // Then it runs the release's jar with the release's rules
        assertEquals(0, r.status, r.out);
        List<String> started = started(jdk);
        assertEquals(win(release) + "\\advies.jar", started.get(started.indexOf("-jar") + 1));
        // with the settings of bin/advies.jvm, as bench reads them
        assertTrue(started.containsAll(ColdStart.shortCommandOptions()), started.toString());
    }

    // --- the release, the stub Java and the driver ---

    private static Path release(Path tmp) throws IOException {
        Path home = tmp.resolve("R&D map !x^y").resolve("advies-1.0.0");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("rules"));
        // as the release zip has it: CRLF line ends (labels misbehave with LF only)
        String script = Files.readString(Path.of("bin/advies.cmd")).replace("\r\n", "\n").replace("\n", "\r\n");
        Files.writeString(home.resolve("bin/advies.cmd"), script);
        Files.copy(Path.of("bin/advies.jvm"), home.resolve("bin/advies.jvm"));
        Files.writeString(home.resolve("advies.jar"), "");
        return home;
    }

    /** A Java installation holding the stub; with a release file when a version is given. */
    private static Path jdk(Path home, String releaseVersion) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.copy(stubExe, home.resolve("bin/java.exe"));
        if (releaseVersion != null) Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"stub\"\r\nJAVA_VERSION=\"" + releaseVersion + "\"\r\n");
        return home;
    }

    private static List<String> started(Path jdk) throws IOException {
        Path f = jdk.resolve("started");
        assertTrue(Files.exists(f), "java.exe was not started");
        return Files.readAllLines(f, StandardCharsets.UTF_8);
    }

    /** A path as written in a script: a % doubled, since cmd would expand it. */
    private static String typed(Path p) {
        return win(p).replace("%", "%%");
    }

    private static String win(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    private record Result(int status, String out) {}

    /** Runs the lines as a script under Wine's cmd (stdout and stderr together, a key on stdin). */
    private static Result cmd(Path tmp, Map<String, String> env, String... lines) throws Exception {
        Path driver = tmp.resolve("driver.cmd");
        StringBuilder s = new StringBuilder("@echo off\r\n");
        for (String l : lines) s.append(l).append("\r\n");
        Files.writeString(driver, s.toString(), StandardCharsets.ISO_8859_1);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("WINEPREFIX", prefix.toString());
        all.put("WINEDEBUG", "-all");
        return exec(List.of("wine", "cmd", "/c", win(driver)), all, 180);
    }

    private static Result exec(List<String> command, Map<String, String> env, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("DISPLAY");
        Path out = Files.createTempFile(shared, "out", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        p.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("no end within " + seconds + " s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
