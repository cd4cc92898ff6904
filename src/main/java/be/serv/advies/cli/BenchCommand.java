package be.serv.advies.cli;

import be.serv.advies.bench.Bench;
import be.serv.advies.rules.RuleSetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Meet de snelheid: regels compileren tegenover de cache, beoordelen per aanvraag bij",
                "groeiende gegenereerde batches naast een gewone Java-lus, geheugen, en (met --cold-start)",
                "de koude start van evaluate als volledig proces. Elke meting vermeldt de machine."})
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:advies.rules:-rules}", description = "Regelmap (standaard: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "1000,10000,100000",
            description = "Batchgroottes (standaard: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(names = "--seed", defaultValue = "1", description = "Zaadgetal van de gegenereerde batches (standaard: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs", defaultValue = "5", description = "Gemeten herhalingen per meting; de mediaan telt (standaard: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--partitions", defaultValue = "0", description = "Sessies naast elkaar (standaard: aantal kernen).")
    int partitions;

    @Option(names = "--cold-start", paramLabel = "BATCH_DIR", description = "Meet ook de koude start van 'evaluate BATCH_DIR' als proces.")
    Path coldStart;

    @Option(names = "--cold-java-option", paramLabel = "OPT", description = "JVM-optie voor de koude-startprocessen (herhaalbaar).")
    List<String> coldJavaOptions = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || sizes.length == 0 || java.util.Arrays.stream(sizes).anyMatch(n -> n < 1)) {
            err.println("advies: --runs en --sizes moeten positief zijn");
            return ExitCodes.INPUT;
        }
        int p = partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors();
        Bench bench = new Bench(out, rules);
        out.println("machine   " + Bench.machine());
        out.flush();
        try {
            bench.rules(runs);
            out.printf("scale     generated batches, seed %d, %d session(s), findings only; plain = same criteria as a Java loop%n", seed, p);
            bench.scale(sizes, seed, runs, p);
            if (coldStart != null) bench.coldStart(coldStart, runs, coldJavaOptions);
        } catch (RuleSetException e) {
            return ExitCodes.report(e, err);
        }
        return ExitCodes.OK;
    }
}
