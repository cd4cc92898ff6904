package be.serv.advies.rules;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Keeps the compiled rule packages on disk, so a rule set that has not changed since the last run
 * is not compiled again (compiling is most of a cold start). An entry is keyed by everything that
 * decides the compiled form: the DRL files, the Drools version, the Java version and the bytecode
 * of the fact classes the rules are compiled against. Every read is checked (format, key, length,
 * checksum of the payload ({@link Fingerprint}), then deserialisation itself); anything wrong makes the entry a miss and it
 * is rebuilt from the DRL. The cache is only ever a shortcut: when it cannot be read or written,
 * the rules are compiled as without it.
 *
 * <p>Where: {@code $ADVIES_CACHE} or the system property {@code advies.cache}; a folder, or
 * {@code off} to disable. Default {@code $XDG_CACHE_HOME/advies} or {@code ~/.cache/advies}; on Windows
 * {@code %LOCALAPPDATA%\advies\cache}, where Windows expects a program's disposable files (not roamed).</p>
 */
public final class RuleBaseCache {
    /** Raised whenever the file layout or what is serialised changes. */
    static final int FORMAT = 4;
    private static final byte[] MAGIC = "ADVIES-KBASE\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Entries kept; older ones (rule sets edited away) are pruned after a write. */
    static final int KEEP = 16;
    static final String SUFFIX = ".kbase";

    /** How a load went; kept on the rule set so benches and tests can tell. */
    public enum Outcome {
        /** Read from the cache, compile skipped. */
        HIT,
        /** No entry: compiled and stored. */
        MISS,
        /** An entry was there but failed a check (corrupt, truncated, other key): compiled and replaced. */
        REBUILT,
        /** Caching is off, or the cache folder is unusable: compiled only. */
        OFF
    }

    /** The compiled packages, and how they were obtained. */
    public record Result(Collection<KiePackage> packages, Outcome outcome) {
    }

    private final Path dir;

    private RuleBaseCache(Path dir) {
        this.dir = dir;
    }

    public static RuleBaseCache at(Path dir) {
        return new RuleBaseCache(Objects.requireNonNull(dir, "dir"));
    }

    public static RuleBaseCache off() {
        return new RuleBaseCache(null);
    }

    /** The cache as the environment configures it (see the class comment). */
    public static RuleBaseCache fromEnvironment() {
        String v = System.getProperty("advies.cache");
        if (v == null || v.isBlank()) v = System.getenv("ADVIES_CACHE");
        if (v != null && !v.isBlank()) return v.strip().equalsIgnoreCase("off") ? off() : at(Path.of(v.strip()));
        String local = System.getenv("LOCALAPPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && local != null && !local.isBlank()) {
            return at(Path.of(local, "advies", "cache"));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("advies"));
    }

