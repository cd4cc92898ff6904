package be.serv.advies.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Picocli starts a new line for every element of a description and wraps each at the screen's
 * width; an element that ends mid-sentence leaves a ragged stump of a line in the help.
 */
class HelpParagraphsTest {
    @Test
    void everyDescriptionLineIsAWholeParagraphOrAnExampleCommand() {
        // Given every command, subcommand, option and parameter
        CommandLine root = AdviesCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> broken = new ArrayList<>();
        collect(root, broken);
        // Then each element of a description ends a sentence, or is an indented example command
        assertEquals(List.of(), broken);
    }

    private static void collect(CommandLine cl, List<String> broken) {
        CommandSpec spec = cl.getCommandSpec();
        check(spec.qualifiedName(), spec.usageMessage().description(), broken);
        for (ArgSpec arg : spec.args()) check(spec.qualifiedName() + " " + arg.paramLabel(), arg.description(), broken);
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, broken);
    }

    private static void check(String where, String[] description, List<String> broken) {
        for (String line : description) {
            String end = line.strip();
            if (line.startsWith("  advies ") || end.endsWith(".") || end.endsWith(".)") || end.endsWith("?") || end.endsWith("!")) continue;
            broken.add(where + ": " + line);
        }
    }
}
