package be.serv.advies.rules;

import be.serv.advies.geo.Regions;
import be.serv.advies.load.Hashes;
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
    private final Path dir;
    private final KieBase kieBase;
    private final Precedence precedence;
    private final Thresholds thresholds;
    private final Regions regions;
    private final List<RuleInfo> rules;
    private final String hash;
    private final RuleBaseCache.Outcome cacheOutcome;

    private RuleSet(Path dir, KieBase kieBase, Precedence precedence, Thresholds thresholds, Regions regions, List<RuleInfo> rules,
                    String hash, RuleBaseCache.Outcome cacheOutcome) {
        this.dir = dir;
        this.kieBase = kieBase;
        this.precedence = precedence;
        this.thresholds = thresholds;
        this.regions = regions;
        this.rules = List.copyOf(rules);
        this.hash = hash;
        this.cacheOutcome = cacheOutcome;
    }

    public Path dir() { return dir; }
    public KieBase kieBase() { return kieBase; }
    public Precedence precedence() { return precedence; }
    public Thresholds thresholds() { return thresholds; }
    /** The sectors' named regions ({@code regions.csv}); none when the folder has no such file. */
    public Regions regions() { return regions; }
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

    /** Loads the rules, reusing compiled packages from the cache the environment configures. */
    public static RuleSet load(Path dir) throws RuleSetException {
        return load(dir, RuleBaseCache.fromEnvironment());
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

        public RuleSet get() throws RuleSetException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the rules", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuleSetException r) throw r;
                if (c instanceof RuntimeException r) throw r;
                if (c instanceof Error err) throw err;
                throw new IllegalStateException(c);
            }
        }
    }

    public static RuleSet load(Path dir, RuleBaseCache cache) throws RuleSetException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(cache, "cache");
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(List.of(Problem.ofFile(dir.toString(), "regelmap bestaat niet")));
        }
        Hashes.Builder hash = Hashes.builder();
        Map<String, byte[]> drl = new LinkedHashMap<>();
        byte[] precedenceBytes = null;
        byte[] thresholdBytes = null;
        String thresholdFile = Thresholds.FILE;
        byte[] regionBytes = null;
        String regionFile = null;
        try {
            for (Path rel : drlFiles(dir)) {
                byte[] b = Files.readAllBytes(dir.resolve(rel));
                String name = rel.toString().replace('\\', '/');
                drl.put(name, b);
                hash.add(name, b);
            }
            Path prec = dir.resolve(Precedence.FILE);
            if (Files.exists(prec)) {
                precedenceBytes = Files.readAllBytes(prec);
                hash.add(Precedence.FILE, precedenceBytes);
            }
            Path thr = dir.resolve(Thresholds.FILE);
            Path workbook = dir.resolve(Thresholds.WORKBOOK);
            if (Files.exists(thr) && Files.exists(workbook)) {
                problems.add(Problem.ofFile(Thresholds.WORKBOOK, "zowel " + Thresholds.FILE + " als " + Thresholds.WORKBOOK
                        + " bestaan; laat er één staan"));
            } else if (Files.exists(workbook)) {
                thresholdFile = Thresholds.WORKBOOK;
                thresholdBytes = Files.readAllBytes(workbook);
                hash.add(Thresholds.WORKBOOK, thresholdBytes);
            } else if (Files.exists(thr)) {
                thresholdBytes = Files.readAllBytes(thr);
                hash.add(Thresholds.FILE, thresholdBytes);
            }
            boolean csv = Files.exists(dir.resolve(Regions.FILE));
            boolean xlsx = Files.exists(dir.resolve(Regions.WORKBOOK));
            if (csv && xlsx) {
                problems.add(Problem.ofFile(Regions.WORKBOOK, "zowel " + Regions.FILE + " als " + Regions.WORKBOOK
                        + " bestaan; laat er één staan"));
            } else if (csv || xlsx) {
                regionFile = csv ? Regions.FILE : Regions.WORKBOOK;
                regionBytes = Files.readAllBytes(dir.resolve(regionFile));
                hash.add(regionFile, regionBytes);
            }
        } catch (IOException e) {
            throw new RuleSetException(List.of(Problem.ofFile(dir.toString(), "kan niet gelezen worden: " + e.getMessage())));
        }
        Regions regions = regionBytes == null ? Regions.none() : Regions.parse(regionFile, regionBytes, problems);
        if (drl.isEmpty()) problems.add(Problem.ofFile(dir.toString(), "geen enkel regelbestand (.drl) gevonden"));
        Precedence precedence = null;
        if (precedenceBytes == null) problems.add(Problem.ofFile(Precedence.FILE, "bestand ontbreekt in de regelmap"));
        else precedence = Precedence.parse(Precedence.FILE, precedenceBytes, problems);
        Thresholds thresholds = null;
        if (thresholdBytes == null) {
            if (problems.stream().noneMatch(p -> p.file().equals(Thresholds.WORKBOOK))) {
                problems.add(Problem.ofFile(Thresholds.FILE, "bestand ontbreekt in de regelmap (of " + Thresholds.WORKBOOK + ")"));
            }
        } else {
            thresholds = Thresholds.parse(thresholdFile, thresholdBytes, problems);
        }

        if (!problems.isEmpty() && drl.isEmpty()) throw new RuleSetException(problems);
        RuleBaseCache.Result compiled = cache.packages(drl, () -> compile(drl, problems));
        if (!problems.isEmpty()) throw new RuleSetException(problems);
        KieBase kieBase = RuleBaseCache.kieBase(compiled.packages());
        return new RuleSet(dir, kieBase, precedence, thresholds, regions, rulesOf(kieBase), hash.hex(), compiled.outcome());
    }

    /** Compiles the DRL; throws with every located problem, including those found before compiling. */
    private static java.util.Collection<KiePackage> compile(Map<String, byte[]> drl, List<Problem> problems) throws RuleSetException {
        // Facts are immutable and rules only insert findings, so property reactivity buys nothing;
        // turning it off also silences Drools' warnings about constraints on other patterns.
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
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
        return new RuleSet(dir, kieBase, precedence, Objects.requireNonNull(other, "other"), regions, rules, hash, cacheOutcome);
    }

    private static List<RuleInfo> rulesOf(KieBase kieBase) {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) out.add(new RuleInfo(rule.getName(), fileOf(rule)));
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
