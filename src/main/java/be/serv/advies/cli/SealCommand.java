package be.serv.advies.cli;

import be.serv.advies.load.BatchSeal;
import be.serv.advies.load.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.nio.charset.StandardCharsets;

@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Verzegelt een batchmap: toont batch.json met de SHA-256 van elk tabelbestand (sha256). Een verzegeld "
                + "bestand dat daarna op enige manier verandert (afgebroken, half gekopieerd, bewerkt), wordt geweigerd.",
                "Met --write komt die batch.json meteen in de map."})
final class SealCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BATCH_DIR", description = "Map met de tabellen van de batch.")
    Path batchDir;

    @Option(names = "--write", description = "Schrijf batch.json in de map in plaats van ze te tonen.")
    boolean write;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        byte[] sealed;
        try {
            sealed = BatchSeal.bytes(batchDir);
        } catch (InvalidInputException e) {
            return ExitCodes.report(e, err);
        }
        if (!write) {
            spec.commandLine().getOut().print(new String(sealed, StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        Path target = batchDir.resolve("batch.json");
        Path staging = batchDir.resolve(".batch.json.tmp-" + ProcessHandle.current().pid());
        try {
            // Written beside it and renamed: batch.json is never seen half written.
            Files.write(staging, sealed);
            Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(staging);
            } catch (IOException ignored) {
                // a hidden leftover; harmless
            }
            return ExitCodes.writeFailed(e, target, err);
        }
        spec.commandLine().getOut().println("Verzegeld: " + target);
        return ExitCodes.OK;
    }
}
