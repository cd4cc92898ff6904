package be.serv.advies.rules;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader Drools compiles, reads back and runs the rules with: the application's own,
 * remembering the names it did not find. Drools and MVEL resolve every name in a rule against each
 * import in turn ({@code be.serv.advies.model.province}, {@code java.lang.province}, ...); on a
 * cold start that is thousands of lookups of classes that do not exist, and each one searched every
 * jar of the class path and built an exception with its stack. The class path does not change while
 * the program runs, so a name not found once is not found again, and is refused at once.
 */
final class RuleClasses extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** One for the whole program: what is missing from the class path is missing for every rule set. */
    static final RuleClasses LOADER = new RuleClasses(RuleClasses.class.getClassLoader());

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    private RuleClasses(ClassLoader parent) {
        super("advies-rules", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) throw new Missing(name);
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }

    /** Thrown for a name already known to be missing; its stack says nothing the first one did not. */
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
