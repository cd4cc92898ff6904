package be.serv.advies.cli;

import be.serv.advies.authoring.Diagnostic;
import be.serv.advies.authoring.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Controleert de regelmap: elke fout als bestand:regel:kolom: melding, in het Nederlands.",
                "Ook wat Drools doorlaat: onbekende velden, getal tegenover tekst, regels zonder reden of code,",
                "bestanden die genegeerd zouden worden. Exitcode 1 bij een fout; waarschuwingen tellen niet."})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}).")
    Path rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Validator.Report report = Validator.validate(rules);
        for (Diagnostic d : report.diagnostics()) out.println(d);
        if (report.ok()) {
            out.println("In orde: " + (report.rules() == null ? 0 : report.rules().rules().size()) + " regels"
                    + (report.warnings() > 0 ? ", " + report.warnings() + " waarschuwing(en)" : "") + ".");
            return ExitCodes.OK;
        }
        out.println(report.errors() + " fout(en), " + report.warnings() + " waarschuwing(en).");
        return ExitCodes.RULES;
    }
}
