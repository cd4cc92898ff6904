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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions expire when idle and after an absolute limit and are bounded in number. */
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
