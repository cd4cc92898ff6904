package be.serv.advies.cli;

import be.serv.advies.authoring.Diff;
import be.serv.advies.authoring.GitRules;
import be.serv.advies.authoring.ShippedRules;
import be.serv.advies.engine.Evaluator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.model.Batch;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.rules.RuleSet;
import be.serv.advies.rules.RuleSetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Toont wat een wijziging aan de regels doet met een batch: elke aanvraag waarvan het advies, de " +
                "redenen of de motivering verandert, en het aantal per advies voor en na.",
                "  advies diff BATCH_DIR --rules OUDE_MAP --against NIEUWE_MAP",
                "  advies diff BATCH_DIR --shipped [--against rules]",
                "  advies diff BATCH_DIR --rules-rev GIT_REVISIE [--against rules]"})
final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BATCH_DIR", description = "Map van de batch.")
    Path batchDir;

    @Option(names = "--rules", paramLabel = "OLD_DIR", description = "De regels vóór de wijziging.")
    Path oldRules;

    @Option(names = "--rules-rev", paramLabel = "GIT_REV", description = "De regels vóór de wijziging, zoals ze in git stonden bij deze revisie (bv. HEAD, main, een commit).")
    String revision;

    @Option(names = "--shipped", description = "De regels vóór de wijziging zijn die van deze versie van advies, zoals ze "
            + "geleverd werden (zonder git).")
    boolean shipped;

    @Option(names = "--against", paramLabel = "NEW_DIR", defaultValue = "${sys:advies.rules:-rules}", description = "De regels na de wijziging (standaard: ${DEFAULT-VALUE}).")
    Path newRules;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((oldRules != null ? 1 : 0) + (revision != null ? 1 : 0) + (shipped ? 1 : 0) != 1) {
            err.println("advies: geef de oude regels met --shipped, --rules OLD_DIR of --rules-rev GIT_REV (één van de drie)");
            return ExitCodes.INPUT;
        }
        if (shipped) {
            try (ShippedRules rules = ShippedRules.open()) {
                return compare(rules.rules(), out, err);
            } catch (IOException e) {
                err.println("advies: " + e.getMessage());
                return ExitCodes.INPUT;
            }
        }
        if (revision == null) return compare(oldRules, out, err);
        GitRules.Checkout checkout;
        try {
            checkout = GitRules.checkout(newRules, revision);
        } catch (GitRules.GitException | IOException e) {
            // Users of the release have no git; the rules it shipped are in the jar.
            err.println("advies: kan de regels van revisie " + revision + " niet ophalen: " + e.getMessage()
                    + ". Zonder git vergelijkt u met de regels van deze versie: advies diff " + batchDir + " --shipped");
            return ExitCodes.INPUT;
        }
        try (checkout) {
            return compare(checkout.rules(), out, err);
        }
    }

    private int compare(Path old, PrintWriter out, PrintWriter err) {
        // Both rule sets load while the batch is read; problems are still reported batch first.
        RuleSet.Pending oldSet = RuleSet.loadInBackground(old);
        RuleSet.Pending newSet = RuleSet.loadInBackground(newRules);
        Batch batch;
        try {
            batch = BatchLoader.load(batchDir);
        } catch (InvalidInputException e) {
            return ExitCodes.report(e, err);
        }
        // What depends on the batch alone is worked out once, for both sides, while the rules load.
        Evaluator.Prepared prepared = Evaluator.prepare(batch);
        // Advice only: the comparison reads verdicts, reasons and motivations, never the firing trace.
        Evaluator.Options findings = Evaluator.Options.findingsOnly(Runtime.getRuntime().availableProcessors());
        DraftRun before;
        DraftRun after;
        try {
            before = DraftRun.of(prepared, Drafting.rules(oldSet, batch, err), findings);
        } catch (RuleSetException e) {
            err.println("advies: de oude regels (" + (revision != null ? "revisie " + revision : shipped ? "de geleverde regels" : old) + ") laden niet:");
            return ExitCodes.report(e, err);
        }
        try {
            after = DraftRun.of(prepared, Drafting.rules(newSet, batch, err), findings);
        } catch (RuleSetException e) {
            err.println("advies: de nieuwe regels (" + newRules + ") laden niet:");
            return ExitCodes.report(e, err);
        }
        out.println("Oud: " + (revision != null ? "revisie " + revision : shipped ? "de geleverde regels" : old) + "   nieuw: " + newRules);
        Diff.print(Diff.of(before, after), batch, out);
        return ExitCodes.OK;
    }
}
