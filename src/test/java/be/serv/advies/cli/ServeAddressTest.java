package be.serv.advies.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;

/**
 * Defect 6: {@code --host 0.0.0.0} listened on every interface without a word, and an address not of
 * this computer was reported as "Port already in use". None of these tests binds anything but
 * 127.0.0.1: the warning comes before the batch is read, so a missing batch ends the run first.
 */
class ServeAddressTest {
    @TempDir
    Path tmp;

    @Test
    void everyInterfaceWithoutAPublicUrlGetsALoudWarning() {
        assertThat(shell("serve", tmp.resolve("geen-batch").toString(), "--host", "0.0.0.0", "--port", "0"))
                .exitedWith(ExitCodes.INPUT).errContains("WAARSCHUWING: advies serve luistert op 0.0.0.0")
                .errContains("--public-url https://");
        assertThat(shell("serve", tmp.resolve("geen-batch").toString(), "--host", "0.0.0.0", "--port", "0", "--public-url", "https://advies.serv.test/"))
                .exitedWith(ExitCodes.INPUT).errHasNo("WAARSCHUWING");
        assertThat(shell("serve", tmp.resolve("geen-batch").toString(), "--port", "0")).exitedWith(ExitCodes.INPUT).errHasNo("WAARSCHUWING");
    }

    @Test
    void aPublicUrlMustBeHttps() {
        assertThat(shell("serve", tmp.resolve("geen-batch").toString(), "--public-url", "http://advies.serv.test/"))
                .exitedWith(ExitCodes.INPUT).errContains("--public-url moet een https-adres zijn");
    }

    @Test
    void anAddressOfAnotherComputerIsRefusedForWhatItIs() {
        // 192.0.2.1 is TEST-NET-1: documentation only, never an address of this machine
        assertThat(shell("serve", "src/test/resources/batches/small", "--host", "192.0.2.1", "--port", "0", "--db", tmp.resolve("r.db").toString()))
                .exitedWith(ExitCodes.INPUT).errContains("--host 192.0.2.1 (192.0.2.1) is geen adres van deze computer").errHasNo("in use");
        assertThat(shell("serve", "src/test/resources/batches/small", "--host", "geen-computer.invalid", "--port", "0"))
                .exitedWith(ExitCodes.INPUT).errContains("is geen adres dat deze computer kent");
    }

    @Test
    void aPortInUseIsReportedAsSuch() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(shell("serve", "src/test/resources/batches/small", "--port", String.valueOf(taken.getLocalPort()),
                    "--db", tmp.resolve("review.db").toString()))
                    .exitedWith(ExitCodes.INPUT).errContains("de poort is al in gebruik door een ander programma");
        }
    }
}
