package be.serv.advies.server;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions expire when idle and after an absolute limit; wrong passwords close a name for a doubling wait. */
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

    @Test
    void anIdleSessionExpires() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
        Sessions.Session s = sessions.create("anna");

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
        Sessions.Session s = sessions.create("anna");
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
        assertEquals(Duration.ZERO, t.waitFor("anna"));
        assertEquals(Duration.ofMillis(500), t.failed("anna"));
        assertEquals(Duration.ofMillis(1000), t.failed("Anna"), "names are compared without case");
        assertEquals(Duration.ofMillis(2000), t.failed("anna"));
        assertEquals(Duration.ofMillis(2000), t.waitFor("anna"));
        assertEquals(Duration.ZERO, t.waitFor("bert"), "other names are not affected");
        for (int i = 0; i < 30; i++) t.failed("anna");
        assertEquals(LoginThrottle.MAX, t.waitFor("anna"));
        clock.now = clock.now.plus(LoginThrottle.MAX);
        assertEquals(Duration.ZERO, t.waitFor("anna"));
        t.succeeded("anna");
        assertEquals(Duration.ofMillis(500), t.failed("anna"), "a right password resets the count");
    }
}
