package be.serv.advies.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a review server runs.
 *
 * @param host            address to bind; 127.0.0.1 unless the operator chooses otherwise
 * @param port            0 for any free port
 * @param sessionIdle     a session unused this long ends
 * @param loginDelay      the wait after the first wrong password; it doubles with each further one
 * @param watchRules      reload the rules when files under the rules folder change
 */
public record ServerOptions(String host, int port, Duration sessionIdle, Duration loginDelay, boolean watchRules) {
    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(loginDelay, "loginDelay");
    }

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 8080, Duration.ofMinutes(30), Duration.ofMillis(500), true);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(host, p, sessionIdle, loginDelay, watchRules);
    }

    public ServerOptions withSessionIdle(Duration d) {
        return new ServerOptions(host, port, d, loginDelay, watchRules);
    }

    public ServerOptions withLoginDelay(Duration d) {
        return new ServerOptions(host, port, sessionIdle, d, watchRules);
    }

    public ServerOptions withWatchRules(boolean w) {
        return new ServerOptions(host, port, sessionIdle, loginDelay, w);
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(h, port, sessionIdle, loginDelay, watchRules);
    }
}
