package be.serv.advies.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules' class loader refuses at once the names no jar can hold (the unnamed package, a package
 * {@code java}, the rules' own packages, the program's own packages outside its jar) and loads every
 * other class as Java does.
 */
class RuleClassesTest {
    @TempDir
    Path tmp;

    @Test
    void namesNoJarCanHoldAreRefusedAndRealClassesLoad() throws Exception {
        // Given the program's rule class loader
        RuleClasses loader = RuleClasses.LOADER;
        // Then the nested-class guesses of MVEL in the unnamed package and in package java are refused
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("be$serv$advies$model$province"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("java.lang$null"));
        assertTrue(loader.cannotExist("advies$criteria$capacity"));
        assertTrue(loader.cannotExist("java.lang$true"));
        // And classes of the program, of Java and of the libraries load as ever
        assertEquals(be.serv.advies.model.Application.class, loader.loadClass("be.serv.advies.model.Application"));
        assertEquals(String.class, loader.loadClass("java.lang.String"));
        assertEquals(org.kie.api.KieBase.class, loader.loadClass("org.kie.api.KieBase"));
        assertFalse(loader.cannotExist("java.lang.Province"), "a package of Java's own modules is left to Java");
    }

    @Test
    void theProgramsPackagesAreLookedUpInItsJarAlone() throws Exception {
        // Given a loader whose program jar holds one fact class
        Path jar = tmp.resolve("advies.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("be/serv/advies/model/Application.class"));
            out.write(new byte[] {1});
            out.closeEntry();
        }
        try (JarFile own = new JarFile(jar.toFile())) {
            RuleClasses loader = new RuleClasses(getClass().getClassLoader(), own);
            // Then a name of the program's packages that the jar lacks is refused, one it holds is not
            assertFalse(loader.cannotExist("be.serv.advies.model.Application"));
            assertTrue(loader.cannotExist("be.serv.advies.model.province"));
            assertTrue(loader.cannotExist("be.serv.advies$model$province"));
            assertTrue(loader.cannotExist("be.serv$advies$model$province"));
            // And other libraries' packages are left to Java, while the rules' own packages are refused
            assertFalse(loader.cannotExist("org.drools.core.Whatever"));
            assertTrue(loader.cannotExist("advies.criteria.Sufficiency"));
            assertTrue(loader.cannotExist("advies.criteria$$a"));
        }
    }

    @Test
    void noJarOrFolderOfTheClassPathHasAClassInTheUnnamedPackageOrTheRulesPackages() throws Exception {
        // Given every entry of the class path the tests run with (the program's libraries among them)
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> unnamed = new ArrayList<>();
        int jars = 0;
        for (String entry : path.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                jars++;
                try (JarFile jar = new JarFile(p.toFile(), false)) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String name = e.nextElement().getName();
                        // module-info.class describes a module; it is not a class anyone can load.
                        if (name.endsWith(".class") && !name.contains("/") && !name.equals("module-info.class")) {
                            unnamed.add(entry + "!" + name);
                        }
                        if (name.startsWith(RuleClasses.RULE_PACKAGES + "/")) unnamed.add(entry + "!" + name);
                    }
                }
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".class") && !f.getFileName().toString().equals("module-info.class"))
                            .forEach(f -> unnamed.add(f.toString()));
                }
                if (Files.exists(p.resolve(RuleClasses.RULE_PACKAGES))) unnamed.add(p.resolve(RuleClasses.RULE_PACKAGES).toString());
            }
        }
        // Then none holds one: refusing such names refuses no class that exists
        assertTrue(jars > 50, "the libraries are on the class path: " + jars);
        assertEquals(List.of(), unnamed);
    }
}
