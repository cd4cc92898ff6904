package be.serv.advies.cli;

import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.ReviewStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Maakt een reservekopie van de beoordelingsdatabank, ook terwijl de beoordelingsserver draait: een "
                + "samenhangende kopie van één ogenblik (een bulkbevestiging zit er helemaal in of helemaal niet), "
                + "nagekeken met de integriteitscontrole van SQLite.",
                "Terugzetten: stop de server, vervang review.db door de kopie (en verwijder review.db-wal en review.db-shm), "
                        + "start de server opnieuw."})
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    UserCommand.Database database;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "Het bestand voor de kopie; het mag nog niet bestaan.")
    Path to;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = database.file(err);
        if (file == null) return ExitCodes.INPUT;
        if (!Files.exists(file)) {
            err.println("advies: " + file + " bestaat niet");
            return ExitCodes.INPUT;
        }
        try (ReviewStore store = ReviewStore.open(file)) {
            String check = store.backup(to, "advies backup (" + System.getProperty("user.name", "?") + ")");
            if (!check.equals("ok")) {
                err.println("advies: de reservekopie " + to + " is gemaakt, maar de integriteitscontrole meldt: " + check);
                return ExitCodes.INPUT;
            }
            out.println("Reservekopie van " + file + " gemaakt in " + to + " (integriteitscontrole: ok).");
            return ExitCodes.OK;
        } catch (ReviewStoreException e) {
            err.println("advies: " + e.getMessage());
            return ExitCodes.INPUT;
        }
    }
}
