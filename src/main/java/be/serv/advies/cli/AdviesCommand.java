package be.serv.advies.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** The {@code advies} command line: wires the steps together, one class per subcommand. */
@Command(name = "advies",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "Ontwerpadvies over de programmatieaanvragen Duaal Leren.",
        footer = {"", "Exitcodes: 0 gelukt, 1 probleem met de regels, 2 ongeldige invoer, 3 onvoldoende geheugen, 4 schrijven mislukt."})
public final class AdviesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The subcommands in the order the help lists them. Registered here rather than in the annotation,
     * so a command line that names one builds only that one: picocli reads every registered command's
     * annotations and loads the classes of its fields: 34-78 ms of {@code validate} and {@code explain}
     * (docs/performance.md, the table of start-up devices).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("evaluate", EvaluateCommand::new);
        m.put("explain", ExplainCommand::new);
        m.put("report", ReportCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("user", UserCommand::new);
        m.put("backup", BackupCommand::new);
        m.put("generate", GenerateCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("seal", SealCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("test", TestCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("new", NewCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** The whole command line, every subcommand registered. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line for these arguments: when they start with a subcommand's name (other than
     * {@code help}), only that subcommand is registered; otherwise all are, for the help and for
     * picocli's suggestion of the nearest name.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new AdviesCommand());
        String first = args != null && args.length > 0 ? args[0] : null;
        boolean one = first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help");
        SUBCOMMANDS.forEach((name, command) -> {
            if (!one || name.equals(first)) cl.addSubcommand(name, command.get());
        });
        versionEverywhere(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setResourceBundle(ResourceBundle.getBundle("be.serv.advies.cli.Messages"));
        CommandLine help = cl.getSubcommands().get("help");
        if (help != null) {
            help.getCommandSpec().usageMessage().header("Toont de hulp bij een commando.")
                    .description("Zonder COMMANDO de hulp bij advies zelf, anders die bij dat commando.");
        }
        cl.setParameterExceptionHandler(AdviesCommand::badArguments);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof CommandFailed failed) return failed.exitCode;
            // Every expected failure is reported where it happens; this is a fault of the program, said without its Java text.
            line.getErr().println("advies: onverwachte fout in het programma; er is niets geschreven. Meld dit met het commando dat u gaf.");
            return ExitCodes.RULES;
        });
        return cl;
    }

    /** picocli's own complaints about arguments, in Dutch, with where to find the help. */
    private static int badArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String what;
        if (ex instanceof CommandLine.MissingParameterException missing) {
            List<String> names = new ArrayList<>();
            for (CommandLine.Model.ArgSpec a : missing.getMissing()) {
                names.add(a instanceof CommandLine.Model.OptionSpec o ? o.longestName() + " " + o.paramLabel() : a.paramLabel());
            }
            what = "ontbreekt: " + String.join(", ", names);
        } else if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            what = "onbekende optie of te veel argumenten: " + String.join(" ", unmatched.getUnmatched());
        } else if (ex instanceof CommandLine.OverwrittenOptionException overwritten) {
            what = "optie twee keer gegeven: " + (overwritten.getOverwritten() instanceof CommandLine.Model.OptionSpec o
                    ? o.longestName() : overwritten.getOverwritten().paramLabel());
        } else if (ex.getArgSpec() != null) {
            CommandLine.Model.ArgSpec a = ex.getArgSpec();
            what = "ongeldige waarde voor " + (a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel())
                    + (ex.getValue() != null ? ": '" + ex.getValue() + "'" : "");
        } else {
            what = "de argumenten kunnen niet gelezen worden";
        }
        err.println("advies: " + what);
        err.println("Zie '" + cl.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.INPUT;
    }

    /** Every subcommand's -V prints what {@code advies -V} prints: the version Maven built. */
    private static void versionEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new BuildVersion());
            versionEverywhere(sub);
        }
    }

    public static void main(String[] args) {
        // slf4j looks for its provider in every jar of the class path, 60-90 ms of a cold start on the
        // thread that logs first; the program ships one provider, so it is named. Its notice that it
        // was named is left out. Either given on the command line wins.
        if (System.getProperty("slf4j.provider") == null) System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "WARN");
        Charset charset = ConsoleCharset.get();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        int code;
        try {
            code = commandLine(out, err, args).execute(args);
        } catch (OutOfMemoryError e) {
            // Nothing was written (outputs are staged and moved only when complete); say what to do instead of a trace.
            err.println("advies: onvoldoende geheugen voor deze batch; er is niets geschreven. Geef Java meer geheugen, "
                    + (System.getProperty("os.name", "").startsWith("Windows")
                        ? "bv. met 'set ADVIES_JAVA_OPTS=-Xmx4g' en dan opnieuw bin\\advies ..."
                        : "bv. ADVIES_JAVA_OPTS=-Xmx4g bin/advies ..."));
            code = ExitCodes.RESOURCES;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
