package be.serv.advies.cli;

import be.serv.advies.bench.Bench;
import be.serv.advies.bench.ColdStart;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.rules.RuleSetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Arrays;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Meet de snelheid: regels compileren tegenover de cache, beoordelen per aanvraag bij groeiende " +
                "gegenereerde batches naast een gewone Java-lus, geheugen, en (met --cold-start) de koude start " +
                "van de commando's die men herhaalt, als volledig proces. Elke meting vermeldt de machine en haar " +
                "belasting."})
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

    @Option(names = "--cold-start", arity = "0..1", fallbackValue = "", paramLabel = "BATCH_DIR",
            description = {"Meet de koude start als volledig proces van evaluate, validate, test, explain en diff op " +
                    "BATCH_DIR (standaard: de meegeleverde batch fixtures/2022-2023), en van evaluate en test na een " +
                    "regelwijziging. Zonder --sizes enkel dat."})
    String coldStart;

    @Option(names = "--cold-java-option", paramLabel = "OPT", description = "JVM-optie voor de koude-startprocessen (herhaalbaar).")
    List<String> coldJavaOptions = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1 || sizes.length == 0 || Arrays.stream(sizes).anyMatch(n -> n < 1)) {
            err.println("advies: --runs en --sizes moeten positief zijn");
            return ExitCodes.INPUT;
        }
        int p = partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors();
        Bench bench = new Bench(out, rules);
        out.println("machine   " + Bench.machine());
        out.flush();
        boolean scale = coldStart == null || spec.commandLine().getParseResult().hasMatchedOption("--sizes");
        try {
            if (scale) {
                bench.rules(runs);
                out.printf("scale     generated batches, seed %d, %d session(s), findings only; plain = same criteria as a Java loop%n", seed, p);
                bench.scale(sizes, seed, runs, p);
            }
            if (coldStart != null) {
                Path batch = coldStart.isEmpty() ? rules.toAbsolutePath().resolveSibling("fixtures").resolve("2022-2023") : Path.of(coldStart);
                new ColdStart(out, rules, batch, coldJavaOptions).run(runs);
            }
        } catch (RuleSetException e) {
            return ExitCodes.report(e, err);
        } catch (InvalidInputException e) {
            return ExitCodes.report(e, err);
        }
        return ExitCodes.OK;
    }
}
