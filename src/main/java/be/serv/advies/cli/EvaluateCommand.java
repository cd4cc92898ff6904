package be.serv.advies.cli;

import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.ProblemReport;
import be.serv.advies.output.Annex;
import be.serv.advies.report.AnnexWorkbook;
import be.serv.advies.output.AtomicOutput;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import be.serv.advies.authoring.CaseReport;
import be.serv.advies.model.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Stelt voor elke aanvraag van een batch een ontwerpadvies met motivering op.",
                "Schrijft OUT_DIR/annex.json, annex.csv, summary.json en annex.xlsx, alle vier of geen. annex.csv is voor programma's; open annex.xlsx om de annex te lezen of af te drukken."})
final class EvaluateCommand implements Callable<Integer> {
    static final String WORKBOOK = "annex.xlsx";
    /** What evaluate writes, all or none. */
    static final List<String> FILES = Stream.concat(Annex.FILES.stream(), Stream.of(WORKBOOK)).toList();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BATCH_DIR", description = "Map met de aanvragen, catalogus, capaciteit, partnerschappen en tekorten.")
    Path batchDir;

    @Option(names = "--out", required = true, paramLabel = "OUT_DIR", description = "Map voor de resultaten.")
    Path out;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}).")
    Path rules;

    @CommandLine.Mixin
    PreviousAdviceOption lastYearsAdvice;

    @Option(names = "--coverage", description = "Toon daarna per regel voor hoeveel aanvragen ze vuurde, en welke regels nooit vuurden.")
    boolean coverage;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The rules start loading at once; when --out is refused they are simply not waited for.
        RuleSet.Pending pending = RuleSet.loadInBackground(rules);
        try {
            AtomicOutput.check(out, FILES);
        } catch (AtomicOutput.Refused e) {
            err.println("advies: --out " + out + ": " + e.getMessage() + "; er is niets geschreven.");
            return ExitCodes.INPUT;
        }
        // The annex needs findings, not the firing trace; the batch is spread over the cores.
        DraftRun run = Drafting.draft(batchDir, lastYearsAdvice.file, pending, Evaluator.Options.findingsOnly(Runtime.getRuntime().availableProcessors()), err);
        try {
            // annex.xlsx is the annex for people (Excel keeps its institution numbers' leading zeros); annex.csv stays for programs.
            Annex.write(run, out, Map.of(WORKBOOK, o -> AnnexWorkbook.write(run, id -> null, o)));
        } catch (IOException e) {
            return ExitCodes.writeFailed(e, out, err);
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) counts.put(v, 0);
        for (Advice a : run.advices()) counts.merge(a.verdict(), 1, Integer::sum);
        stdout.printf("%d aanvragen beoordeeld (%s)%n", run.advices().size(),
                run.batch().getSchoolYear() == null ? batchDir : run.batch().getSchoolYear());
        counts.forEach((v, c) -> stdout.printf("  %-24s %4d%n", v.label(), c));
        // What was consumed, per file: a table that lost rows on the way shows here, beside the count the user expects.
        stdout.println("Gelezen: " + run.batch().getRowsRead().entrySet().stream()
                .map(e -> e.getKey() + " " + ProblemReport.number(e.getValue()) + (e.getValue() == 1 ? " rij" : " rijen"))
                .collect(Collectors.joining(", ")));
        stdout.println("Geschreven: " + out.resolve("annex.json") + ", annex.csv, summary.json, " + WORKBOOK);
        if (coverage) {
            Map<String, Integer> byRule = new LinkedHashMap<>();
            // Evaluate keeps no trace (findings only, for speed); every rule inserts a finding attributed
            // to it (validate refuses one that does not), so a finding's rule is a rule that fired.
            for (Advice a : run.advices()) {
                run.evaluation().findings(a.applicationId()).stream().map(Finding::getRule)
                        .filter(Objects::nonNull).distinct().forEach(rule -> byRule.merge(rule, 1, Integer::sum));
            }
            CaseReport.batchCoverage(run.rules().rules(), byRule, stdout);
        }
        return ExitCodes.OK;
    }
}
