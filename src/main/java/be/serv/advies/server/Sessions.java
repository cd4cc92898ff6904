package be.serv.advies.server;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions, in memory: a restart signs everyone out, which is the safe direction. A
 * session starts anonymous (the login form needs a CSRF token too) and gets a fresh id when a
 * reviewer signs in, so an id planted before login is worthless after it.
 */
final class Sessions {
    static final String COOKIE = "advies_session";
    /** However active, a session ends after this long. */
    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final class Session {
        final String id;
        final String csrf;
        final String user;
        final Instant created;
        volatile Instant lastSeen;
        volatile String flash;

        Session(String id, String csrf, String user, Instant now) {
            this.id = id;
            this.csrf = csrf;
            this.user = user;
            this.created = now;
            this.lastSeen = now;
        }

        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }

        String takeFlash() {
            String f = flash;
            flash = null;
            return f;
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    Sessions(Duration idle, Clock clock) {
        this.idle = Objects.requireNonNull(idle, "idle");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The live session with this id, touched; an expired one is removed and not returned. */
    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen.plus(idle)) || now.isAfter(s.created.plus(ABSOLUTE))) {
            byId.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    Session create(String user) {
        Session s = new Session(token(), token(), user, clock.instant());
        byId.put(s.id, s);
        if (byId.size() > 10_000) purge();
        return s;
    }

    void end(String id) {
        if (id != null) byId.remove(id);
    }

    private void purge() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> now.isAfter(s.lastSeen.plus(idle)) || now.isAfter(s.created.plus(ABSOLUTE)));
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
