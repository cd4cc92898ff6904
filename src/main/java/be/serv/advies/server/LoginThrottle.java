package be.serv.advies.server;

import be.serv.advies.review.Account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, by account name and by client address, in fixed memory.
 *
 * <p>After each wrong password the name is closed for a wait that doubles (from {@code base}, at most
 * {@link #MAX}); an address gets {@link #ADDRESS_ALLOWANCE} wrong passwords free (colleagues behind
 * one office router mistype too), then the same doubling wait. An attempt in a closed window is
 * refused without looking at the password. Only one password check per name runs at a time
 * ({@link #begin}), so guesses sent in parallel are refused rather than checked side by side.
 *
 * <p>Each table holds at most {@code capacity} entries and forgets one {@link #FORGET} after its last
 * wrong password; when full, the least recently touched entry goes. A flood of made-up names can thus
 * push a real name's count out, but every such name costs the flooding address a wrong password, and
 * the address is closed long before it has sent {@code capacity} of them.
 */
final class LoginThrottle {
    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration FORGET = Duration.ofMinutes(15);
    static final int ADDRESS_ALLOWANCE = 5;

    private record State(int failures, Instant notBefore, Instant last) {
    }

    private final Table byName;
    private final Table byAddress;
    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    private final Duration base;
    private final Clock clock;

    LoginThrottle(Duration base, Clock clock) {
        this(base, clock, 10_000);
    }

    LoginThrottle(Duration base, Clock clock, int capacity) {
        this.base = Objects.requireNonNull(base, "base");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.byName = new Table(capacity);
        this.byAddress = new Table(capacity);
    }

    /** The wait after the n-th wrong password in a row. */
    Duration delayAfter(int failures) {
        if (failures <= 0) return Duration.ZERO;
        long millis = base.toMillis() << Math.min(failures - 1, 20);
        return millis > MAX.toMillis() || millis < 0 ? MAX : Duration.ofMillis(millis);
    }

    /** How long this name or this address must still wait before an attempt is looked at; zero when it may try now. */
    Duration waitFor(String name, String address) {
        Instant now = clock.instant();
        Duration a = left(byName.get(key(name), now), now);
        Duration b = left(byAddress.get(address(address), now), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Records a wrong password; returns the wait it imposes on the name. */
    Duration failed(String name, String address) {
        Instant now = clock.instant();
        State n = byName.fail(key(name), now, 0);
        byAddress.fail(address(address), now, ADDRESS_ALLOWANCE);
        return delayAfter(n.failures);
    }

    /** Records an attempt no account could match (a name or password longer than any); it counts for the address only. */
    void failedAddress(String address) {
        byAddress.fail(address(address), clock.instant(), ADDRESS_ALLOWANCE);
    }

    /** A right password reopens the name; the address keeps its count, so one known account cannot wash it. */
    void succeeded(String name) {
        byName.remove(key(name));
    }

    /** Claims the one password check this name may have running; false when another is running. */
    boolean begin(String name) {
        return checking.add(key(name));
    }

    void end(String name) {
        checking.remove(key(name));
    }

    int size() {
        return byName.size() + byAddress.size();
    }

    private static Duration left(State s, Instant now) {
        if (s == null) return Duration.ZERO;
        Duration d = Duration.between(now, s.notBefore);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String key(String name) {
        return name == null ? "" : Account.key(name);
    }

    private static String address(String address) {
        return address == null ? "" : address;
    }

    /** A fixed-size table, least recently touched first out, whose entries expire. */
    private final class Table {
        private final LinkedHashMap<String, State> map;

        Table(int capacity) {
            this.map = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized State get(String key, Instant now) {
            State s = map.get(key);
            if (s != null && expired(s, now)) {
                map.remove(key);
                return null;
            }
            return s;
        }

        synchronized State fail(String key, Instant now, int allowance) {
            State old = map.get(key);
            int failures = old == null || expired(old, now) ? 1 : old.failures + 1;
            State s = new State(failures, now.plus(delayAfter(failures - allowance)), now);
            map.put(key, s);
            return s;
        }

        synchronized void remove(String key) {
            map.remove(key);
        }

        synchronized int size() {
            return map.size();
        }

        private boolean expired(State s, Instant now) {
            return now.isAfter(s.last.plus(FORGET)) && now.isAfter(s.notBefore);
        }
    }
}
