package be.serv.advies.release;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The release as a user gets it: each zip `mvn package` made is unpacked into an empty folder and run
 * from there with nothing but Java (no Maven, no source, a PATH of Java and a few shell tools), on the
 * shipped batch; its annex and explanation must equal what the source checkout's bin/advies writes.
 * Runs after packaging (maven-failsafe, `mvn verify`).
 */
class ReleaseIT {
    private static final Path TARGET = Path.of(System.getProperty("advies.release.dir", "target")).toAbsolutePath();
    private static final String NAME = System.getProperty("advies.release.name", "advies");
    private static final String BATCH = "fixtures/2022-2023";
    private static final String APPLICATION = "2223-0001";
    /** What bin/advies calls besides java; the test's PATH holds these and nothing else. */
    private static final List<String> TOOLS = List.of("bash", "dirname", "find", "cksum", "cut", "ls", "mkdir",
            "readlink", "rm", "mv", "touch", "rmdir");
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    static Path shared;
    private static Path referenceOut;
    private static String referenceExplain;

    @BeforeAll
    static void sourceCheckoutRun() throws IOException, InterruptedException {
        // The annex and explanation as a developer's bin/advies writes them from the source checkout.
        referenceOut = shared.resolve("reference");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("ADVIES_CACHE", shared.resolve("reference-cache").toString());
        Path root = Path.of("").toAbsolutePath();
        assertEquals(0, run(root, env, root.resolve("bin/advies").toString(), "evaluate", BATCH, "--out", referenceOut.toString()).status);
        Result explain = run(root, env, root.resolve("bin/advies").toString(), "explain", BATCH, APPLICATION);
        assertEquals(0, explain.status, explain.err);
        referenceExplain = explain.out;
    }

    @Test
    void theReleaseRunsWithOnlyJavaOnThePathOrInJavaHome(@TempDir Path tmp) throws Exception {
        // Given the release zip unpacked into an empty folder, and a PATH with Java and shell tools only
        Path home = unzip(TARGET.resolve(NAME + ".zip"), tmp.resolve("unpacked"));
        Path tools = tools(tmp.resolve("tools"));
        Map<String, String> onPath = cleanEnv(tmp, JAVA_HOME.resolve("bin") + ":" + tools);
        assertFalse(Files.exists(JAVA_HOME.resolve("bin/mvn")), "the PATH must not hold Maven");
        List<String> before = listing(home);

        // When evaluate and explain run from there, with java on the PATH
        Result evaluate = run(home, onPath, "bin/advies", "evaluate", BATCH, "--out", tmp.resolve("out").toString());
        Result explain = run(home, onPath, "bin/advies", "explain", BATCH, APPLICATION);
        // and evaluate once more with only JAVA_HOME pointing at Java
        Map<String, String> viaJavaHome = cleanEnv(tmp, tools.toString());
        viaJavaHome.put("JAVA_HOME", JAVA_HOME.toString());
        Result evaluateJavaHome = run(home, viaJavaHome, "bin/advies", "evaluate", BATCH, "--out", tmp.resolve("out-java-home").toString());

        // Then all succeed, the annex equals the source checkout's and so does the explanation
        assertEquals(0, evaluate.status, evaluate.err);
        assertEquals(0, explain.status, explain.err);
        assertEquals(0, evaluateJavaHome.status, evaluateJavaHome.err);
        // with nothing on stderr: no notice of the logging library or of the JVM among the user's messages
        assertEquals("", evaluate.err);
        assertEquals("", explain.err);
        assertSameAnnex(tmp.resolve("out"));
        assertSameAnnex(tmp.resolve("out-java-home"));
        assertEquals(referenceExplain, explain.out);
        // and the unpacked folder holds what it held: no crash report, no archive, no cache
        assertEquals(before, listing(home));
        assertNoCrashReport(tmp);

        // Then, in the background, an archive for this Java appeared in the cache, and a run that insists on
        // mapping it (-Xshare:on fails the JVM when the archive does not fit) gives the same annex
        Path archive = awaitArchive(tmp.resolve("cache/cds"));
        Map<String, String> shareOn = new HashMap<>(onPath);
        shareOn.put("ADVIES_JAVA_OPTS", "-Xshare:on");
        Result mapped = run(home, shareOn, "bin/advies", "evaluate", BATCH, "--out", tmp.resolve("out-archive").toString());
        assertEquals(0, mapped.status, archive + ": " + mapped.err);
        assertSameAnnex(tmp.resolve("out-archive"));
    }

