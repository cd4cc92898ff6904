package be.serv.advies.cli;

import be.serv.advies.rules.Diagnostic;
import be.serv.advies.authoring.Validator;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.model.Batch;
import be.serv.advies.rules.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Controleert de regelmap zoals elk commando ze laadt, zonder daarna iets uit te voeren: elke fout " +
                "als bestand:regel:kolom: melding. Ook wat Drools doorlaat: onbekende velden, getal tegenover " +
                "tekst, regels zonder reden of code, wat een then-deel niet mag, dubbele regelnamen, bestanden " +
                "die genegeerd zouden worden. Exitcode 1 bij een fout; waarschuwingen tellen niet."})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--batch", paramLabel = "BATCH_DIR",
            description = "Controleer de drempels en de regels ook tegen deze batch: elk partnerschap en traject dat ze noemen, moet erin bestaan, "
                    + "en de regels lopen over de batch zonder iets te schrijven (bv. of voor elke aanvraag precies één van de regels "
                    + "'geldt' en 'geldt niet' van een code besluit).")
    Path batch;

    /** What only a check against a batch (RuleChecks.WITH_BATCH) or a run over one sees, in one line. */
    static final String NEEDS_BATCH = "Zonder --batch niet nagekeken: of de partnerschappen en trajecten die de regels en de drempels "
            + "noemen, in de catalogus van de batch staan, en of voor elke aanvraag precies één regel besluit dat een code geldt of "
            + "niet geldt (dat doen ook evaluate en test).";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Batch facts = null;
        if (batch != null) {
            try {
                facts = BatchLoader.load(batch);
            } catch (InvalidInputException e) {
                return ExitCodes.report(e, spec.commandLine().getErr());
            }
        }
        // With a batch, the rules load checked against it.
        Validator.Report report = facts == null ? Validator.validate(RuleSet.loadInBackground(rules)) : Validator.validate(rules, facts);
        for (Diagnostic d : report.diagnostics()) out.println(d);
        if (report.ok()) {
            out.println("In orde: " + (report.rules() == null ? 0 : report.rules().rules().size()) + " regels"
                    + (report.warnings() > 0 ? ", " + report.warnings() + " waarschuwing(en)" : "") + ".");
        } else {
            out.println(report.errors() + " fout(en), " + report.warnings() + " waarschuwing(en).");
        }
        if (facts == null) out.println(NEEDS_BATCH);
        return report.ok() ? ExitCodes.OK : ExitCodes.RULES;
    }
}
