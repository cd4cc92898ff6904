package be.serv.advies.server;

import java.net.URI;
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
 * @param publicUrl       the https address a reverse proxy serves this server under, or null; with it
 *                        cookies are {@code Secure} and the client address is taken from the proxy's
 *                        {@code X-Forwarded-For}
 * @param passwordChecks  password checks that may run at once; a login beyond them is refused at once
 */
public record ServerOptions(String host, int port, Duration sessionIdle, Duration loginDelay, boolean watchRules,
                            URI publicUrl, int passwordChecks) {
    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(loginDelay, "loginDelay");
        if (passwordChecks < 1) throw new IllegalArgumentException("passwordChecks < 1");
    }

    public static ServerOptions defaults() {
        // Half the cores at most hash passwords, so a login flood leaves the rest to signed-in reviewers.
        int checks = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new ServerOptions("127.0.0.1", 8080, Duration.ofMinutes(30), Duration.ofMillis(500), true, null, checks);
    }

    public boolean secureCookies() {
        return publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(host, p, sessionIdle, loginDelay, watchRules, publicUrl, passwordChecks);
    }

    public ServerOptions withSessionIdle(Duration d) {
        return new ServerOptions(host, port, d, loginDelay, watchRules, publicUrl, passwordChecks);
    }

    public ServerOptions withLoginDelay(Duration d) {
        return new ServerOptions(host, port, sessionIdle, d, watchRules, publicUrl, passwordChecks);
    }

    public ServerOptions withWatchRules(boolean w) {
        return new ServerOptions(host, port, sessionIdle, loginDelay, w, publicUrl, passwordChecks);
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(h, port, sessionIdle, loginDelay, watchRules, publicUrl, passwordChecks);
    }

    public ServerOptions withPublicUrl(URI u) {
        return new ServerOptions(host, port, sessionIdle, loginDelay, watchRules, u, passwordChecks);
    }

    public ServerOptions withPasswordChecks(int n) {
        return new ServerOptions(host, port, sessionIdle, loginDelay, watchRules, publicUrl, n);
    }
}
