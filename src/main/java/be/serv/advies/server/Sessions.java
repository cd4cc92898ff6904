package be.serv.advies.server;

import be.serv.advies.review.Account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Server-side sessions of signed-in reviewers, in memory: a restart signs everyone out, which is the
 * safe direction. A session exists only after a right password (the login form carries a stateless
 * token instead, see {@link LoginTokens}), so a visitor without an account cannot make the server
 * keep anything. Their number is bounded twice: per reviewer (a new sign-in ends that reviewer's
 * least recently used session beyond {@link #PER_USER}) and in all (beyond {@code capacity}, the
 * least recently used of all ends).
 */
final class Sessions {
    static final String COOKIE = "advies_session";
    /** However active, a session ends after this long. */
    static final Duration ABSOLUTE = Duration.ofHours(12);
    /** Browsers, tabs and machines one reviewer may be signed in on at once. */
    static final int PER_USER = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    static final class Session {
        final String id;
        final String csrf;
        /** The reviewer's name as it is in the database (and in their decisions). */
        final String user;
        /** The account as the database had it at this session's latest request (role and sectors may change). */
        volatile Account account;
        /** The password was reset: every page leads to choosing a new one. */
        volatile boolean mustChange;
        /** The key the database knows this session by: a hash of the id, so the file never holds a live cookie. */
        final String dbId;
        final Instant created;
        volatile Instant lastSeen;
        volatile String flash;
        /** What the reviewer had typed when a previous session ended, for the next detail page. */
        volatile Pages.Kept kept;
        /** A refused write's message and typed text, for the one page its redirect leads to. */
        volatile Pages.Refusal refusal;

        Session(String id, String csrf, Account account, Instant now) {
            this.id = id;
            this.csrf = csrf;
            this.account = account;
            this.user = account.name();
            this.dbId = hash(id);
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

        /**
         * The refusal meant for the page at {@code where}, once: whichever page is shown next clears
         * it, so a refresh shows the plain page and a stale message never turns up later elsewhere.
         */
        Pages.Refusal takeRefusal(String where) {
            Pages.Refusal r = refusal;
            refusal = null;
            return r != null && r.where().equals(where) ? r : null;
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;
    private final int capacity;

    Sessions(Duration idle, Clock clock) {
        this(idle, clock, 2_000);
    }

    Sessions(Duration idle, Clock clock, int capacity) {
        this.idle = Objects.requireNonNull(idle, "idle");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < PER_USER) throw new IllegalArgumentException("capacity below " + PER_USER);
        this.capacity = capacity;
    }

    /** The live session with this id, touched; an expired one is removed and not returned. */
    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (expired(s, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    /** A new session for a reviewer who just gave the right password. */
    synchronized Session create(Account account) {
        Objects.requireNonNull(account, "account");
        Instant now = clock.instant();
        Session s = new Session(token(), token(), account, now);
        long mine = byId.values().stream().filter(x -> x.user.equals(s.user)).count();
        if (mine >= PER_USER) evictLeastRecent(x -> x.user.equals(s.user));
        if (byId.size() >= capacity) {
            byId.values().removeIf(x -> expired(x, now));
            if (byId.size() >= capacity) evictLeastRecent(x -> true);
        }
        byId.put(s.id, s);
        return s;
    }

    int size() {
        return byId.size();
    }

    /** The database keys of the sessions still live here (not expired, not pushed out by newer ones). */
    Set<String> liveDbIds() {
        Instant now = clock.instant();
        Set<String> out = new HashSet<>();
        for (Session s : byId.values()) if (!expired(s, now)) out.add(s.dbId);
        return out;
    }

    void end(String id) {
        if (id != null) byId.remove(id);
    }

    private void evictLeastRecent(Predicate<Session> which) {
        byId.values().stream().filter(which).min(Comparator.comparing((Session x) -> x.lastSeen))
                .ifPresent(x -> byId.remove(x.id));
    }

    private boolean expired(Session s, Instant now) {
        return now.isAfter(s.lastSeen.plus(idle)) || now.isAfter(s.created.plus(ABSOLUTE));
    }

    static String hash(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
