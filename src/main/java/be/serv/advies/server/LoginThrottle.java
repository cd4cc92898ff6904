package be.serv.advies.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per account name: after each wrong password the name is closed for a
 * wait that doubles (from {@code base}, at most {@link #MAX}); an attempt in that window is refused
 * without looking at the password, so guessing in parallel gains nothing. A right password resets it.
 */
final class LoginThrottle {
    static final Duration MAX = Duration.ofSeconds(30);

    private record State(int failures, Instant notBefore) {
    }

    private final Map<String, State> byName = new ConcurrentHashMap<>();
    private final Duration base;
    private final Clock clock;

    LoginThrottle(Duration base, Clock clock) {
        this.base = Objects.requireNonNull(base, "base");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The wait after the n-th wrong password in a row. */
    Duration delayAfter(int failures) {
        if (failures <= 0) return Duration.ZERO;
        long millis = base.toMillis() << Math.min(failures - 1, 20);
        return millis > MAX.toMillis() || millis < 0 ? MAX : Duration.ofMillis(millis);
    }

    /** How long this name must still wait before a new attempt is looked at; zero when it may try now. */
    Duration waitFor(String name) {
        State s = byName.get(key(name));
        if (s == null) return Duration.ZERO;
        Duration left = Duration.between(clock.instant(), s.notBefore);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a wrong password and returns the wait it imposes. */
    Duration failed(String name) {
        State s = byName.merge(key(name), new State(1, clock.instant().plus(delayAfter(1))),
                (old, n) -> new State(old.failures + 1, clock.instant().plus(delayAfter(old.failures + 1))));
        return delayAfter(s.failures);
    }

    void succeeded(String name) {
        byName.remove(key(name));
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
