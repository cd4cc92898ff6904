package be.serv.advies.server;

import be.serv.advies.review.Account;
import be.serv.advies.review.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions expire when idle and after an absolute limit and are bounded in number; wrong passwords close a name and an address for a doubling wait, in fixed memory. */
class SessionsTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final Account ANNA = new Account("anna", "-", Role.SECRETARIAAT, Set.of());

    @Test
    void anIdleSessionExpires() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
        Sessions.Session s = sessions.create(ANNA);

        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id).isPresent(), "used within 30 minutes: still valid");
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id).isPresent(), "the last use counts, not the start");
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertTrue(sessions.find(s.id).isEmpty(), "idle for 31 minutes: expired");
    }

    @Test
    void anActiveSessionEndsAfterTheAbsoluteLimit() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
        Sessions.Session s = sessions.create(ANNA);
        for (int i = 0; i < 12 * 3 + 1; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(20));
            sessions.find(s.id);
        }
        assertTrue(sessions.find(s.id).isEmpty());
    }

    @Test
    void wrongPasswordsCloseTheNameForADoublingWait() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(Duration.ofMillis(500), clock);
        assertEquals(Duration.ZERO, t.waitFor("anna", "10.0.0.1"));
        assertEquals(Duration.ofMillis(500), t.failed("anna", "10.0.0.1"));
        assertEquals(Duration.ofMillis(1000), t.failed("Anna", "10.0.0.2"), "names are compared without case");
        assertEquals(Duration.ofMillis(2000), t.failed("anna", "10.0.0.3"));
        assertEquals(Duration.ofMillis(2000), t.waitFor("anna", "10.0.0.4"));
        assertEquals(Duration.ZERO, t.waitFor("bert", "10.0.0.4"), "other names are not affected");
        for (int i = 0; i < 30; i++) t.failed("anna", "10.0.0." + (10 + i));
        assertEquals(LoginThrottle.MAX, t.waitFor("anna", "10.0.0.99"));
        clock.now = clock.now.plus(LoginThrottle.MAX);
        assertEquals(Duration.ZERO, t.waitFor("anna", "10.0.0.99"));
        t.succeeded("anna");
        assertEquals(Duration.ofMillis(500), t.failed("anna", "10.0.0.99"), "a right password resets the count");
    }

    @Test
    void anAddressGetsAFewWrongPasswordsFreeThenADoublingWait() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(Duration.ofMillis(500), clock);
        // Given five wrong passwords from one address, each for another name
        for (int i = 0; i < LoginThrottle.ADDRESS_ALLOWANCE; i++) t.failed("naam" + i, "10.0.0.1");
        assertEquals(Duration.ZERO, t.waitFor("nieuw", "10.0.0.1"), "within the allowance");
        // When a sixth fails, then the address waits for any name, other addresses do not
        t.failed("naam-zes", "10.0.0.1");
        assertEquals(Duration.ofMillis(500), t.waitFor("nieuw", "10.0.0.1"));
        assertEquals(Duration.ZERO, t.waitFor("nieuw", "10.0.0.2"));
    }

    @Test
    void theThrottleForgetsAfterAQuietPeriodAndNeverHoldsMoreThanItsCapacity() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(Duration.ofMillis(500), clock, 100);
        // Given far more names and addresses than the tables hold
        for (int i = 0; i < 1_000; i++) t.failed("naam-" + i, "10.0." + (i / 250) + "." + (i % 250));
        // Then each table holds at most its capacity, the newest entries kept
        assertTrue(t.size() <= 200, "entries: " + t.size());
        assertEquals(Duration.ofMillis(500), t.waitFor("naam-999", "192.168.1.1"));
        // And after the quiet period a name is forgotten
        clock.now = clock.now.plus(LoginThrottle.FORGET).plusSeconds(1);
        assertEquals(Duration.ZERO, t.waitFor("naam-999", "10.0.3.249"));
    }

    @Test
    void oneCheckPerNameAtATime() {
        LoginThrottle t = new LoginThrottle(Duration.ofMillis(500), new MovableClock());
        assertTrue(t.begin("anna"));
        assertFalse(t.begin("ANNA"), "a second check of the same name while the first runs");
        assertTrue(t.begin("bert"));
        t.end("anna");
        assertTrue(t.begin("anna"));
    }

    @Test
    void sessionsAreBoundedPerReviewerAndInAll() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(Duration.ofMinutes(30), clock, 50);
        // Given a reviewer signing in more often than the limit per reviewer
        Sessions.Session first = sessions.create(ANNA);
        for (int i = 0; i < Sessions.PER_USER; i++) {
            clock.now = clock.now.plusSeconds(1);
            sessions.create(ANNA);
        }
        // Then their least recently used session ended
        assertTrue(sessions.find(first.id).isEmpty());
        assertEquals(Sessions.PER_USER, sessions.size());
        // And with many reviewers the total stays at the capacity
        for (int i = 0; i < 200; i++) {
            clock.now = clock.now.plusSeconds(1);
            sessions.create(new Account("r" + i, "-", Role.LEZER, Set.of()));
        }
        assertEquals(50, sessions.size());
    }
}
