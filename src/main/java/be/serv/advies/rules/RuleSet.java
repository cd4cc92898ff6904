package be.serv.advies.rules;

import be.serv.advies.geo.Regions;
import be.serv.advies.model.Batch;
import be.serv.advies.load.Problem;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * Everything under the rules folder that decides an advice: the DRL rule files, the precedence
 * between findings and the sectors' thresholds. Loaded as a whole or refused with every problem
 * located in the file a person wrote.
 *
 * <p>The DRL is compiled at run time in the classic (mvel) form rather than the executable model:
 * it builds about twice as fast for a rule set this size and reports errors against the DRL line,
 * not against generated Java, which is what a sector expert editing a rule needs.</p>
 */
public final class RuleSet {
    /** The class loader the rules are compiled, read back from the cache and run with: the program's own. */
    static final ClassLoader CLASSES = RuleSet.class.getClassLoader();

    private final Path dir;
    private final KieBase kieBase;
    private final Precedence precedence;
    private final Thresholds thresholds;
    private final Regions regions;
    private final List<RuleInfo> rules;
    private final String hash;
    private final RuleBaseCache.Outcome cacheOutcome;

    private final List<Diagnostic> warnings;
    /** The folder as the door read it, for the checks that wait for a batch ({@link #against}). */
    private final RuleFolder folder;
    private final Map<String, RuleInfo> byName = new java.util.HashMap<>();

    private RuleSet(Path dir, KieBase kieBase, Precedence precedence, Thresholds thresholds, Regions regions, List<RuleInfo> rules,
                    String hash, RuleBaseCache.Outcome cacheOutcome, List<Diagnostic> warnings, RuleFolder folder) {
        this.folder = folder;
        this.dir = dir;
        this.kieBase = kieBase;
        this.precedence = precedence;
        this.thresholds = thresholds;
        this.regions = regions;
        this.rules = List.copyOf(rules);
        this.hash = hash;
        this.cacheOutcome = cacheOutcome;
        this.warnings = List.copyOf(warnings);
        for (RuleInfo r : this.rules) byName.put(r.name(), r);
    }

    /**
     * These rules, checked against the batch they will run on ({@link RuleChecks#WITH_BATCH}): what
     * {@link #load(Path, Batch)} does in one step, for rules that were loaded while the batch was read.
     */
    public RuleSet against(Batch batch) throws RuleSetException {
        Objects.requireNonNull(batch, "batch");
        List<Diagnostic> out = new ArrayList<>(warnings);
        for (RuleCheck check : RuleChecks.WITH_BATCH) check.check(folder, batch, out);
        if (out.size() == warnings.size()) return this;
        out.sort(java.util.Comparator.naturalOrder());
        if (out.stream().anyMatch(Diagnostic::isError)) throw RuleSetException.of(out);
        return new RuleSet(dir, kieBase, precedence, thresholds, regions, rules, hash, cacheOutcome, out, folder);
    }

    /** What the door said without refusing: printed by every command, blocks nothing. */
    public List<Diagnostic> warnings() { return warnings; }

    /** A rule by name (names are unique in a rule set the door let through), with its file and line. */
    public java.util.Optional<RuleInfo> rule(String name) { return java.util.Optional.ofNullable(byName.get(name)); }

    public Path dir() { return dir; }
    public KieBase kieBase() { return kieBase; }
    public Precedence precedence() { return precedence; }
    public Thresholds thresholds() { return thresholds; }
    /** The sectors' named regions ({@code regions.csv}); none when the folder has no such file. */
    public Regions regions() { return regions; }
    /**
     * Per reason code with both an "applies" and a "cleared" rule, the names of those rules, read
     * from the consequences ({@code Finding.applies($a, "CODE", ...)} and {@code Finding.doesNotApply}).
     */
    public Map<String, Complement> complements() {
        Map<String, Complement> c = complements;
        if (c == null) {
            complements = c = RuleLanguage.complements(folder.codeUses() != null ? folder.codeUses() : RuleLanguage.uses(folder));
        }
        return c;
    }

    private volatile Map<String, Complement> complements;

