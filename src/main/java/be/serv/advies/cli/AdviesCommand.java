package be.serv.advies.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code advies} command line: wires the steps together, one class per subcommand. */
@Command(name = "advies",
        mixinStandardHelpOptions = true,
        version = "advies 1.0",
        description = "Ontwerpadvies over de programmatieaanvragen Duaal Leren.",
        subcommands = {EvaluateCommand.class, ExplainCommand.class, ReportCommand.class, ServeCommand.class,
                UserCommand.class, GenerateCommand.class, BenchCommand.class, ValidateCommand.class, TestCommand.class,
                DiffCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exitcodes: 0 gelukt, 1 probleem met de regels, 2 ongeldige invoer, 3 onvoldoende geheugen."})
public final class AdviesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new AdviesCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setResourceBundle(java.util.ResourceBundle.getBundle("be.serv.advies.cli.Messages"));
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
            java.util.List<String> names = new java.util.ArrayList<>();
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

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // Nothing was written (outputs are staged and moved only when complete); say what to do instead of a trace.
            err.println("advies: onvoldoende geheugen voor deze batch; er is niets geschreven. Geef Java meer geheugen, "
                    + "bv. ADVIES_JAVA_OPTS=-Xmx4g bin/advies ...");
            code = ExitCodes.RESOURCES;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
