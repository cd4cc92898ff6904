package be.serv.advies.server;

import be.serv.advies.review.Account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Slows down password guessing without letting a stranger keep a reviewer out, in fixed memory.
 *
 * <p>Wrong passwords are counted three ways, and none of them closes a name for everyone:
 * <ul>
 * <li>per (name, address): after each wrong password that pair waits, from {@code base} doubling to
 *     at most {@link #MAX};</li>
 * <li>per address: {@link #ADDRESS_ALLOWANCE} wrong passwords free (colleagues behind one office
 *     router mistype too), then the same doubling wait for any name;</li>
 * <li>per name: once a name has had {@link #NAME_BUDGET} wrong passwords within {@link #FORGET},
 *     further attempts for it are looked at only from a clean address (one without a wrong password
 *     in that window) or from an address this name signed in from before. The owner is thus always
 *     checked from their own machine, whatever a stranger sends from elsewhere.</li>
 * </ul>
 *
 * <p>The bound on guessing one name, per {@link #FORGET} window: {@link #NAME_BUDGET} wrong passwords,
 * plus one from each clean address the guesser brings (after one wrong password it is no longer
 * clean). In total, password checks are bounded by {@link PasswordGate}: a fixed number run at once.
 *
 * <p>Each table holds at most {@code capacity} entries and forgets one {@link #FORGET} after its last
 * wrong password; when full, the least recently touched entry goes.
 */
final class LoginThrottle {
    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration FORGET = Duration.ofMinutes(15);
    static final int ADDRESS_ALLOWANCE = 5;
    static final int NAME_BUDGET = 10;
    /** How long an address a name signed in from counts as that name's own. */
    static final Duration TRUST = Duration.ofDays(30);

    private record State(int failures, Instant notBefore, Instant last) {
    }

    /** Why an attempt may not be looked at now, and for how long; {@link #NONE} when it may. */
    record Refusal(Duration delay, String reason) {
        boolean refused() {
            return !delay.isZero();
        }
    }

    static final Refusal NONE = new Refusal(Duration.ZERO, "");

    private final Table byPair;
    private final Table byAddress;
    private final Table byName;
    private final Table reported;
    private final Table trusted;
    private final Duration base;
    private final Clock clock;

    LoginThrottle(Duration base, Clock clock) {
        this(base, clock, 10_000);
    }

    LoginThrottle(Duration base, Clock clock, int capacity) {
        this.base = Objects.requireNonNull(base, "base");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.byPair = new Table(capacity);
        this.byAddress = new Table(capacity);
        this.byName = new Table(capacity);
        this.reported = new Table(capacity);
        this.trusted = new Table(capacity);
    }

    /** The wait after the n-th wrong password in a row. */
    Duration delayAfter(int failures) {
        if (failures <= 0) return Duration.ZERO;
        long millis = base.toMillis() << Math.min(failures - 1, 20);
        return millis > MAX.toMillis() || millis < 0 ? MAX : Duration.ofMillis(millis);
    }

    /** How long this name from this address must still wait before an attempt is looked at; zero when it may try now. */
    Duration waitFor(String name, String address) {
        return check(name, address).delay();
    }

    /** Whether an attempt for this name from this address is looked at now, and if not why and for how long. */
    Refusal check(String name, String address) {
        Instant now = clock.instant();
        Duration pair = left(byPair.get(pair(name, address), now), now);
        Duration addr = left(byAddress.get(address(address), now), now);
        Duration wait = pair.compareTo(addr) >= 0 ? pair : addr;
        if (!wait.isZero()) return new Refusal(wait, "Te veel foute pogingen van dit adres");
        if (!clean(name, address, now)) {
            State n = byName.get(key(name), now);
            if (n != null && n.failures >= NAME_BUDGET) {
                return new Refusal(Duration.between(now, n.last.plus(FORGET)), "Te veel foute pogingen voor deze naam");
            }
        }
        return NONE;
    }

    /**
     * Whether an attempt for this name from this address is clean: the address sent no wrong password
     * within {@link #FORGET}, or this name signed in from it before. Clean attempts go first at the
     * {@link PasswordGate} and are checked even when the name is over its budget.
     */
    boolean clean(String name, String address) {
        return clean(name, address, clock.instant());
    }

    private boolean clean(String name, String address, Instant now) {
        return byAddress.get(address(address), now) == null || trusted.get(pair(name, address), now) != null;
    }

    /** Records a wrong password; returns the wait it imposes on this name from this address. */
    Duration failed(String name, String address) {
        Instant now = clock.instant();
        State p = byPair.fail(pair(name, address), now, 0);
        byAddress.fail(address(address), now, ADDRESS_ALLOWANCE);
        byName.fail(key(name), now, Integer.MAX_VALUE);
        return delayAfter(p.failures);
    }

    /** Records an attempt no account could match (a name or password longer than any); it counts for the address only. */
    void failedAddress(String address) {
        byAddress.fail(address(address), clock.instant(), ADDRESS_ALLOWANCE);
    }

    /**
     * A right password clears this name's count from this address and makes the address the name's
     * own for {@link #TRUST}; the address keeps its count (one known account cannot wash it) and the
     * name keeps its budget (the owner signing in does not reopen the name to a stranger).
     */
    void succeeded(String name, String address) {
        byPair.remove(pair(name, address));
        trusted.put(pair(name, address), new State(0, clock.instant().plus(TRUST), clock.instant()));
    }

    /** The secretariat's "unlock": this name's counts are forgotten, from every address. */
    void unlock(String name) {
        unlockedAt(name, Instant.MAX);
    }

    /**
     * The secretariat unlocked this name at {@code at} (it may have done so from the command line, so
     * the server learns it from the database): failures recorded before then are forgotten.
     */
    void unlockedAt(String name, Instant at) {
        if (at == null) return;
        String k = key(name);
        byName.removeIf((key, s) -> key.equals(k) && !s.last.isAfter(at));
        byPair.removeIf((key, s) -> key.startsWith(k + "\u0000") && !s.last.isAfter(at));
    }

    /**
     * Whether a refusal of this name from this address should go into the audit log: the first in a
     * minute does, so a flood of refused attempts cannot fill the database.
     */
    boolean reportRefusal(String name, String address) {
        Instant now = clock.instant();
        String k = pair(name, address);
        State r = reported.get(k, now);
        if (r != null && r.last.plus(Duration.ofMinutes(1)).isAfter(now)) return false;
        reported.put(k, new State(1, now, now));
        return true;
    }

    int size() {
        return byPair.size() + byAddress.size() + byName.size();
    }

    private static Duration left(State s, Instant now) {
        if (s == null) return Duration.ZERO;
        Duration d = Duration.between(now, s.notBefore);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String key(String name) {
        return name == null ? "" : Account.key(name);
    }

    private static String pair(String name, String address) {
        return key(name) + "\u0000" + address(address);
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

        synchronized void put(String key, State s) {
            map.put(key, s);
        }

        synchronized void remove(String key) {
            map.remove(key);
        }

        synchronized void removeIf(BiPredicate<String, State> which) {
            map.entrySet().removeIf(e -> which.test(e.getKey(), e.getValue()));
        }

        synchronized int size() {
            return map.size();
        }

        private boolean expired(State s, Instant now) {
            return now.isAfter(s.last.plus(FORGET)) && now.isAfter(s.notBefore);
        }
    }
}
