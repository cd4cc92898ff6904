package be.serv.advies.cli;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.review.Account;
import be.serv.advies.review.Passwords;
import be.serv.advies.review.Role;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.review.ReviewStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Beheert de beoordelaars van de beoordelingsserver.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;


    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the review database is: {@code --db FILE}, or {@code review.db} in {@code --batch}. */
    static final class Database {
        @Option(names = "--db", paramLabel = "FILE", description = "Beoordelingsdatabank (standaard: BATCH_DIR/review.db met --batch).")
        Path db;

        @Option(names = "--batch", paramLabel = "BATCH_DIR", description = "Batchmap; de databank is dan BATCH_DIR/review.db.")
        Path batch;

        /** The file, or null after saying on {@code err} that neither option was given. */
        Path file(PrintWriter err) {
            if (db == null && batch == null) {
                err.println("advies: geef --db FILE of --batch BATCH_DIR");
                return null;
            }
            return db != null ? db : batch.resolve("review.db");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Voegt een beoordelaar toe. Het wachtwoord wordt gevraagd (twee keer) of, zonder terminal, als " +
                    "eerste regel van de standaardinvoer gelezen; opgeslagen als gezouten PBKDF2-hash.",
                    "Rollen: secretariaat (alles), sector (beslist enkel over de aanvragen van de sectoren in " +
                    "--sectors, bekijkt de andere zonder te beslissen), lezer (bekijkt alles, beslist niets)."})
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Naam van de beoordelaar, zoals hij in de beslissingen verschijnt.")
        String name;

        @CommandLine.Mixin
        Database database;

        @Option(names = "--role", paramLabel = "ROL", required = true, description = "secretariaat, sector of lezer.")
        String role;

        @Option(names = "--sectors", paramLabel = "CODES", split = ",",
                description = "Voor de rol sector: de codes van de sectorpartnerschappen, bv. HORECA,BOUW (met --batch nagekeken).")
        List<String> sectors = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path file = database.file(err);
            if (file == null) return ExitCodes.INPUT;
            Path batch = database.batch;
            String n = name.strip();
            Optional<Role> r = Role.of(role);
            if (r.isEmpty()) {
                err.println("advies: onbekende rol '" + role + "'; kies secretariaat, sector of lezer");
                return ExitCodes.INPUT;
            }
            Set<String> codes = new TreeSet<>();
            for (String c : sectors) if (!c.isBlank()) codes.add(c.strip());
            Set<String> known = null;
            if (batch != null && !codes.isEmpty()) {
                try {
                    known = new TreeSet<>();
                    for (var p : BatchLoader.load(batch).getPartnerships()) known.add(p.getCode());
                } catch (InvalidInputException e) {
                    err.println("advies: kan de sectoren niet nakijken, de batch " + batch + " leest niet: " + e.getMessage());
                    return ExitCodes.INPUT;
                }
            }
            // Everything but the password first, so a mistake is known before the password is asked.
            Optional<String> problem = Account.problem(n, r.get(), codes, known, Account.MIN_PASSWORD);
            if (problem.isPresent()) {
                err.println("advies: " + problem.get() + "; er is niets opgeslagen");
                return ExitCodes.INPUT;
            }
            char[] password;
            try {
                password = readPassword(err);
            } catch (IOException e) {
                err.println("advies: kan het wachtwoord niet lezen: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            if (password == null) {
                err.println("advies: de twee wachtwoorden verschillen; er is niets opgeslagen");
                return ExitCodes.INPUT;
            }
            Optional<String> weak = Account.problem(n, r.get(), codes, known, password.length);
            if (weak.isPresent()) {
                Arrays.fill(password, '\0');
                err.println("advies: " + weak.get() + "; er is niets opgeslagen");
                return ExitCodes.INPUT;
            }
            try (ReviewStore store = ReviewStore.open(file)) {
                store.addUser(n, Passwords.hash(password), r.get(), codes, "advies user add (" + System.getProperty("user.name", "?") + ")");
            } catch (ReviewStoreException e) {
                err.println("advies: " + e.getMessage());
                return ExitCodes.INPUT;
            } finally {
                Arrays.fill(password, '\0');
            }
            out.println("Beoordelaar '" + n + "' (" + r.get().label() + (codes.isEmpty() ? "" : ": " + String.join(", ", codes))
                    + ") toegevoegd aan " + file);
            return ExitCodes.OK;
        }

        private static char[] readPassword(PrintWriter err) throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Wachtwoord: ");
                char[] second = console.readPassword("Nog eens: ");
                if (first == null || second == null || !Arrays.equals(first, second)) return null;
                Arrays.fill(second, '\0');
                return first;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, ConsoleCharset.get()));
            String line = in.readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Toont de beoordelaars met hun rol en sectoren.")
    static final class ListUsers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Database database;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path file = database.file(err);
            if (file == null) return ExitCodes.INPUT;
            if (!java.nio.file.Files.exists(file)) {
                err.println("advies: " + file + " bestaat niet");
                return ExitCodes.INPUT;
            }
            try (ReviewStore store = ReviewStore.open(file)) {
                for (Account a : store.accounts()) {
                    out.println(a.name() + "\t" + a.role().label() + (a.sectors().isEmpty() ? "" : "\t" + String.join(",", new TreeSet<>(a.sectors()))));
                }
            } catch (ReviewStoreException e) {
                err.println("advies: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            return ExitCodes.OK;
        }
    }
}
