package be.serv.advies.cli;

import be.serv.advies.review.Passwords;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Beheert de beoordelaars van de beoordelingsserver.",
        subcommands = {UserCommand.Add.class})
final class UserCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** At least this long: the accounts guard decisions that go to the minister. */
    static final int MIN_PASSWORD = 10;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Voegt een beoordelaar toe. Het wachtwoord wordt gevraagd (twee keer) of, zonder terminal,",
                    "als eerste regel van de standaardinvoer gelezen; opgeslagen als gezouten PBKDF2-hash."})
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Naam van de beoordelaar, zoals hij in de beslissingen verschijnt.")
        String name;

        @Option(names = "--db", paramLabel = "FILE", description = "Beoordelingsdatabank (standaard: BATCH_DIR/review.db met --batch).")
        Path db;

        @Option(names = "--batch", paramLabel = "BATCH_DIR", description = "Batchmap; de databank is dan BATCH_DIR/review.db.")
        Path batch;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (db == null && batch == null) {
                err.println("advies: geef --db FILE of --batch BATCH_DIR");
                return ExitCodes.INPUT;
            }
            String n = name.strip();
            if (n.isEmpty() || n.length() > 80 || n.chars().anyMatch(Character::isISOControl)) {
                err.println("advies: ongeldige naam '" + name + "'");
                return ExitCodes.INPUT;
            }
            Path file = db != null ? db : batch.resolve("review.db");
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
            if (password.length < MIN_PASSWORD) {
                err.println("advies: het wachtwoord moet minstens " + MIN_PASSWORD + " tekens hebben; er is niets opgeslagen");
                return ExitCodes.INPUT;
            }
            try (ReviewStore store = ReviewStore.open(file)) {
                store.addUser(n, Passwords.hash(password));
            } catch (ReviewStoreException e) {
                err.println("advies: " + e.getMessage());
                return ExitCodes.INPUT;
            } finally {
                Arrays.fill(password, '\0');
            }
            out.println("Beoordelaar '" + n + "' toegevoegd aan " + file);
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
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }
}
