package be.serv.advies.cli;

import be.serv.advies.generate.BatchGenerator;
import be.serv.advies.output.AtomicOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Schrijft een synthetische batch van elke grootte, altijd dezelfde voor hetzelfde zaadgetal, om " +
                "de beoordeling op schaal te meten en te testen. De batch is verzonnen, niet echt."})
final class GenerateCommand implements Callable<Integer> {
    static final int MAX_APPLICATIONS = 10_000_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--applications", required = true, paramLabel = "N", description = "Aantal aanvragen (1 tot 10.000.000).")
    int applications;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Zaadgetal (standaard: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Map voor de batch.")
    Path out;

    @Option(names = "--per-institution", defaultValue = "5", paramLabel = "N",
            description = "Gemiddeld aantal aanvragen per instelling (standaard: ${DEFAULT-VALUE}; bv. 1200 voor grote instellingen).")
    int perInstitution;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (applications < 1 || applications > MAX_APPLICATIONS) {
            err.println("advies: --applications moet tussen 1 en " + MAX_APPLICATIONS + " liggen, niet " + applications);
            return ExitCodes.INPUT;
        }
        if (perInstitution < 1) {
            err.println("advies: --per-institution moet minstens 1 zijn, niet " + perInstitution);
            return ExitCodes.INPUT;
        }
        Map<String, byte[]> files = BatchGenerator.generate(applications, seed, perInstitution);
        AtomicOutput output = new AtomicOutput(out);
        files.forEach(output::add);
        try {
            output.commit();
        } catch (IOException e) {
            return ExitCodes.writeFailed(e, out, err);
        }
        spec.commandLine().getOut().printf("%d aanvragen gegenereerd (zaad %d) in %s%n", applications, seed, out);
        return ExitCodes.OK;
    }
}