    /** Every rule, in file order then name. */
    public List<RuleInfo> rules() { return rules; }
    /** SHA-256 over every file that decides an advice (DRL, precedence, thresholds, regions). */
    public String hash() { return hash; }
    /** Whether the compiled rules came from the cache ({@link RuleBaseCache}). */
    public RuleBaseCache.Outcome cacheOutcome() { return cacheOutcome; }

    /** The DRL files under a rules folder, relative paths in a stable order. */
    public static List<Path> drlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".drl"))
                    .map(dir::relativize)
                    .sorted(Comparator.comparing(p -> p.toString().replace('\\', '/')))
                    .toList();
        }
    }

    /** The door without a batch at hand (validate, test): every check but those against a batch. */
    public static RuleSet load(Path dir) throws RuleSetException {
        return load(dir, null, RuleBaseCache.fromEnvironment());
    }

    /** The door with the batch the rules will run on, so the thresholds are checked against it too. */
    public static RuleSet load(Path dir, Batch batch) throws RuleSetException {
        return load(dir, batch, RuleBaseCache.fromEnvironment());
    }

    /**
     * Starts {@link #load(Path)} on its own thread, for a command that has other work to do first
     * (reading a batch): on two cores the two overlap.
     */
    public static Pending loadInBackground(Path dir) {
        Objects.requireNonNull(dir, "dir");
        FutureTask<RuleSet> task = new FutureTask<>(() -> load(dir));
        Thread t = new Thread(task, "advies-rules");
        t.setDaemon(true);
        t.start();
        return new Pending(task);
    }

    /** Rules being loaded; {@link #get} waits and reports as {@link #load(Path)} would. */
    public static final class Pending {
        private final FutureTask<RuleSet> task;

        private Pending(FutureTask<RuleSet> task) {
            this.task = task;
        }

        /** The rules, checked against the batch they will run on too (the door with a batch at hand). */
        public RuleSet get(Batch batch) throws RuleSetException {
            return get().against(batch);
        }

        public RuleSet get() throws RuleSetException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the rules", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuleSetException r) throw r;
                throw Background.unchecked(e.getCause());
            }
        }
    }

    public static RuleSet load(Path dir, RuleBaseCache cache) throws RuleSetException {
        return load(dir, null, cache);
    }

    /**
     * The one way in for a rule set, used by every command and by the review server's reload: reads
     * the folder, runs every check of {@link RuleChecks} (and those against {@code batch} when there
     * is one), compiles unless a check found code that must not run, and refuses the rule set with
     * every error located in the file a person wrote. Warnings do not refuse; they come with the
     * rule set ({@link #warnings()}) or with the refusal.
     */
    public static RuleSet load(Path dir, Batch batch, RuleBaseCache cache) throws RuleSetException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(cache, "cache");
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(List.of(Problem.ofFile(dir.toString(), "regelmap bestaat niet")));
        }
        List<Diagnostic> out = new ArrayList<>();
        // The checks' results are kept, like the compiled rules, under a key of every file in the
        // folder and of this build: a folder that passed them once passes them again, with the same
        // warnings. Only a clean pass is kept; a folder with an error is checked on every load. Such
        // a folder is recognised as soon as its files are read, and its compiled rules are read back
        // while the tables are parsed.
        PassedBefore passed = new PassedBefore(cache);
        RuleFolder folder = RuleFolder.read(dir, out, passed);
        boolean harmful = false;
        String checksKey = out.isEmpty() ? passed.checksKey() : null;
        RuleBaseCache.Checked known = checksKey == null ? null : passed.checked();
        Map<String, List<DuplicateRules.Place>> places = null;
        FutureTask<List<Diagnostic>> rest = null;
        if (known != null) {
            out.addAll(known.warnings());
            places = known.places();
            folder.codeUses(known.codes());
        } else {
            // The checks up to the rule language check run first: harmful code never reaches the compiler. The
            // others read the folder only, so they run beside the compile on the other core.
            List<RuleCheck> checks = RuleChecks.BEFORE_COMPILE;
            int next = 0;
            while (next < checks.size()) {
                RuleCheck check = checks.get(next++);
                int before = out.size();
                check.check(folder, null, out);
                if (check instanceof RuleLanguage) {
                    harmful = out.subList(before, out.size()).stream().anyMatch(Diagnostic::isError);
                    break;
                }
            }
            List<RuleCheck> others = checks.subList(next, checks.size());
            rest = new FutureTask<>(() -> {
                List<Diagnostic> found = new ArrayList<>();
                for (RuleCheck check : others) check.check(folder, null, found);
                return found;
            });
            if (harmful) {
                rest.run();
            } else {
                Thread t = new Thread(rest, "advies-checks");
                t.setDaemon(true);
                t.start();
            }
        }
        List<Problem> compileProblems = List.of();
        RuleBaseCache.Result compiled = null;
        KieBase kieBase = null;
        PassedBefore.Loaded loaded = known != null && !folder.drlBytes().isEmpty() ? passed.ruleBase() : null;
        if (loaded != null) {
            compiled = new RuleBaseCache.Result(loaded.packages(), RuleBaseCache.Outcome.HIT);
            kieBase = loaded.kieBase();
        } else if (!harmful && !folder.drlBytes().isEmpty()) {
            try {
                compiled = cache.packages(folder.drlBytes(), () -> compile(folder.drlBytes(), new ArrayList<>()));
            } catch (RuleSetException e) {
                compileProblems = e.problems();
            }
        }
        if (rest != null) {
            out.addAll(Background.join(rest, "checking the rules"));
            places = DuplicateRules.places(folder);
            if (checksKey != null && out.stream().noneMatch(Diagnostic::isError)) {
                FolderTables tables = folder.precedence() == null || folder.thresholds() == null ? null
                        : new FolderTables(folder.precedence(), folder.thresholds(), folder.regions(), folder.hash());
                cache.storeChecked(checksKey, new RuleBaseCache.Checked(List.copyOf(out), places, tables, folder.codeUses()));
            }
        }
        if (batch != null) for (RuleCheck check : RuleChecks.WITH_BATCH) check.check(folder, batch, out);
        merge(compileProblems, out);
        out.sort(java.util.Comparator.naturalOrder());
        if (compiled == null || out.stream().anyMatch(Diagnostic::isError)) throw RuleSetException.of(out);
        if (kieBase == null) kieBase = RuleBaseCache.kieBase(compiled.packages());
        return new RuleSet(dir, kieBase, folder.precedence(), folder.thresholds(), folder.regions(), rulesOf(kieBase, places), folder.hash(),
                compiled.outcome(), out, folder);
    }

    /**
     * Compiles without any check: only for tests of the engine's run-time guards, which must be
     * shown to hold for code the door would never let through. Not reachable from outside the package.
     */
    static RuleSet compileWithoutChecks(Path dir) throws RuleSetException {
        List<Diagnostic> out = new ArrayList<>();
        RuleFolder folder = RuleFolder.read(dir, out);
        if (out.stream().anyMatch(Diagnostic::isError)) throw RuleSetException.of(out);
        KieBase kieBase = RuleBaseCache.kieBase(compile(folder.drlBytes(), new ArrayList<>()));
        return new RuleSet(dir, kieBase, folder.precedence(), folder.thresholds(), folder.regions(),
                rulesOf(kieBase, DuplicateRules.places(folder)), folder.hash(), RuleBaseCache.Outcome.OFF, List.of(), folder);
    }

    private static final java.util.regex.Pattern RULE_NAME = java.util.regex.Pattern.compile("regel(?:naam)? '([^']+)'");

    /**
     * Adds the compiler's problems that the checks did not already name: the same place, or the same
     * rule, keeps the plainer message of the check; a duplicate name is the check's to report.
     */
    private static void merge(List<Problem> compile, List<Diagnostic> out) {
        java.util.Set<String> located = new java.util.HashSet<>();
        java.util.Set<String> rulesWithError = new java.util.HashSet<>();
        boolean duplicates = false;
        for (Diagnostic d : out) {
            if (!d.isError()) continue;
            located.add(d.problem().file() + ":" + d.problem().row());
            java.util.regex.Matcher m = RULE_NAME.matcher(d.problem().message());
            if (m.find()) rulesWithError.add(d.problem().file() + ":" + m.group(1));
            if (d.problem().message().contains("komt meer dan eens voor")) duplicates = true;
        }
        for (Problem p : compile) {
            if (p.row() > 0 && located.contains(p.file() + ":" + p.row())) continue;
            java.util.regex.Matcher m = RULE_NAME.matcher(p.message());
            if (m.find() && rulesWithError.contains(p.file() + ":" + m.group(1))) continue;
            if (duplicates && p.message().toLowerCase(java.util.Locale.ROOT).contains("duplicate")) continue;
            out.add(new Diagnostic(Diagnostic.Severity.ERROR, p));
        }
    }

    /** Compiles the DRL; throws with every located problem, including those found before compiling. */
    private static java.util.Collection<KiePackage> compile(Map<String, byte[]> drl, List<Problem> problems) throws RuleSetException {
        // Facts are immutable and rules only insert findings, so property reactivity buys nothing;
        // turning it off also silences Drools' warnings about constraints on other patterns.
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, CLASSES);
        conf.setOption(PropertySpecificOption.ALLOWED);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        for (Map.Entry<String, byte[]> e : drl.entrySet()) {
            Resource r = ResourceFactory.newByteArrayResource(e.getValue());
            r.setSourcePath(e.getKey());
            r.setResourceType(ResourceType.DRL);
            builder.add(r, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            Map<String, String> sources = new LinkedHashMap<>();
            drl.forEach((k, v) -> sources.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8)));
            List<Problem> compile = new ArrayList<>();
            for (KnowledgeBuilderError err : builder.getErrors()) compile.add(toProblem(err, sources));
            // "Parser returned a null Package" only repeats that the file has a syntax error.
            for (Problem p : compile) {
                boolean echo = p.message().equals(DrlMessages.NULL_PACKAGE)
                        && compile.stream().anyMatch(q -> q != p && q.file().equals(p.file()));
                if (!echo) problems.add(p);
            }
        }
        if (!problems.isEmpty()) throw new RuleSetException(problems);
        return builder.getKnowledgePackages();
    }

    static Problem toProblem(KnowledgeBuilderError err, Map<String, String> sources) {
        String file = err.getResource() == null || err.getResource().getSourcePath() == null
                ? "regels" : err.getResource().getSourcePath();
        int line = 0;
        String column = null;
        if (err instanceof ParserError pe) {
            line = pe.getRow();
            // The parser counts columns from 0; editors and people count from 1.
            column = pe.getCol() >= 0 && pe.getRow() > 0 ? String.valueOf(pe.getCol() + 1) : null;
        } else if (err.getLines() != null && err.getLines().length > 0) {
            line = err.getLines()[0];
        }
        String message = err.getMessage() == null ? err.toString() : err.getMessage().strip();
        if (err instanceof org.drools.compiler.compiler.RuleBuildError rb && rb.getRule() != null
                && message.startsWith("Rule Compilation error") && !message.contains("[Rule name=")) {
            message = "Rule Compilation error : [Rule name='" + rb.getRule().getName() + "'] (0:0) : "
                    + message.substring("Rule Compilation error".length()).strip();
        }
        DrlMessages.Located located = DrlMessages.translate(message, sources.get(file), line);
        if (located.line() > 0) {
            line = located.line();
            column = located.column() > 0 ? String.valueOf(located.column()) : column;
        }
        return new Problem(file, Math.max(line, 0), column, located.message());
    }

    /** The same rules with other thresholds: the compiled rule base is shared, nothing is rebuilt. */
    public RuleSet withThresholds(Thresholds other) {
        return new RuleSet(dir, kieBase, precedence, Objects.requireNonNull(other, "other"), regions, rules, hash, cacheOutcome, warnings, folder);
    }

    private static List<RuleInfo> rulesOf(KieBase kieBase, Map<String, List<DuplicateRules.Place>> places) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                List<DuplicateRules.Place> at = places.getOrDefault(rule.getName(), List.of());
                out.add(new RuleInfo(rule.getName(), fileOf(rule), at.isEmpty() ? 0 : at.get(0).line()));
            }
        }
        out.sort(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name));
        return out;
    }

    /** The rule file a rule was written in, relative to the rules folder. */
    public static String fileOf(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            return impl.getResource().getSourcePath();
        }
        return "?";
    }
}
