package be.serv.advies.authoring;

import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.Problem;
import be.serv.advies.model.Finding;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleInfo;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import be.serv.advies.verdict.Advice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import be.serv.advies.rules.Background;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs every case file of a rules folder against its compiled rules; {@code advies test} and the Maven suite both use it. */
public final class CaseRunner {
    /** One case's outcome: the draft of A1, the rules that fired, and what differs from the wish (empty = passed). */
    public record Result(CaseFile.Case c, Advice advice, Set<String> fired, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /**
     * All results, the files' problems (a broken case file fails the run), per rule the cases that
     * made it fire, per rule the cases of its own file that did ({@code own}), and the rule files
     * that have no cases file beside them.
     */
    public record Run(List<Result> results, List<Problem> problems, Map<String, Integer> coverage, List<RuleInfo> rules,
                      Map<String, Integer> own, Set<String> withoutCases) {
        public long passed() {
            return results.stream().filter(Result::passed).count();
        }

        /** Failing cases, broken case files, and rules that fire in no case (each counts as one failure). */
        public long failed() {
            return results.size() - passed() + problems.size() + unexercised().size();
        }

        public boolean ok() {
            return failed() == 0;
        }

        public List<String> neverFired() {
            return unexercised().stream().map(RuleInfo::name).toList();
        }

        /**
         * Rules no case of their own file makes fire: a rule nobody has seen fire is a rule nobody has
         * checked, and a case of another sector that happens to make it fire may change for reasons of
         * its own.
         */
        public List<RuleInfo> unexercised() {
            return rules.stream().filter(r -> own.getOrDefault(r.name(), 0) == 0).toList();
        }
    }

    private CaseRunner() {
    }

    /** The case files under a rules folder, relative, in a stable order. */
    public static List<Path> caseFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(CaseFile.SUFFIX))
                    .map(dir::relativize).sorted(Comparator.comparing(Validator::slash)).toList();
        }
    }

    /** Reads every case file of the rules' folder. */
    public static List<CaseFile.Parsed> read(Path dir) throws IOException {
        List<CaseFile.Parsed> out = new ArrayList<>();
        for (Path rel : caseFiles(dir)) out.add(CaseFile.read(dir, rel));
        return out;
    }

    public static Run run(RuleSet rules) throws IOException {
        Objects.requireNonNull(rules, "rules");
        return run(rules, read(rules.dir()));
    }

    /**
     * Runs the cases read from the rules' folder (read while the rules loaded, say). Each case is a
     * session of its own, so they run side by side on all cores; the results keep the files' order.
     */
    public static Run run(RuleSet rules, List<CaseFile.Parsed> files) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(files, "files");
        List<Problem> problems = new ArrayList<>();
        List<CaseFile.Case> cases = new ArrayList<>();
        for (CaseFile.Parsed parsed : files) {
            problems.addAll(parsed.problems());
            cases.addAll(parsed.cases());
        }
        List<Result> results = runAll(rules, cases);
        Map<String, Integer> coverage = new LinkedHashMap<>();
        for (RuleInfo r : rules.rules()) coverage.put(r.name(), 0);
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (RuleInfo r : rules.rules()) fileOf.put(r.name(), r.file());
        Map<String, Integer> own = new LinkedHashMap<>();
        for (Result r : results) {
            for (String rule : r.fired()) {
                coverage.merge(rule, 1, Integer::sum);
                if (fileOf.containsKey(rule) && casesFileOf(fileOf.get(rule)).equals(r.c().file())) own.merge(rule, 1, Integer::sum);
            }
        }
        Set<String> withoutCases = new TreeSet<>();
        for (RuleInfo r : rules.rules()) {
            if (!Files.isRegularFile(rules.dir().resolve(casesFileOf(r.file())))) withoutCases.add(r.file());
        }
        return new Run(results, problems, coverage, rules.rules(), own, withoutCases);
    }

    /** The cases file that belongs to a rule file: sectors/bouw.drl has sectors/bouw.cases.yaml. */
    public static String casesFileOf(String ruleFile) {
        return ruleFile.endsWith(".drl") ? ruleFile.substring(0, ruleFile.length() - 4) + CaseFile.SUFFIX : ruleFile;
    }

    private static List<Result> runAll(RuleSet rules, List<CaseFile.Case> cases) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), cases.size());
        if (threads <= 1) return cases.stream().map(c -> run(rules, c)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "advies-cases");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (CaseFile.Case c : cases) futures.add(pool.submit(() -> run(rules, c)));
            List<Result> results = new ArrayList<>(cases.size());
            for (Future<Result> f : futures) results.add(Background.join(f, "running the cases"));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    public static Result run(RuleSet rules, CaseFile.Case c) {
        RuleSet forCase = c.thresholds().isEmpty() ? rules
                : rules.withThresholds(rules.thresholds().withOverrides(c.thresholds(), c.file()));
        DraftRun run;
        try {
            // The case compares the advice and lists the rules that fired (counted without the trace).
            run = DraftRun.of(c.batch(), forCase, new Evaluator.Options(Set.of(), 0));
        } catch (RuleSetException e) {
            List<String> failures = new ArrayList<>();
            for (Problem p : e.problems()) failures.add("de regels faalden: " + p);
            return new Result(c, null, Set.of(), failures);
        }
        Advice advice = run.advice(CaseFile.SUBJECT).orElseThrow();
        Set<String> fired = new LinkedHashSet<>(run.evaluation().firedCount().keySet());
        return new Result(c, advice, fired, compare(c.want(), advice));
    }

    static List<String> compare(CaseFile.Want want, Advice advice) {
        List<String> failures = new ArrayList<>();
        if (want.verdict() != advice.verdict()) {
            failures.add("advies: verwacht " + want.verdict().label() + ", gekregen " + advice.verdict().label());
        }
        if (want.reasons() != null && !new LinkedHashSet<>(want.reasons()).equals(new LinkedHashSet<>(advice.reasons()))) {
            failures.add("redenen: verwacht " + want.reasons() + ", gekregen " + advice.reasons());
        }
        Set<String> found = new LinkedHashSet<>();
        for (Finding f : advice.findings()) found.add(f.getCode());
        if (want.found() != null) {
            for (String code : want.found()) if (!found.contains(code)) failures.add("bevinding " + code + " verwacht, niet gevonden");
        }
        if (want.notFound() != null) {
            for (String code : want.notFound()) if (found.contains(code)) failures.add("bevinding " + code + " gevonden, niet verwacht");
        }
        return failures;
    }
}
