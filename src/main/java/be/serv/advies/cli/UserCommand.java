package be.serv.advies.cli;

import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.InvalidInputException;
import be.serv.advies.review.Account;
import be.serv.advies.review.AccountState;
import be.serv.advies.review.SessionRecord;
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
import java.nio.file.Files;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Beheert de beoordelaars van de beoordelingsserver.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class, UserCommand.Enable.class,
                UserCommand.Reset.class, UserCommand.ChangePassword.class, UserCommand.SetRole.class, UserCommand.Unlock.class,
                UserCommand.ListSessions.class, UserCommand.EndSessions.class})
final class UserCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;


    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(java.time.ZoneId.of("Europe/Brussels"));

    /** Who did it, for the audit log: the command and the system user running it. */
    static String actor(String command) {
        return "advies user " + command + " (" + System.getProperty("user.name", "?") + ")";
    }

    /** The partnership codes of a batch, to check sectors against. */
    static Set<String> knownSectors(Path batch) throws InvalidInputException {
        Set<String> known = new TreeSet<>();
        for (var p : BatchLoader.load(batch).getPartnerships()) known.add(p.getCode());
        return known;
    }

    /** A command on an existing review database: opens it, runs, and reports a store's refusal in Dutch. */
    abstract static class OnDatabase implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Database database;

        /** Does the work; returns the exit code. */
        abstract int run(ReviewStore store, PrintWriter out, PrintWriter err) throws IOException;

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
                return run(store, out, err);
            } catch (ReviewStoreException | IOException e) {
                err.println("advies: " + e.getMessage());
                return ExitCodes.INPUT;
            }
        }
    }

    /**
     * One change to one existing account: runs {@code change} and prints what it did; a running
     * server applies it at that reviewer's next request.
     */
    abstract static class AccountChange extends OnDatabase {
        @Parameters(index = "0", paramLabel = "NAME", description = "Naam van de beoordelaar.")
        String name;

        /** Makes the change; returns the line to print, or null after saying on {@code err} why nothing changed. */
        abstract String change(ReviewStore store, AccountState account, PrintWriter err) throws IOException;

        @Override
        int run(ReviewStore store, PrintWriter out, PrintWriter err) throws IOException {
            Optional<AccountState> account = store.accountState(name);
            if (account.isEmpty()) {
                err.println("advies: beoordelaar '" + name + "' bestaat niet; er is niets gewijzigd");
                return ExitCodes.INPUT;
            }
            String done = change(store, account.get(), err);
            if (done == null) return ExitCodes.INPUT;
            out.println(done);
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Schakelt een account uit: aanmelden kan niet meer en open sessies eindigen bij hun volgende verzoek. "
                    + "De beslissingen behouden de naam van de beoordelaar.")
    static final class Disable extends AccountChange {
        @Override
        String change(ReviewStore store, AccountState a, PrintWriter err) {
            store.setDisabled(a.name(), true, actor("disable"));
            store.endSessions(a.name(), null, true);
            return "Account '" + a.name() + "' uitgeschakeld.";
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Schakelt een uitgeschakeld account weer in.")
    static final class Enable extends AccountChange {
        @Override
        String change(ReviewStore store, AccountState a, PrintWriter err) {
            store.setDisabled(a.name(), false, actor("enable"));
            return "Account '" + a.name() + "' weer ingeschakeld.";
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Geeft een account een tijdelijk wachtwoord (hier getoond, persoonlijk door te geven); bij de volgende "
                    + "aanmelding kiest de beoordelaar een eigen wachtwoord. Open sessies eindigen.")
    static final class Reset extends AccountChange {
        @Override
        String change(ReviewStore store, AccountState a, PrintWriter err) {
            String temporary = Passwords.temporary();
            store.resetPassword(a.name(), Passwords.hash(temporary.toCharArray()), actor("reset"));
            return "Tijdelijk wachtwoord voor '" + a.name() + "': " + temporary;
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Zet een nieuw eigen wachtwoord voor een account, gevraagd (twee keer) of als eerste regel van de "
                    + "standaardinvoer gelezen. Andere sessies van die beoordelaar eindigen.")
    static final class ChangePassword extends AccountChange {
        @Override
        String change(ReviewStore store, AccountState a, PrintWriter err) throws IOException {
            char[] password = Add.readPassword(err);
            if (password == null) {
                err.println("advies: de twee wachtwoorden verschillen; er is niets gewijzigd");
                return null;
            }
            try {
                if (password.length < Account.MIN_PASSWORD) {
                    err.println("advies: het wachtwoord moet minstens " + Account.MIN_PASSWORD + " tekens hebben; er is niets gewijzigd");
                    return null;
                }
                store.changeOwnPassword(a.name(), Passwords.hash(password), null);
            } finally {
                Arrays.fill(password, '\0');
            }
            return "Wachtwoord van '" + a.name() + "' gewijzigd.";
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = "Wijzigt de rol en sectoren van een account; een open sessie gebruikt ze vanaf haar volgende verzoek.")
    static final class SetRole extends AccountChange {
        @Option(names = "--role", paramLabel = "ROL", required = true, description = "secretariaat, sector of lezer.")
        String role;

        @Option(names = "--sectors", paramLabel = "CODES", split = ",", description = "Voor de rol sector: de codes van de sectorpartnerschappen.")
        List<String> sectors = new ArrayList<>();

        @Override
        String change(ReviewStore store, AccountState a, PrintWriter err) {
            Optional<Role> r = Role.of(role);
            if (r.isEmpty()) {
                err.println("advies: onbekende rol '" + role + "'; kies secretariaat, sector of lezer");
                return null;
            }
            Set<String> codes = new TreeSet<>();
            for (String c : sectors) if (!c.isBlank()) codes.add(c.strip());
            Set<String> known;
            try {
                known = database.batch == null ? null : knownSectors(database.batch);
            } catch (InvalidInputException e) {
                err.println("advies: kan de sectoren niet nakijken, de batch " + database.batch + " leest niet: " + e.getMessage());
                return null;
            }
            Optional<String> problem = Account.problem(a.name(), r.get(), codes, known, Account.MIN_PASSWORD);
            if (problem.isPresent()) {
                err.println("advies: " + problem.get() + "; er is niets gewijzigd");
                return null;
            }
            store.setRole(a.name(), r.get(), codes, actor("role"));
            return "Rol van '" + a.name() + "': " + r.get().label() + (codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")") + ".";
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Vergeet de foute aanmeldpogingen voor een naam, ook in een draaiende server (bij de volgende aanmelding).")
    static final class Unlock extends AccountChange {
        @Override
        String change(ReviewStore store, AccountState a, PrintWriter err) {
            store.unlock(a.name(), actor("unlock"));
            return "De foute aanmeldpogingen voor '" + a.name() + "' zijn vergeten.";
        }
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true, description = "Toont de open sessies (wie, van waar, sinds wanneer).")
    static final class ListSessions extends OnDatabase {
        @Override
        int run(ReviewStore store, PrintWriter out, PrintWriter err) {
            out.println("sessie\tnaam\tadres\taangemeld\tlaatst actief");
            for (SessionRecord r : store.openSessions()) {
                out.println(r.id().substring(0, 12) + "\t" + r.name() + "\t" + r.address() + "\t" + TIME.format(r.started())
                        + "\t" + TIME.format(r.lastSeen()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "end-sessions", mixinStandardHelpOptions = true,
            description = "Beëindigt alle sessies van een beoordelaar, of met --session één sessie (de code uit 'advies user sessions'); "
                    + "de browser merkt het bij zijn volgende verzoek.")
    static final class EndSessions extends AccountChange {
        @Option(names = "--session", paramLabel = "CODE", description = "Enkel deze sessie (minstens 8 tekens van de code).")
        String session;

        @Override
        String change(ReviewStore store, AccountState a, PrintWriter err) {
            if (session != null) {
                if (session.strip().length() < 8) {
                    err.println("advies: geef minstens 8 tekens van de sessiecode; er is niets gewijzigd");
                    return null;
                }
                boolean theirs = store.openSessions().stream().anyMatch(r -> r.id().startsWith(session.strip()) && r.name().equals(a.name()));
                if (!theirs) {
                    err.println("advies: '" + a.name() + "' heeft geen open sessie " + session.strip() + "; er is niets gewijzigd");
                    return null;
                }
                int n = store.endSessions(session.strip(), actor("end-sessions"), false);
                return n + " sessie(s) van '" + a.name() + "' beëindigd.";
            }
            int n = store.endSessions(a.name(), actor("end-sessions"), true);
            return n + " sessie(s) van '" + a.name() + "' beëindigd.";
        }
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
                    known = knownSectors(batch);
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

        static char[] readPassword(PrintWriter err) throws IOException {
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Toont de beoordelaars met hun rol, sectoren, toestand en laatste aanmelding.")
    static final class ListUsers extends OnDatabase {
        @Override
        int run(ReviewStore store, PrintWriter out, PrintWriter err) {
            out.println("naam\trol\tsectoren\ttoestand\tlaatst aangemeld");
            for (AccountState st : store.accountStates()) {
                Account a = st.account();
                out.println(a.name() + "\t" + a.role().label() + "\t" + String.join(",", new TreeSet<>(a.sectors())) + "\t"
                        + (st.disabled() ? "uitgeschakeld" : st.mustChange() ? "moet wachtwoord kiezen" : "actief") + "\t"
                        + (st.lastSignIn() == null ? "nooit" : TIME.format(st.lastSignIn())));
            }
            return ExitCodes.OK;
        }
    }
}
