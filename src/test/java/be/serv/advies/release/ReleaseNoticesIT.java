package be.serv.advies.release;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each release zip owes its users besides the program: the licence, the third-party notice
 * naming every bundled jar with its licence and what that licence asks, the documentation and the
 * changelog. Runs after packaging (failsafe).
 */
class ReleaseNoticesIT {
    private static final Path TARGET = Path.of(System.getProperty("advies.release.dir", "target")).toAbsolutePath();
    private static final String NAME = System.getProperty("advies.release.name", "advies");
    private static final List<String> REQUIRED = List.of("LICENSE", "THIRD-PARTY.txt", "README.md", "CHANGELOG.md",
            "docs/gebruikersgids.md", "docs/architecture.md", "docs/performance.md", "docs/windows.md",
            "docs/img/werklijst.png", "docs/img/rapport.png");

    @Test
    void everyZipCarriesTheLicenceNoticesAndDocs() throws IOException {
        for (Path zip : zips()) {
            // Given a release zip
            try (ZipFile z = new ZipFile(zip.toFile())) {
                String base = NAME + "/";
                // Then it holds the licence, the notice, the docs and the changelog
                for (String f : REQUIRED) assertTrue(z.getEntry(base + f) != null, zip.getFileName() + " lacks " + f);
                assertTrue(text(z, base + "LICENSE").contains("Apache License"), "LICENSE is not the Apache License");
            }
        }
    }

    @Test
    void everyBundledJarIsInTheNoticeWithWhatItsLicenceAsks() throws IOException {
        for (Path zip : zips()) {
            try (ZipFile z = new ZipFile(zip.toFile())) {
                // Given the jars in lib/ and the notice
                String base = NAME + "/";
                List<String> jars = new ArrayList<>();
                for (ZipEntry e : Collections.list(z.entries())) {
                    String n = e.getName();
                    if (n.startsWith(base + "lib/") && n.endsWith(".jar")) jars.add(n.substring(base.length()));
                }
                String notice = text(z, base + "THIRD-PARTY.txt");

                // Then each jar is listed by its file name, and the count says as much
                assertFalse(jars.isEmpty(), "no jars in " + zip);
                for (String jar : jars) assertTrue(notice.contains("  " + jar + "\n"), jar + " is not in THIRD-PARTY.txt of " + zip.getFileName());
                assertTrue(notice.contains("bundles " + jars.size() + " libraries"), "the notice's count is not " + jars.size());

                // and every licence section says what the licence asks; LGPL libraries say where their source is
                Matcher section = Pattern.compile("(?m)^--- (\\S+) \\((\\d+)\\) ---\\n\\n((?:.+\\n)+)").matcher(notice);
                int listed = 0;
                while (section.find()) {
                    assertTrue(section.group(3).contains("Asks:"), "the " + section.group(1) + " section does not say what it asks");
                    listed += Integer.parseInt(section.group(2));
                }
                assertEquals(jars.size(), listed, "the sections do not add up to the bundled jars");
                assertFalse(notice.contains("MISSING"), "a BSD library without its notice in src/license/third-party.ftl");
                Matcher lgpl = Pattern.compile("(?m)^  (lib/openhtmltopdf-[^\\n]+)\\n.*\\n      source: (https://\\S+-sources\\.jar)$").matcher(notice);
                int lgplJars = 0;
                while (lgpl.find()) lgplJars++;
                assertEquals(jars.stream().filter(j -> j.startsWith("lib/openhtmltopdf-")).count(), lgplJars,
                        "an LGPL library without the address of its source");
            }
        }
    }

    @Test
    void theVersionIsTheBuildsForTheCommandAndEachSubcommand() throws Exception {
        // Given the packaged jar, whose release is NAME (advies-VERSION)
        String version = NAME.substring("advies-".length());
        for (List<String> args : List.of(List.of("-V"), List.of("evaluate", "-V"), List.of("user", "add", "-V"))) {
            // When -V is asked
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", TARGET.resolve("advies.jar").toString()));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            // Then it prints the version Maven built
            assertEquals("advies " + version, out, "advies " + String.join(" ", args));
        }
    }

    private static List<Path> zips() {
        List<Path> zips = new ArrayList<>();
        for (String suffix : List.of(".zip", "-linux-x64.zip")) {
            Path z = TARGET.resolve(NAME + suffix);
            if (Files.exists(z)) zips.add(z);
        }
        assertFalse(zips.isEmpty(), "no release zip in " + TARGET + " (package first)");
        return zips;
    }

    private static String text(ZipFile z, String name) throws IOException {
        ZipEntry e = z.getEntry(name);
        assertTrue(e != null, name + " missing");
        try (InputStream in = z.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
