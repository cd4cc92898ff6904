package be.serv.advies.cli;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.model.Batch;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.report.AnnexWorkbook;
import be.serv.advies.report.PreviousYear;
import be.serv.advies.report.Report;
import be.serv.advies.report.ReportFiles;
import be.serv.advies.report.YearFigures;
import be.serv.advies.review.Decision;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.ReviewStoreException;
import be.serv.advies.review.Reviewed;
import be.serv.advies.review.ReviewedWorkbook;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import be.serv.advies.output.AtomicOutput;
import be.serv.advies.rules.Diagnostic;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Maakt het rapport over een batch: de cijfers per net, provincie en niveau, het advies per " +
                "sectoraal partnerschap (Tabel 1) en de tekorten zonder aanvraag.",
                "Schrijft OUT_DIR/report.json, report.html, report.pdf, report.docx en annex.xlsx, alle vijf of geen."})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BATCH_DIR", description = "Map van de batch.")
    Path batchDir;

    @Option(names = "--out", required = true, paramLabel = "OUT_DIR", description = "Map voor het rapport.")
    Path out;

    @Option(names = "--previous", paramLabel = "PREVIOUS",
            description = "Vorig schooljaar: de batchmap (beoordeeld met dezelfde regels), of een report.json of summary.json.")
    Path previous;

    @CommandLine.Mixin
    PreviousAdviceOption lastYearsAdvice;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Beoordelingsdatabank van 'advies serve': tel het beslist advies waar een beoordelaar besliste, "
                    + "anders het ontwerpadvies, en vul in annex.xlsx het bevestigd advies, de reden van een wijziging en de beoordelaar in.")
    Path db;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DraftRun run;
        YearFigures before = null;
        try {
            AtomicOutput.check(out, ReportFiles.NAMES);
        } catch (AtomicOutput.Refused e) {
            err.println("advies: --out " + out + ": " + e.getMessage() + "; er is niets geschreven.");
            return ExitCodes.INPUT;
        }
        try {
            // The rules load on the other core while the batch is read; bad input is still reported first,
            // even when the rules are broken too.
            RuleSet.Pending pending = RuleSet.loadInBackground(rules);
            Batch batch = Drafting.load(batchDir, lastYearsAdvice.file, err);
            RuleSet ruleSet = Drafting.rules(pending, batch, err);
            if (previous != null) before = PreviousYear.load(previous, year -> againstPrevious(ruleSet, year, err));
            run = DraftRun.of(batch, ruleSet);
        } catch (InvalidInputException e) {
            return ExitCodes.report(e, err);
        } catch (RuleSetException e) {
            return ExitCodes.report(e, err);
        }
        Map<String, Decision> latest = Map.of();
        if (db != null) {
            if (!Files.isRegularFile(db)) {
                err.println(db + ": beoordelingsdatabank bestaat niet; er is niets geschreven.");
                return ExitCodes.INPUT;
            }
            try (ReviewStore store = ReviewStore.open(db)) {
                latest = store.latestAll();
            } catch (ReviewStoreException e) {
                err.println("advies: " + e.getMessage() + "; er is niets geschreven.");
                return ExitCodes.INPUT;
            }
        }
        Report report = Report.of(Reviewed.apply(run, latest), before, commandLine());
        try {
            ReportFiles.write(report, db == null ? AnnexWorkbook.bytes(run) : ReviewedWorkbook.bytes(run, latest), out);
        } catch (IOException e) {
            return ExitCodes.writeFailed(e, out, err);
        }
        stdout.printf("Rapport %s: %d aanvragen SO, %d BuSO%s%n", report.schoolYear() == null ? batchDir : report.schoolYear(),
                report.so().count(), report.buso().count(),
                before == null ? "" : ", vergeleken met " + (before.schoolYear() == null ? previous : before.schoolYear()));
        for (Report.VerdictRow v : report.soVerdicts()) stdout.printf("  %-24s %4d%n", v.verdict().label(), v.applications().count());
        stdout.printf("  %d nieuwe trajecten zonder aanvraag, %d van de %d tekorten zonder aanvraag%n",
                report.newWithoutApplication().size(),
                report.signalledShortages().stream().filter(s -> !s.answered()).count(), report.signalledShortages().size());
        stdout.println("Geschreven: " + out.resolve("report.html") + ", report.pdf, report.docx, report.json, annex.xlsx");
        return ExitCodes.OK;
    }

    /**
     * Last year's batch goes through the same door as this year's: a thresholds row for a code only
     * this year has is a warning, a slip of a code last year had stops the report.
     */
    private RuleSet againstPrevious(RuleSet rules, Batch year, PrintWriter err) throws RuleSetException {
        RuleSet checked = rules.against(year);
        for (Diagnostic d : checked.warnings()) {
            if (!rules.warnings().contains(d)) err.println("--previous " + previous + ": " + d);
        }
        return checked;
    }

    /** The command as the colophon names it: what made these figures, without where they were written. */
    private String commandLine() {
        StringBuilder b = new StringBuilder("advies report ").append(batchDir);
        if (previous != null) b.append(" --previous ").append(previous);
        if (!rules.equals(Path.of("rules"))) b.append(" --rules ").append(rules);
        if (db != null) b.append(" --db ").append(db);
        return b.toString();
    }
}
