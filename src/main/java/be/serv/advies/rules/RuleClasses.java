package be.serv.advies.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

/**
 * The class loader Drools compiles, reads back and runs the rules with: the application's own,
 * remembering the names it did not find, and refusing at once names that no jar of the class path can
 * hold. Drools and MVEL resolve every name in a rule against each import in turn
 * ({@code be.serv.advies.model.province}, {@code java.lang.province}, ...) and then as a nested class
 * ({@code be.serv.advies$model$province}, ...); on a cold start that is hundreds of lookups of classes
 * that do not exist, each a search of every jar of the class path and an exception with its stack,
 * on the threads that run the first sessions. The class path does not change while the program runs:
 * <ul>
 *   <li>a name not found once is not found again;</li>
 *   <li>no class of the program or of its libraries is in the unnamed package
 *       ({@code RuleClassesTest} checks the class path for one), and none but Java's own is in a
 *       package {@code java} or below it, which Java forbids any other class loader to define;</li>
 *   <li>nor in the rules' packages ({@code advies} and below), whose classes Drools defines itself;</li>
 *   <li>the program's own packages ({@code be.serv.advies} and its parents {@code be.serv}, {@code be})
 *       are in its own jar only: when the program runs from its jar, a name there is looked up in
 *       that jar alone.</li>
 * </ul>
 * Everything else is looked up as Java would.
 */
final class RuleClasses extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /**
     * The rules' own packages ({@code package advies.criteria}, ...): their classes are the ones Drools
     * makes from the rule files, defined by its own class loader, never found on the class path
     * ({@code RuleClassesTest} checks it has none there). MVEL guesses some 80 names in them on a cold
     * start (every variable and field name of a condition), each a search of every jar.
     */
    static final String RULE_PACKAGES = "advies";

    /** One for the whole program: what is missing from the class path is missing for every rule set. */
    static final RuleClasses LOADER = new RuleClasses(RuleClasses.class.getClassLoader(), ownJar());

    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    /** The program's own jar, when it runs from one; null when it runs from a class folder (tests). */
    private final JarFile own;

    RuleClasses(ClassLoader parent, JarFile own) {
        super("advies-rules", parent);
        this.own = own;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) throw new Missing(name);
        if (cannotExist(name)) {
            missing.add(name);
            throw new Missing(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }

    /** Whether the class path certainly has no class of this name (see the class comment). */
    boolean cannotExist(String name) {
        int dot = name.lastIndexOf('.');
        String pkg = dot < 0 ? "" : name.substring(0, dot);
        if (pkg.isEmpty() || pkg.equals("java") || pkg.equals(RULE_PACKAGES) || pkg.startsWith(RULE_PACKAGES + ".")) return true;
        if (own != null && (pkg.equals("be") || pkg.equals("be.serv") || pkg.equals("be.serv.advies") || pkg.startsWith("be.serv.advies."))) {
            return own.getEntry(name.replace('.', '/') + ".class") == null;
        }
        return false;
    }

    private static JarFile ownJar() {
        Path where = RuleBaseCache.Code.where();
        try {
            // Kept open for the program's life: the class loader reads the same jar anyway.
            return where != null && Files.isRegularFile(where) ? new JarFile(where.toFile(), false) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Thrown for a name known to be missing; its stack would say nothing about the rule. */
    private static final class Missing extends ClassNotFoundException {
        Missing(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
