package be.serv.advies.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every word a user reads is Dutch, picocli's own help lines and complaints about arguments included. */
class HelpInDutchTest {
    private static final String[] ENGLISH = {"Usage:", "Show this help", "Print version", "Commands:", "Options:",
            "Missing required", "Unknown option", "Invalid value", "Display help information"};

    private static void noEnglish(Shell.Result r) {
        for (String english : ENGLISH) {
            assertFalse((r.out() + r.err()).contains(english), r.command() + " writes '" + english + "':\n" + r.out() + r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "explain", "report", "serve", "user", "generate", "bench", "seal", "validate", "test", "diff", "help"})
    void everyCommandsHelpIsDutch(String command) {
        // Given / When a command's help is asked
        Shell.Result r = shell(command, "--help");
        // Then its headings and the standard options speak Dutch
        assertThat(r).succeeded().outContains("Gebruik: advies " + command);
        if (!command.equals("help")) assertThat(r).outContains("Toon deze hulp en stop.").outContains("Opties:");
        noEnglish(r);
    }

    @Test
    void theTopLevelHelpListsTheCommandsInDutch() {
        Shell.Result r = shell("--help");
        assertThat(r).succeeded().outContains("Gebruik: advies").outContains("Commando's:").outContains("Toon de versie en stop.");
        noEnglish(r);
    }

    @Test
    void aMissingArgumentIsSaidInDutchWithWhereTheHelpIs() {
        Shell.Result r = shell("evaluate");
        assertThat(r).exitedWith(2).errContains("advies: ontbreekt: ").errContains("Zie 'advies evaluate --help'.");
        noEnglish(r);
    }

    @Test
    void anUnknownOptionIsSaidInDutch() {
        Shell.Result r = shell("validate", "--regels", "rules");
        assertThat(r).exitedWith(2).errContains("advies: onbekende optie of te veel argumenten: --regels");
        noEnglish(r);
    }
}
