package be.serv.advies.cli;

import be.serv.advies.authoring.Scaffold;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.Locale;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Maakt een nieuw criterium van een sector aan: sectors/NAAM.drl met een regel die al juist aan het "
                + "traject van de aanvraag gekoppeld is, sectors/NAAM.cases.yaml met een geval waarin ze vuurt en een waarin "
                + "niet, en de code in precedence.yaml. Overschrijft niets. Pas daarna de voorwaarde en de tekst aan en "
                + "voer 'advies test' uit.",
                "  advies new bouw-dakwerken --sector BOUW --soort bemerking"})
final class NewCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAAM", description = "Naam van het criterium in kleine letters met '-', bv. bouw-dakwerken.")
    String name;

    @Option(names = "--sector", required = true, paramLabel = "CODE", description = "Het partnerschap, bv. BOUW.")
    String sector;

    @Option(names = "--soort", required = true, paramLabel = "SOORT",
            description = "bemerking (positief met bemerkingen), negatief of signaal (verandert het advies niet).")
    String kind;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}).")
    Path rules;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(rules)) {
            err.println("advies: regelmap " + rules + " bestaat niet");
            return ExitCodes.INPUT;
        }
        Scaffold.Kind k;
        try {
            k = Scaffold.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("advies: soort '" + kind + "': kies bemerking, negatief of signaal");
            return ExitCodes.INPUT;
        }
        try {
            for (String f : Scaffold.write(rules, name, sector, k)) out.println("Geschreven: " + rules.resolve(f));
        } catch (Scaffold.Refused e) {
            err.println("advies: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        out.println("Pas de voorwaarde en de tekst aan, en voer daarna 'advies test --rules " + rules + "' uit.");
        return ExitCodes.OK;
    }
}
