package be.serv.advies.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The build's fingerprint the rule cache keys on is read from the jar's manifest when the build wrote
 * it there, follows the libraries too, and is computed instead when the manifest has none (or only
 * the placeholder of a build that skipped that step).
 */
class BuildFingerprintTest {
    private static final String CODE = "Advies-Code-SHA-256";
    private static final String SHA = "5478eeb04ed81caf72b326ac82dff7216b68419203b3028aa3b502dd496209c4";

    @TempDir
    Path tmp;

    private Path jar(String name, String fingerprint, String classPath) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (fingerprint != null) m.getMainAttributes().putValue(CODE, fingerprint);
        if (classPath != null) m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path p = tmp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(p), m)) {
            out.putNextEntry(new JarEntry("be/serv/advies/model/Application.class"));
            out.write(name.getBytes());
            out.closeEntry();
        }
        return p;
    }

    @Test
    void theManifestsFingerprintIsTakenWithTheLibraries() throws Exception {
        // Given two jars with the same fingerprint, one with other libraries, and a third with another fingerprint
        Path a = jar("a.jar", SHA, "lib/drools-core-10.1.0.jar");
        Path b = jar("b.jar", SHA, "lib/drools-core-10.1.1.jar");
        Path c = jar("c.jar", SHA.replace('5', '6'), "lib/drools-core-10.1.0.jar");
        // Then the fingerprint is the manifest's (the jars' own entries differ), and follows the libraries when asked
        byte[] fromA = RuleBaseCache.Code.fromManifest(a, CODE, true);
        assertNotNull(fromA);
        assertArrayEquals(fromA, RuleBaseCache.Code.fromManifest(jar("a2.jar", SHA, "lib/drools-core-10.1.0.jar"), CODE, true));
        assertFalse(java.util.Arrays.equals(fromA, RuleBaseCache.Code.fromManifest(b, CODE, true)));
        assertArrayEquals(RuleBaseCache.Code.fromManifest(a, CODE, false), RuleBaseCache.Code.fromManifest(b, CODE, false));
        assertNotEquals(new String(fromA), new String(RuleBaseCache.Code.fromManifest(c, CODE, true)));
    }

    @Test
    void withoutAFingerprintInTheManifestNoneIsTaken() throws Exception {
        // Given a jar without the attribute, one with the unfilled placeholder, and a class folder
        Path none = jar("none.jar", null, null);
        Path placeholder = jar("placeholder.jar", "${advies.code.sha256}", null);
        Path folder = Files.createDirectories(tmp.resolve("classes"));
        // Then none is read from them: the program computes its own
        assertNull(RuleBaseCache.Code.fromManifest(none, CODE, true));
        assertNull(RuleBaseCache.Code.fromManifest(placeholder, CODE, true));
        assertNull(RuleBaseCache.Code.fromManifest(folder, CODE, true));
        assertNotNull(RuleBaseCache.Code.of(none, RuleBaseCache.Code.ALL, true));
    }

    @Test
    void theChecksumTellsWhereOneStringEndsAndTheNextBegins() {
        // Given the same bytes split differently over two names
        String ab = new Fingerprint().add("a", "bc".getBytes()).hex();
        String abc = new Fingerprint().add("ab", "c".getBytes()).hex();
        // Then the checksums differ, and are sixty-four hexadecimal digits
        assertNotEquals(ab, abc);
        assertFalse(ab.isEmpty());
        org.junit.jupiter.api.Assertions.assertTrue(ab.matches("[0-9a-f]{64}"), ab);
    }
}
