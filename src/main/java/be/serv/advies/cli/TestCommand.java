package be.serv.advies.cli;

import be.serv.advies.authoring.CaseReport;
import be.serv.advies.authoring.Watcher;
import be.serv.advies.rules.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Voert de gevallen naast de regels uit (*.cases.yaml) en toont per mislukt geval het verwachte en " +
                "het gekregen advies, en elke regel die in geen enkel geval vuurt.",
                "Laatste regel: N geslaagd, N mislukt. Exitcode 1 bij een mislukking."})
final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--coverage", description = "Toon per regel in hoeveel gevallen ze vuurde, en welke regels nooit vuurden.")
    boolean coverage;

    @Option(names = "--watch", description = "Blijf wachten: bij elke wijziging in de regelmap opnieuw opbouwen en uitvoeren (Ctrl-C stopt).")
    boolean watch;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(rules)) {
            spec.commandLine().getErr().println("advies: regelmap " + rules + " bestaat niet");
            return ExitCodes.INPUT;
        }
        Watcher.Outcome first = Watcher.once(rules, RuleSet.loadInBackground(rules), out);
        if (coverage && first.run() != null) CaseReport.coverage(first.run(), out);
        out.flush();
        if (watch) {
            // Watching starts before the message, so a save made as soon as it shows is seen.
            try (Watcher w = new Watcher(rules)) {
                w.warmUp(Watcher.WARM_UPS);
                out.println("Wacht op wijzigingen in " + rules + " (Ctrl-C stopt) ...");
                out.flush();
                w.loop(out, o -> {
                    if (coverage && o.run() != null) CaseReport.coverage(o.run(), out);
                });
            }
            return ExitCodes.OK;
        }
        return first.run() != null && first.run().ok() ? ExitCodes.OK : ExitCodes.RULES;
    }
}