    @Test
    void theGuidesDiffShowsAnEditedThresholdWithoutGit(@TempDir Path tmp) throws Exception {
        // Given the release unpacked, its rules folder edited as the guide shows (the Elektriciens ask 9
        // students per provider instead of 5), and a PATH with Java and shell tools but no git
        Path home = unzip(TARGET.resolve(NAME + ".zip"), tmp.resolve("unpacked"));
        Path tools = tools(tmp.resolve("tools"));
        Path thresholds = home.resolve("rules/thresholds.csv");
        String shipped = Files.readString(thresholds, StandardCharsets.UTF_8);
        Files.writeString(thresholds, shipped.replace("ELEK;*;*;;5;", "ELEK;*;*;;9;"), StandardCharsets.UTF_8);
        assertFalse(Files.readString(thresholds, StandardCharsets.UTF_8).equals(shipped), "the threshold row was not found");
        Map<String, String> noGit = cleanEnv(tmp, JAVA_HOME.resolve("bin") + ":" + tools);
        assertFalse(Files.exists(JAVA_HOME.resolve("bin/git")) || Files.exists(tools.resolve("git")), "the PATH must not hold git");

        // When the guide's diff command runs, and the one for git users
        Result shippedDiff = run(home, noGit, "bin/advies", "diff", BATCH, "--shipped");
        Result revision = run(home, noGit, "bin/advies", "diff", BATCH, "--rules-rev", "HEAD");

        // Then the first compares with the rules the release shipped and shows the verdicts the edit changes, exit 0
        assertEquals(0, shippedDiff.status, shippedDiff.err);
        assertTrue(shippedDiff.out.contains("Oud: de geleverde regels"), shippedDiff.out);
        assertTrue(shippedDiff.out.contains("(2 van advies)"), shippedDiff.out);
        assertTrue(shippedDiff.out.contains("positief -> positief met bemerkingen"), shippedDiff.out);
        assertTrue(shippedDiff.out.contains("minimum 9)"), shippedDiff.out);
        // and the second says in Dutch what to use instead, exit 2
        assertEquals(2, revision.status, revision.out + revision.err);
        assertTrue(revision.err.contains("Zonder git vergelijkt u met de regels van deze versie: advies diff " + BATCH + " --shipped"), revision.err);
        assertNoCrashReport(tmp);
    }

    @Test
    void theSelfContainedImageRunsWithoutAnyJava(@TempDir Path tmp) throws Exception {
        Path zip = TARGET.resolve(NAME + "-linux-x64.zip");
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")
                && Files.isExecutable(JAVA_HOME.resolve("bin/jlink")), "the image is built on Linux x64 with jlink only");
        // Given the self-contained zip unpacked into an empty folder, and a PATH with shell tools and no Java
        Path home = unzip(zip, tmp.resolve("unpacked"));
        Map<String, String> noJava = cleanEnv(tmp, tools(tmp.resolve("tools")).toString());
        noJava.put("ADVIES_CACHE", "off"); // the background archive dump is the other test's; none may outlive this one

        // When evaluate and explain run from there
        Result evaluate = run(home, noJava, "bin/advies", "evaluate", BATCH, "--out", tmp.resolve("out").toString());
        Result explain = run(home, noJava, "bin/advies", "explain", BATCH, APPLICATION);

        // Then both succeed with the image's own runtime, with the source checkout's annex and explanation
        assertEquals(0, evaluate.status, evaluate.err);
        assertEquals(0, explain.status, explain.err);
        assertSameAnnex(tmp.resolve("out"));
        assertEquals(referenceExplain, explain.out);
        assertNoCrashReport(tmp);
    }

    private static void assertSameAnnex(Path out) throws IOException {
        for (String file : List.of("annex.json", "annex.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(referenceOut.resolve(file)), Files.readAllBytes(out.resolve(file)), out + "/" + file);
        }
    }

    private static void assertNoCrashReport(Path tmp) throws IOException {
        try (Stream<Path> all = Stream.concat(Files.walk(tmp), Files.list(Path.of("").toAbsolutePath()))) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).toList());
        }
    }

    /** Waits for the launcher's background dump; its failure marker fails the test at once. */
    private static Path awaitArchive(Path cds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cds)) {
                try (Stream<Path> files = Files.list(cds)) {
                    List<String> names = files.map(p -> p.getFileName().toString()).toList();
                    if (names.stream().anyMatch(n -> n.endsWith(".failed"))) fail("the archive dump failed: " + names);
                    var done = names.stream().filter(n -> n.endsWith(".jsa")).findFirst();
                    if (done.isPresent() && names.stream().noneMatch(n -> n.endsWith(".lock"))) return cds.resolve(done.get());
                }
            }
            Thread.sleep(500);
        }
        fail("no class-data-sharing archive in " + cds + " after 5 minutes");
        return null;
    }

    /** A clean environment: the given PATH, a fresh HOME, temp and cache folders, and nothing else. */
    private static Map<String, String> cleanEnv(Path tmp, String path) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", path);
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("TMPDIR", Files.createDirectories(tmp.resolve("tmp")).toString());
        env.put("ADVIES_CACHE", tmp.resolve("cache").toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private static Path tools(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String tool : TOOLS) {
            Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException(tool + " not found"));
            if (!Files.exists(dir.resolve(tool))) Files.createSymbolicLink(dir.resolve(tool), found);
        }
        return dir;
    }

    /** Unpacks with the modes the zip records (bin/advies must arrive executable); returns the single top folder. */
    private static Path unzip(Path zip, Path into) throws IOException {
        assertTrue(Files.isRegularFile(zip), zip + " missing: run mvn package");
        Files.createDirectories(into);
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (Enumeration<ZipArchiveEntry> en = z.getEntries(); en.hasMoreElements(); ) {
                ZipArchiveEntry e = en.nextElement();
                Path to = into.resolve(e.getName()).normalize();
                if (!to.startsWith(into)) throw new IOException("entry outside the folder: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, to);
                }
                int mode = e.getUnixMode();
                if (mode != 0) Files.setPosixFilePermissions(to, permissions(mode));
            }
        }
        try (Stream<Path> top = Files.list(into)) {
            List<Path> dirs = top.toList();
            assertEquals(1, dirs.size(), "one top folder in the zip: " + dirs);
            return dirs.get(0);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        return PosixFilePermissions.fromString(s.toString());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile("advies-release-out", ".txt");
        Path err = Files.createTempFile("advies-release-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + ": no end after 10 minutes");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
