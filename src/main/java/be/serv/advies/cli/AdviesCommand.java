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
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof CommandFailed failed) return failed.exitCode;
            line.getErr().println("advies: onverwachte fout: " + ex);
            return ExitCodes.RULES;
        });
        return cl;
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
