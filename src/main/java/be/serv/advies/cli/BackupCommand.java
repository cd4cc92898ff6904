package be.serv.advies.cli;

import be.serv.advies.review.ReviewStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Maakt een reservekopie van de beoordelingsdatabank, ook terwijl de beoordelingsserver draait: een "
                + "samenhangende kopie van één ogenblik (een bulkbevestiging zit er helemaal in of helemaal niet), "
                + "nagekeken met de integriteitscontrole van SQLite.",
                "Terugzetten: stop de server, vervang review.db door de kopie (en verwijder review.db-wal en review.db-shm), "
                        + "start de server opnieuw."})
final class BackupCommand extends UserCommand.OnDatabase {
    @Option(names = "--to", paramLabel = "FILE", required = true, description = "Het bestand voor de kopie; het mag nog niet bestaan.")
    Path to;

    @Override
    int run(ReviewStore store, PrintWriter out, PrintWriter err) {
        String check = store.backup(to, "advies backup (" + System.getProperty("user.name", "?") + ")");
        if (!check.equals("ok")) {
            err.println("advies: de reservekopie " + to + " is gemaakt, maar de integriteitscontrole meldt: " + check);
            return ExitCodes.INPUT;
        }
        out.println("Reservekopie van " + store.file() + " gemaakt in " + to + " (integriteitscontrole: ok).");
        return ExitCodes.OK;
    }
}