    public boolean enabled() {
        return dir != null;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The Java runtime, as its properties name it. Not {@code Runtime.version()}: that parses the
     * version with a regular expression, some thirty milliseconds of a cold start.
     */
    private static final String JAVA = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
            + " " + System.getProperty("java.vm.version");

    /** The key of a rule set: DRL (name and bytes), Drools, Java, fact classes and cache format. */
    public static String key(Map<String, byte[]> drl) {
        Fingerprint h = new Fingerprint();
        new java.util.TreeMap<>(drl).forEach((name, bytes) -> h.add("drl/" + name, bytes));
        h.add("format", String.valueOf(FORMAT));
        h.add("drools", String.valueOf(KieBase.class.getPackage().getImplementationVersion()));
        h.add("java", JAVA);
        h.add("facts", Code.facts());
        return h.hex();
    }

    /** The entry file for a key. */
    public Path file(String key) {
        return dir.resolve(key + SUFFIX);
    }

    /**
     * The compiled packages for this DRL: from the cache when a valid entry exists, otherwise from
     * {@code compile} (which may throw; nothing is stored then).
     */
    public <E extends Exception> Result packages(Map<String, byte[]> drl, CompileStep<E> compile) throws E {
        Objects.requireNonNull(drl, "drl");
        Objects.requireNonNull(compile, "compile");
        if (dir == null) return new Result(compile.compile(), Outcome.OFF);
        String key = key(drl);
        Path file = file(key);
        boolean existed = Files.exists(file);
        if (existed) {
            Collection<KiePackage> cached = read(file, key);
            if (cached != null) return new Result(cached, Outcome.HIT);
        }
        Collection<KiePackage> compiled = compile.compile();
        boolean stored = write(file, key, compiled);
        return new Result(compiled, !stored ? Outcome.OFF : existed ? Outcome.REBUILT : Outcome.MISS);
    }

    /** The compiled packages for this DRL when the cache holds a valid entry for it; null otherwise. Never compiles. */
    Collection<KiePackage> cached(Map<String, byte[]> drl) {
        Objects.requireNonNull(drl, "drl");
        if (dir == null) return null;
        String key = key(drl);
        Path file = file(key);
        return Files.exists(file) ? read(file, key) : null;
    }

    /** Compiles the DRL; the exception carries located rule problems. */
    @FunctionalInterface
    public interface CompileStep<E extends Exception> {
        Collection<KiePackage> compile() throws E;
    }

    /** A knowledge base over packages, compiled or read back from the cache. */
    public static KieBase kieBase(Collection<KiePackage> packages) {
        InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase(
                org.drools.core.impl.RuleBaseFactory.newKnowledgeBaseConfiguration(null, RuleSet.CLASSES));
        kb.addPackages(packages);
        return kb;
    }

    // ---------------------------------------------------------------- file format

    /** Null when the entry is absent, damaged, for another key, or does not deserialise. */
    @SuppressWarnings("unchecked")
    Collection<KiePackage> read(Path file, String key) {
        byte[] payload = readEntry(file, MAGIC, key);
        if (payload == null) return null;
        try (DroolsObjectInputStream ois = new DroolsObjectInputStream(new ByteArrayInputStream(payload),
                RuleSet.CLASSES)) {
            Object o = ois.readObject();
            if (!(o instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(KiePackage.class::isInstance)) return null;
            return (List<KiePackage>) list;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            // Written by an incompatible build: a miss, rebuilt from the DRL.
            return null;
        }
    }

    /** False when the entry could not be stored (read-only or missing folder); the run goes on. */
    boolean write(Path file, String key, Collection<KiePackage> packages) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(64 * 1024);
            try (ObjectOutputStream oos = new DroolsObjectOutputStream(payload)) {
                oos.writeObject(new ArrayList<>(packages));
            }
            return writeEntry(file, MAGIC, key, payload.toByteArray(), SUFFIX);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The payload of an entry; null when it is absent, damaged or for another key. */
    private static byte[] readEntry(Path file, byte[] magic, String key) {
        try {
            byte[] all = Files.readAllBytes(file);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
            byte[] head = new byte[magic.length];
            in.readFully(head);
            if (!Arrays.equals(head, magic) || in.readInt() != FORMAT || !key.equals(in.readUTF())) return null;
            int length = in.readInt();
            long checksum = in.readLong();
            if (length < 0 || length != in.available()) return null;
            byte[] payload = new byte[length];
            in.readFully(payload);
            return checksum == Fingerprint.of(payload) ? payload : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores an entry whole or not at all (written aside, then moved into place), then prunes its kind. */
    private boolean writeEntry(Path file, byte[] magic, String key, byte[] p, String suffix) {
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream(p.length + 256);
            DataOutputStream out = new DataOutputStream(all);
            out.write(magic);
            out.writeInt(FORMAT);
            out.writeUTF(key);
            out.writeInt(p.length);
            out.writeLong(Fingerprint.of(p));
            out.write(p);
            out.flush();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tmp-", suffix);
            try {
                Files.write(tmp, all.toByteArray());
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune(file, suffix);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- checked folders

    private static final byte[] CHECKS_MAGIC = "ADVIES-CHECKS\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final String CHECKS_SUFFIX = ".checks";

    /**
     * What the door's checks said of a rules folder that passed them: the warnings, and where each
     * rule is written (which the explanations and coverage name); and its parsed tables, null when
     * they were not kept (the load then parses them).
     */
    record Checked(List<Diagnostic> warnings, Map<String, List<DuplicateRules.Place>> places, FolderTables tables,
                   List<RuleLanguage.CodeUse> codes) {
        Checked(List<Diagnostic> warnings, Map<String, List<DuplicateRules.Place>> places, FolderTables tables) {
            this(warnings, places, tables, null);
        }
    }

    /**
     * The key of a folder's check results: every file of it ({@code contentKey}) and the build that
     * checks (every class of it and the libraries it runs with), so a new version of a check never
     * meets an old verdict.
     */
    static String checksKey(String contentKey) {
        Fingerprint h = new Fingerprint();
        h.add("folder", contentKey);
        h.add("java", JAVA);
        h.add("code", Code.all());
        return h.hex();
    }

    /** The check results stored for this key, or null (none, damaged, or caching off). */
    Checked checked(String key) {
        if (dir == null) return null;
        byte[] payload = readEntry(dir.resolve(key + CHECKS_SUFFIX), CHECKS_MAGIC, key);
        if (payload == null) return null;
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            List<Diagnostic> warnings = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String file = in.readUTF();
                int row = in.readInt();
                String column = in.readBoolean() ? in.readUTF() : null;
                warnings.add(new Diagnostic(Diagnostic.Severity.WARNING, new be.serv.advies.load.Problem(file, row, column, in.readUTF())));
            }
            Map<String, List<DuplicateRules.Place>> places = new java.util.LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String name = in.readUTF();
                List<DuplicateRules.Place> at = new ArrayList<>();
                for (int j = in.readInt(); j > 0; j--) at.add(new DuplicateRules.Place(in.readUTF(), in.readInt(), in.readInt()));
                places.put(name, List.copyOf(at));
            }
            FolderTables tables = in.readBoolean() ? FolderTables.read(in) : null;
            List<RuleLanguage.CodeUse> codes = null;
            if (in.readBoolean()) {
                codes = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    RuleLanguage.CodeKind kind = RuleLanguage.CodeKind.valueOf(in.readUTF());
                    codes.add(new RuleLanguage.CodeUse(kind, in.readUTF(), in.readUTF(), in.readInt(), in.readUTF(), in.readUTF(),
                            in.readInt(), in.readInt()));
                }
            }
            return in.available() == 0 ? new Checked(List.copyOf(warnings), places, tables, codes) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores the results of checks that found no error; false when they could not be stored. */
    boolean storeChecked(String key, Checked checked) {
        if (dir == null) return false;
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(4096);
            DataOutputStream out = new DataOutputStream(payload);
            out.writeInt(checked.warnings().size());
            for (Diagnostic d : checked.warnings()) {
                if (d.isError()) throw new IllegalArgumentException("only the results of a folder without errors are kept");
                out.writeUTF(d.problem().file());
                out.writeInt(d.problem().row());
                out.writeBoolean(d.problem().column() != null);
                if (d.problem().column() != null) out.writeUTF(d.problem().column());
                out.writeUTF(d.problem().message());
            }
            out.writeInt(checked.places().size());
            for (Map.Entry<String, List<DuplicateRules.Place>> e : checked.places().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().size());
                for (DuplicateRules.Place p : e.getValue()) {
                    out.writeUTF(p.file());
                    out.writeInt(p.line());
                    out.writeInt(p.column());
                }
            }
            out.writeBoolean(checked.tables() != null);
            if (checked.tables() != null) checked.tables().write(out);
            out.writeBoolean(checked.codes() != null);
            if (checked.codes() != null) {
                out.writeInt(checked.codes().size());
                for (RuleLanguage.CodeUse u : checked.codes()) {
                    out.writeUTF(u.kind().name());
                    out.writeUTF(u.code());
                    out.writeUTF(u.field());
                    out.writeInt(u.offset());
                    out.writeUTF(u.where());
                    out.writeUTF(u.file());
                    out.writeInt(u.line());
                    out.writeInt(u.column());
                }
            }
            out.flush();
            return writeEntry(dir.resolve(key + CHECKS_SUFFIX), CHECKS_MAGIC, key, payload.toByteArray(), CHECKS_SUFFIX);
        } catch (IOException | RuntimeException e) {
            // A text too long for the format (over 64 KB) or an unwritable folder: the checks run next time too.
            return false;
        }
    }

    private void prune(Path keep, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> entries = s.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.equals(keep))
                    .sorted(Comparator.comparing(RuleBaseCache::modified).reversed()).toList();
            for (int i = KEEP - 1; i < entries.size(); i++) Files.deleteIfExists(entries.get(i));
        } catch (IOException | RuntimeException ignored) {
            // Pruning is housekeeping; a leftover entry costs disk space only.
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Fingerprints of this build. The rules are compiled against the fact classes: a new build of
     * those (a renamed getter) makes a compiled entry stale even when the DRL did not change; the
     * checks' results depend on every class. Taken from the jar's directory (name, size and CRC-32
     * of each entry, so the jar's 2 MB are not read on every start) with its manifest's class path
     * (the libraries and their versions), or from the bytes of the classes in a class folder.
     */
    static final class Code {
        private static final Map<String, byte[]> MEMO = new java.util.concurrent.ConcurrentHashMap<>();

        private Code() {
        }

        static final java.util.function.Predicate<String> FACTS = name -> name.startsWith("be/serv/advies/model/") && name.endsWith(".class");
        static final java.util.function.Predicate<String> ALL = name -> name.endsWith(".class") || !name.startsWith("META-INF/");

        /** The fact classes (package {@code model}), for the compiled rules. */
        static byte[] facts() {
            return MEMO.computeIfAbsent("facts", k -> compute(FACTS, false, "Advies-Facts-SHA-256"));
        }

        /** Every class and resource, and the libraries, for the checks' results. */
        static byte[] all() {
            return MEMO.computeIfAbsent("all", k -> compute(ALL, true, "Advies-Code-SHA-256"));
        }

        private static byte[] compute(java.util.function.Predicate<String> entries, boolean withLibraries, String built) {
            Path where = where();
            if (where == null) return String.valueOf(System.nanoTime()).getBytes();
            byte[] fromBuild = fromManifest(where, built, withLibraries);
            return fromBuild != null ? fromBuild : of(where, entries, withLibraries);
        }

        /** Where the program's classes are: its jar, or the class folder the tests run from; null when unknown. */
        static Path where() {
            try {
                CodeSource cs = be.serv.advies.model.Application.class.getProtectionDomain().getCodeSource();
                return cs == null ? null : Path.of(cs.getLocation().toURI());
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }

        private static final java.util.regex.Pattern SHA_256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

        /**
         * The fingerprint the build wrote into the jar's manifest (pom.xml, build-fingerprint), with the
         * libraries of its class path; null for a class folder, or a jar without it (or with the
         * placeholder of a build that skipped that step).
         */
        static byte[] fromManifest(Path where, String attribute, boolean withLibraries) {
            if (where == null || !Files.isRegularFile(where)) return null;
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(where.toFile(), false)) {
                java.util.jar.Manifest m = jar.getManifest();
                if (m == null) return null;
                String value = m.getMainAttributes().getValue(attribute);
                if (value == null || !SHA_256.matcher(value).matches()) return null;
                Fingerprint h = new Fingerprint().add(attribute, value);
                if (withLibraries) h.add("class-path", String.valueOf(m.getMainAttributes().getValue("Class-Path")));
                return h.hex().getBytes();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** The fingerprint of the chosen entries of a jar or class folder. */
        static byte[] of(Path where, java.util.function.Predicate<String> entries, boolean withLibraries) {
            try {
                Fingerprint h = new Fingerprint();
                if (where != null && Files.isRegularFile(where)) {
                    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(where.toFile(), false)) {
                        // The jar's own order: the same jar always lists its entries alike.
                        java.util.Enumeration<java.util.jar.JarEntry> all = jar.entries();
                        byte[] sizeAndCrc = new byte[16];
                        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(sizeAndCrc);
                        while (all.hasMoreElements()) {
                            java.util.jar.JarEntry e = all.nextElement();
                            if (!entries.test(e.getName())) continue;
                            b.putLong(0, e.getSize()).putLong(8, e.getCrc());
                            h.add(e.getName(), sizeAndCrc);
                        }
                        java.util.jar.Manifest m = jar.getManifest();
                        String libraries = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                        if (withLibraries) h.add("class-path", String.valueOf(libraries));
                    }
                    return h.hex().getBytes();
                }
                if (where != null && Files.isDirectory(where)) {
                    List<String> names = new ArrayList<>();
                    try (Stream<Path> s = Files.walk(where)) {
                        for (Path p : s.filter(Files::isRegularFile).toList()) names.add(where.relativize(p).toString().replace('\\', '/'));
                    }
                    names.sort(Comparator.naturalOrder());
                    for (String name : names) if (entries.test(name)) h.add(name, Files.readAllBytes(where.resolve(name)));
                    if (withLibraries) h.add("class-path", System.getProperty("java.class.path", ""));
                    return h.hex().getBytes();
                }
            } catch (IOException | RuntimeException e) {
                // Unknown origin: fall through to a fingerprint that never matches a stored one.
            }
            return String.valueOf(System.nanoTime()).getBytes();
        }
    }
}
