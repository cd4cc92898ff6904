package be.serv.advies.review;

import be.serv.advies.verdict.Verdict;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The review state in one SQLite file: reviewers, decisions and comments. Write-ahead log and full
 * sync, so a decision that {@link #decide} returned as committed survives a killed process; every
 * write is one transaction, a bulk confirmation included, so a kill leaves all of it or none.
 *
 * <p>Decisions are never updated or deleted: each new decision on an application gets the next
 * version, and the caller names the version it saw. A stale one is refused with the decision that
 * got there first; {@code UNIQUE(application_id, version)} keeps that true even for a second process
 * on the same file.
 */
public final class ReviewStore implements AutoCloseable {
    /** The schema this code writes; a file with a higher number came from a newer advies and is refused. */
    public static final int SCHEMA_VERSION = 1;
    /** Test hook: milliseconds to wait between the rows of a bulk confirmation, so a test can kill the process mid-way. */
    public static final String BULK_DELAY_PROPERTY = "advies.test.bulkDelayMillis";

    private final Path file;
    private final Connection db;
    private final Clock clock;

    private ReviewStore(Path file, Connection db, Clock clock) {
        this.file = file;
        this.db = db;
        this.clock = clock;
    }

    public static ReviewStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static ReviewStore open(Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setBusyTimeout(10_000);
            config.enforceForeignKeys(true);
            Connection c = config.createConnection("jdbc:sqlite:" + abs);
            ReviewStore store = new ReviewStore(abs, c, clock);
            store.migrate();
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new ReviewStoreException("kan de beoordelingsdatabank " + abs + " niet openen: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
            throw new ReviewStoreException("de databank " + file + " heeft schemaversie " + version
                    + ", nieuwer dan deze versie van advies (" + SCHEMA_VERSION + ") kent");
        }
        if (version == SCHEMA_VERSION) return;
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE users (
                      name          TEXT PRIMARY KEY,
                      password_hash TEXT NOT NULL,
                      created_at    TEXT NOT NULL)""");
            s.executeUpdate("""
                    CREATE TABLE decisions (
                      seq            INTEGER PRIMARY KEY AUTOINCREMENT,
                      application_id TEXT NOT NULL,
                      version        INTEGER NOT NULL,
                      kind           TEXT NOT NULL CHECK (kind IN ('CONFIRM', 'OVERRIDE')),
                      advice         TEXT NOT NULL,
                      reason         TEXT NOT NULL,
                      reviewer       TEXT NOT NULL REFERENCES users(name),
                      decided_at     TEXT NOT NULL,
                      draft_verdict  TEXT NOT NULL,
                      draft_reasons  TEXT NOT NULL,
                      rules_hash     TEXT NOT NULL,
                      input_hash     TEXT NOT NULL,
                      bulk_id        TEXT,
                      UNIQUE (application_id, version))""");
            s.executeUpdate("""
                    CREATE TABLE comments (
                      seq            INTEGER PRIMARY KEY AUTOINCREMENT,
                      application_id TEXT NOT NULL,
                      reviewer       TEXT NOT NULL REFERENCES users(name),
                      at             TEXT NOT NULL,
                      text           TEXT NOT NULL)""");
            s.executeUpdate("""
                    CREATE TABLE rule_loads (
                      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                      loaded_at  TEXT NOT NULL,
                      rules_hash TEXT,
                      ok         INTEGER NOT NULL,
                      message    TEXT NOT NULL)""");
            s.executeUpdate("CREATE INDEX comments_by_application ON comments(application_id)");
            s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    // ---- reviewers

    public synchronized void addUser(String name, String passwordHash) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (passwordHash(name).isPresent()) throw new ReviewStoreException("beoordelaar '" + name + "' bestaat al");
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO users(name, password_hash, created_at) VALUES (?, ?, ?)")) {
                p.setString(1, name);
                p.setString(2, passwordHash);
                p.setString(3, clock.instant().toString());
                p.executeUpdate();
            }
            return null;
        });
    }

    public synchronized Optional<String> passwordHash(String name) {
        Objects.requireNonNull(name, "name");
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT password_hash FROM users WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public synchronized List<String> users() {
        return read(() -> {
            List<String> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM users ORDER BY name")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    // ---- decisions

    /**
     * Records a confirmation or an override, committed before it returns; refused (with the decision
     * that got there first) when the application's latest version is not the one the reviewer saw.
     */
    public synchronized Outcome decide(DraftSeen seen, Decision.Kind kind, Verdict advice, String reason, String reviewer) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(reviewer, "reviewer");
        if (kind == Decision.Kind.OVERRIDE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        return write(() -> {
            Optional<Decision> latest = latestIn(seen.applicationId());
            int current = latest.map(Decision::version).orElse(0);
            if (current != seen.version()) return Outcome.conflict(latest.orElseThrow());
            Decision d = new Decision(seen.applicationId(), current + 1, kind, advice,
                    kind == Decision.Kind.CONFIRM ? "" : reason.strip(), reviewer, clock.instant(), seen.verdict(),
                    seen.reasons(), seen.rulesHash(), seen.inputHash(), null);
            insert(d);
            return Outcome.committed(d);
        });
    }

    /**
     * Confirms every draft in {@code seen} in one transaction: all of them are committed or none. An
     * application someone decided since the reviewer loaded the list is skipped, not overwritten.
     */
    public synchronized BulkResult bulkConfirm(List<DraftSeen> seen, String reviewer) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(reviewer, "reviewer");
        long delay = Long.getLong(BULK_DELAY_PROPERTY, 0L);
        String bulkId = UUID.randomUUID().toString();
        return write(() -> {
            List<Decision> done = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            int i = 0;
            for (DraftSeen s : seen) {
                int current = latestIn(s.applicationId()).map(Decision::version).orElse(0);
                if (current != s.version()) {
                    skipped.add(s.applicationId());
                    continue;
                }
                Decision d = new Decision(s.applicationId(), current + 1, Decision.Kind.CONFIRM, s.verdict(), "",
                        reviewer, clock.instant(), s.verdict(), s.reasons(), s.rulesHash(), s.inputHash(), bulkId);
                insert(d);
                done.add(d);
                if (delay > 0) {
                    System.err.println("bulk-voortgang " + (++i) + "/" + seen.size());
                    System.err.flush();
                    sleep(delay);
                }
            }
            return new BulkResult(bulkId, done, skipped);
        });
    }

    public synchronized Optional<Decision> latest(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId");
        return read(() -> latestIn(applicationId));
    }

    /** The latest decision per application, for the work list. */
    public synchronized Map<String, Decision> latestAll() {
        return read(() -> {
            Map<String, Decision> out = new LinkedHashMap<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT d.* FROM decisions d JOIN (SELECT application_id, MAX(version) v FROM decisions GROUP BY application_id) m "
                            + "ON d.application_id = m.application_id AND d.version = m.v")) {
                while (rs.next()) {
                    Decision d = decision(rs);
                    out.put(d.applicationId(), d);
                }
            }
            return out;
        });
    }

    /** Every decision on an application, oldest first. */
    public synchronized List<Decision> history(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId");
        return read(() -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM decisions WHERE application_id = ? ORDER BY version")) {
                p.setString(1, applicationId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(decision(rs));
                }
            }
            return out;
        });
    }

    /** Every decision in the file, in the order they were committed. */
    public synchronized List<Decision> allDecisions() {
        return read(() -> {
            List<Decision> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM decisions ORDER BY seq")) {
                while (rs.next()) out.add(decision(rs));
            }
            return out;
        });
    }

    // ---- comments

    public synchronized Comment comment(String applicationId, String reviewer, String text) {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(reviewer, "reviewer");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a comment needs text");
        Comment c = new Comment(applicationId, reviewer, clock.instant(), text.strip());
        return write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO comments(application_id, reviewer, at, text) VALUES (?, ?, ?, ?)")) {
                p.setString(1, c.applicationId());
                p.setString(2, c.reviewer());
                p.setString(3, c.at().toString());
                p.setString(4, c.text());
                p.executeUpdate();
            }
            return c;
        });
    }

    public synchronized List<Comment> comments(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId");
        return read(() -> {
            List<Comment> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM comments WHERE application_id = ? ORDER BY seq")) {
                p.setString(1, applicationId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Comment(rs.getString("application_id"), rs.getString("reviewer"),
                                Instant.parse(rs.getString("at")), rs.getString("text")));
                    }
                }
            }
            return out;
        });
    }

    // ---- rule loads (an audit trail of which rules were in force when)

    public synchronized void recordRuleLoad(String rulesHash, boolean ok, String message) {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO rule_loads(loaded_at, rules_hash, ok, message) VALUES (?, ?, ?, ?)")) {
                p.setString(1, clock.instant().toString());
                p.setString(2, rulesHash);
                p.setInt(3, ok ? 1 : 0);
                p.setString(4, message == null ? "" : message);
                p.executeUpdate();
            }
            return null;
        });
    }

    // ---- plumbing

    private Optional<Decision> latestIn(String applicationId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM decisions WHERE application_id = ? ORDER BY version DESC LIMIT 1")) {
            p.setString(1, applicationId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(decision(rs)) : Optional.empty();
            }
        }
    }

    private void insert(Decision d) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO decisions(application_id, version, kind, advice, reason, reviewer, "
                + "decided_at, draft_verdict, draft_reasons, rules_hash, input_hash, bulk_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, d.applicationId());
            p.setInt(2, d.version());
            p.setString(3, d.kind().name());
            p.setString(4, d.advice().name());
            p.setString(5, d.reason());
            p.setString(6, d.reviewer());
            p.setString(7, d.decidedAt().toString());
            p.setString(8, d.draftVerdict().name());
            p.setString(9, String.join(",", d.draftReasons()));
            p.setString(10, d.rulesHash());
            p.setString(11, d.inputHash());
            p.setString(12, d.bulkId());
            p.executeUpdate();
        }
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        String reasons = rs.getString("draft_reasons");
        return new Decision(rs.getString("application_id"), rs.getInt("version"), Decision.Kind.valueOf(rs.getString("kind")),
                Verdict.valueOf(rs.getString("advice")), rs.getString("reason"), rs.getString("reviewer"),
                Instant.parse(rs.getString("decided_at")), Verdict.valueOf(rs.getString("draft_verdict")),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")), rs.getString("rules_hash"),
                rs.getString("input_hash"), rs.getString("bulk_id"));
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T write(Work<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ReviewStoreException("de beoordelingsdatabank " + file + " kon niet bijgewerkt worden: " + e.getMessage(), e);
        }
    }

    private <T> T read(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ReviewStoreException("de beoordelingsdatabank " + file + " kon niet gelezen worden: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReviewStoreException("onderbroken");
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new ReviewStoreException("kan " + file + " niet sluiten: " + e.getMessage(), e);
        }
    }
}
