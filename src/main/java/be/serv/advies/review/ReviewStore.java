package be.serv.advies.review;

import be.serv.advies.model.Verdict;
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
 * <p>Decisions are never updated, and deleted only when the secretariat undoes a bulk confirmation
 * (the audit log keeps them): each new decision on an application gets the next version, and the
 * caller names the version it saw. A stale one is refused with the decision that
 * got there first; {@code UNIQUE(application_id, version)} keeps that true even for a second process
 * on the same file.
 */
public final class ReviewStore implements AutoCloseable {
    /** The schema this code writes; a file with a higher number came from a newer advies and is refused. */
    public static final int SCHEMA_VERSION = 3;
    /** Longest override reason a reviewer may write. */
    public static final int MAX_REASON = 2_000;
    /** Longest comment. */
    public static final int MAX_COMMENT = 4_000;
    /** Test hook: milliseconds to wait between the rows of a bulk confirmation, so a test can kill the process mid-way. */
    public static final String BULK_DELAY_PROPERTY = "advies.test.bulkDelayMillis";

    private static final org.slf4j.Logger AUDIT = org.slf4j.LoggerFactory.getLogger("advies.audit");
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");

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
            createOwnerOnly(abs);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setBusyTimeout(10_000);
            config.enforceForeignKeys(true);
            Connection c = config.createConnection("jdbc:sqlite:" + abs);
            ReviewStore store = new ReviewStore(abs, c, clock);
            store.migrate();
            // SQLite gives -wal and -shm the database file's mode; an older, looser file is tightened here.
            for (String suffix : List.of("", "-wal", "-shm")) ownerOnly(Path.of(abs + suffix));
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new ReviewStoreException("kan de beoordelingsdatabank " + abs + " niet openen: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * A new database file is made readable by its owner only before SQLite writes a byte (it holds
     * password hashes and the decisions before they are published).
     */
    private static void createOwnerOnly(Path file) throws java.io.IOException {
        if (Files.exists(file) || !posix(file)) return;
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another process made it first; ownerOnly tightens it after opening
        }
    }

    private static void ownerOnly(Path file) throws java.io.IOException {
        if (!Files.exists(file) || !posix(file)) return;
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    private static boolean posix(Path file) throws java.io.IOException {
        Path dir = file.toAbsolutePath().getParent();
        return dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
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
            if (version < 1) createVersion1(s);
            if (version < 2) toVersion2(s);
            if (version < 3) toVersion3(s);
            s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static void createVersion1(Statement s) throws SQLException {
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
    }

    /**
     * Version 2: roles (accounts of version 1 could do everything, so they become the secretariat),
     * names compared without case, and the audit log.
     */
    private void toVersion2(Statement s) throws SQLException {
        s.executeUpdate("ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'secretariaat'");
        s.executeUpdate("ALTER TABLE users ADD COLUMN sectors TEXT NOT NULL DEFAULT ''");
        s.executeUpdate("ALTER TABLE users ADD COLUMN name_key TEXT");
        rekey(s, "hoofdletters tellen niet meer");
        s.executeUpdate("CREATE UNIQUE INDEX users_by_key ON users(name_key)");
        s.executeUpdate("""
                CREATE TABLE audit (
                  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
                  at             TEXT NOT NULL,
                  event          TEXT NOT NULL,
                  actor          TEXT NOT NULL,
                  address        TEXT NOT NULL,
                  application_id TEXT NOT NULL,
                  detail         TEXT NOT NULL)""");
    }

    /** Sets every account's name key as {@link Account#key} makes it now; refused when two names become one. */
    private void rekey(Statement s, String why) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM users ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String clash = keys.put(Account.key(name), name);
                if (clash != null) {
                    throw new ReviewStoreException("de databank " + file + " heeft de beoordelaars '" + clash + "' en '" + name
                            + "', die voortaan dezelfde naam zijn (" + why + "); hernoem er een voor u verdergaat");
                }
            }
        }
        try (PreparedStatement p = db.prepareStatement("UPDATE users SET name_key = ? WHERE name = ?")) {
            for (Map.Entry<String, String> k : keys.entrySet()) {
                p.setString(1, k.getKey());
                p.setString(2, k.getValue());
                p.executeUpdate();
            }
        }
    }

    /**
     * Version 3: names compared NFKC-normalised and case-folded, accounts that can be disabled, reset
     * and unlocked, and the sign-ins the secretariat can list and end.
     */
    private void toVersion3(Statement s) throws SQLException {
        rekey(s, "ze lijken op elkaar");
        s.executeUpdate("ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0");
        s.executeUpdate("ALTER TABLE users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0");
        s.executeUpdate("ALTER TABLE users ADD COLUMN credentials INTEGER NOT NULL DEFAULT 0");
        s.executeUpdate("ALTER TABLE users ADD COLUMN last_sign_in TEXT");
        s.executeUpdate("ALTER TABLE users ADD COLUMN unlocked_at TEXT");
        s.executeUpdate("""
                CREATE TABLE sessions (
                  id          TEXT PRIMARY KEY,
                  name_key    TEXT NOT NULL,
                  address     TEXT NOT NULL,
                  started_at  TEXT NOT NULL,
                  last_seen   TEXT NOT NULL,
                  credentials INTEGER NOT NULL,
                  ended_at    TEXT)""");
        s.executeUpdate("CREATE INDEX audit_by_event ON audit(event)");
    }

    // ---- reviewers

    /** Adds a member of the secretariat (who may do everything). */
    public synchronized void addUser(String name, String passwordHash) {
        addUser(name, passwordHash, Role.SECRETARIAAT, java.util.Set.of());
    }

    /** Adds a reviewer; refused when the name exists in any case ({@code Anna} is {@code anna}). */
    public synchronized void addUser(String name, String passwordHash, Role role, java.util.Set<String> sectors) {
        addUser(name, passwordHash, role, sectors, "");
    }

    /** As above, and the audit log says who added them. */
    public synchronized void addUser(String name, String passwordHash, Role role, java.util.Set<String> sectors, String addedBy) {
        Objects.requireNonNull(name, "name");
        Account account = new Account(name.strip(), passwordHash, role, sectors);
        account(name).ifPresent(existing -> {
            throw new ReviewStoreException("beoordelaar '" + existing.name() + "' bestaat al");
        });
        AuditEntry added = new AuditEntry(clock.instant(), AuditEntry.Event.USER_ADDED, addedBy, "", "", "beoordelaar " + account.name()
                + ", rol " + role.label() + (account.sectors().isEmpty() ? "" : ", sectoren " + String.join(", ", new java.util.TreeSet<>(account.sectors()))));
        write(() -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO users(name, password_hash, created_at, role, sectors, name_key) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, account.name());
                p.setString(2, account.passwordHash());
                p.setString(3, clock.instant().toString());
                p.setString(4, account.role().label());
                p.setString(5, String.join(",", new java.util.TreeSet<>(account.sectors())));
                p.setString(6, Account.key(account.name()));
                p.executeUpdate();
            }
            return insertAudit(added);
        });
        AUDIT.info(added.line());
    }

    /** The account with this name, compared without case. */
    public synchronized Optional<Account> account(String name) {
        Objects.requireNonNull(name, "name");
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT name, password_hash, role, sectors FROM users WHERE name_key = ?")) {
                p.setString(1, Account.key(name));
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    public synchronized Optional<String> passwordHash(String name) {
        return account(name).map(Account::passwordHash);
    }

    public synchronized List<String> users() {
        return accounts().stream().map(Account::name).toList();
    }

    public synchronized List<Account> accounts() {
        return read(() -> {
            List<Account> out = new ArrayList<>();
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name, password_hash, role, sectors FROM users ORDER BY name_key")) {
                while (rs.next()) out.add(account(rs));
            }
            return out;
        });
    }

    /** Every account with its state, by name. */
    public synchronized List<AccountState> accountStates() {
        return read(() -> {
            List<AccountState> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM users ORDER BY name_key")) {
                while (rs.next()) out.add(accountState(rs));
            }
            return out;
        });
    }

    public synchronized Optional<AccountState> accountState(String name) {
        Objects.requireNonNull(name, "name");
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM users WHERE name_key = ?")) {
                p.setString(1, Account.key(name));
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(accountState(rs)) : Optional.empty();
                }
            }
        });
    }

    private AccountState accountState(ResultSet rs) throws SQLException {
        return new AccountState(account(rs), rs.getInt("disabled") != 0, rs.getInt("must_change") != 0, rs.getInt("credentials"),
                instant(rs.getString("last_sign_in")), instant(rs.getString("unlocked_at")));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    /** Disables or re-enables an account; disabling ends its sessions at their next request. */
    public synchronized void setDisabled(String name, boolean disabled, String actor) {
        changeAccount(name, actor, (disabled ? "uitgeschakeld" : "weer ingeschakeld"),
                "UPDATE users SET disabled = ?, credentials = credentials + ? WHERE name_key = ?", disabled ? 1 : 0, disabled ? 1 : 0);
    }

    /** A temporary password set by the secretariat: the reviewer must choose their own at the next sign-in; open sessions end. */
    public synchronized void resetPassword(String name, String passwordHash, String actor) {
        changeAccount(name, actor, "wachtwoord opnieuw ingesteld (tijdelijk, te wijzigen bij de volgende aanmelding)",
                "UPDATE users SET password_hash = ?, must_change = 1, credentials = credentials + 1 WHERE name_key = ?", passwordHash);
    }

    /**
     * A reviewer's own new password. Their other sessions end; the session {@code keepSession} (the
     * one they changed it in, or null) stays signed in.
     */
    public synchronized void changeOwnPassword(String name, String passwordHash, String keepSession) {
        changeAccount(name, name, "eigen wachtwoord gewijzigd",
                "UPDATE users SET password_hash = ?, must_change = 0, credentials = credentials + 1 WHERE name_key = ?", passwordHash);
        if (keepSession != null) {
            write(() -> {
                try (PreparedStatement p = db.prepareStatement(
                        "UPDATE sessions SET credentials = (SELECT credentials FROM users WHERE name_key = ?) WHERE id = ?")) {
                    p.setString(1, Account.key(name));
                    p.setString(2, keepSession);
                    return p.executeUpdate();
                }
            });
        }
    }

    /** A new role and sectors; open sessions use them from their next request. */
    public synchronized void setRole(String name, Role role, java.util.Set<String> sectors, String actor) {
        Account checked = new Account(name, "-", role, sectors);
        changeAccount(name, actor, "rol " + role.label() + (checked.sectors().isEmpty() ? "" : ", sectoren "
                        + String.join(", ", new java.util.TreeSet<>(checked.sectors()))),
                "UPDATE users SET role = ?, sectors = ? WHERE name_key = ?", role.label(), String.join(",", new java.util.TreeSet<>(checked.sectors())));
    }

    /** Clears the wrong-password counts kept against this name (the server forgets failures before now). */
    public synchronized void unlock(String name, String actor) {
        changeAccount(name, actor, "ontgrendeld (foute pogingen vergeten)", "UPDATE users SET unlocked_at = ? WHERE name_key = ?",
                clock.instant().toString());
    }

    private void changeAccount(String name, String actor, String what, String sql, Object... values) {
        AccountState state = accountState(name).orElseThrow(() -> new ReviewStoreException("beoordelaar '" + name + "' bestaat niet"));
        AuditEntry entry = new AuditEntry(clock.instant(), AuditEntry.Event.ACCOUNT_CHANGED, actor, "", "", "beoordelaar "
                + state.name() + ": " + what);
        write(() -> {
            try (PreparedStatement p = db.prepareStatement(sql)) {
                int i = 1;
                for (Object v : values) p.setObject(i++, v);
                p.setString(i, Account.key(state.name()));
                p.executeUpdate();
            }
            return insertAudit(entry);
        });
        AUDIT.info(entry.line());
    }

    // ---- sessions

    /** Records a sign-in; {@code id} is the hash of the session cookie. */
    public synchronized void sessionStarted(String id, String name, String address) {
        Instant now = clock.instant();
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO sessions(id, name_key, address, started_at, last_seen, credentials) "
                    + "SELECT ?, name_key, ?, ?, ?, credentials FROM users WHERE name_key = ?")) {
                p.setString(1, id);
                p.setString(2, address == null ? "" : address);
                p.setString(3, now.toString());
                p.setString(4, now.toString());
                p.setString(5, Account.key(name));
                p.executeUpdate();
            }
            try (PreparedStatement p = db.prepareStatement("UPDATE users SET last_sign_in = ? WHERE name_key = ?")) {
                p.setString(1, now.toString());
                p.setString(2, Account.key(name));
                return p.executeUpdate();
            }
        });
    }

    /**
     * The account behind a live session, as it is now: empty when the session was ended, the account
     * disabled or its password changed since. Marks the session seen (at most once a minute, so
     * reading pages does not write on every request).
     */
    public synchronized Optional<AccountState> sessionAccount(String id) {
        Optional<AccountState> state = read(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT u.*, s.credentials AS session_credentials, s.ended_at, s.last_seen AS session_seen "
                    + "FROM sessions s JOIN users u ON u.name_key = s.name_key WHERE s.id = ?")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next() || rs.getString("ended_at") != null || rs.getInt("disabled") != 0
                            || rs.getInt("credentials") != rs.getInt("session_credentials")) {
                        return Optional.<AccountState>empty();
                    }
                    if (Instant.parse(rs.getString("session_seen")).plusSeconds(60).isBefore(clock.instant())) {
                        try (PreparedStatement u = db.prepareStatement("UPDATE sessions SET last_seen = ? WHERE id = ?")) {
                            u.setString(1, clock.instant().toString());
                            u.setString(2, id);
                            u.executeUpdate();
                        }
                    }
                    return Optional.of(accountState(rs));
                }
            }
        });
        return state;
    }

    /** Sessions not ended, the most recently seen first. */
    public synchronized List<SessionRecord> openSessions() {
        return read(() -> {
            List<SessionRecord> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT s.*, u.name FROM sessions s JOIN users u "
                    + "ON u.name_key = s.name_key WHERE s.ended_at IS NULL AND u.disabled = 0 AND u.credentials = s.credentials ORDER BY s.last_seen DESC")) {
                while (rs.next()) {
                    out.add(new SessionRecord(rs.getString("id"), rs.getString("name"), rs.getString("address"),
                            Instant.parse(rs.getString("started_at")), Instant.parse(rs.getString("last_seen"))));
                }
            }
            return out;
        });
    }

    /**
     * Ends sessions: the one whose id starts with {@code idOrPrefix} (at least 8 characters), or, with
     * a reviewer's name, all of theirs. Returns how many ended; audited when {@code actor} is not the
     * reviewer signing out.
     */
    public synchronized int endSessions(String idOrName, String actor, boolean byName) {
        if (!byName && idOrName.length() < 8) throw new IllegalArgumentException("a session id of at least 8 characters");
        Instant now = clock.instant();
        int n = write(() -> {
            String where = byName ? "name_key = ?" : "id LIKE ? ESCAPE '\\'";
            try (PreparedStatement p = db.prepareStatement("UPDATE sessions SET ended_at = ? WHERE ended_at IS NULL AND " + where)) {
                p.setString(1, now.toString());
                p.setString(2, byName ? Account.key(idOrName) : idOrName.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                return p.executeUpdate();
            }
        });
        if (n > 0 && actor != null) {
            audit(AuditEntry.Event.ACCOUNT_CHANGED, actor, "", (byName ? "alle sessies van " + idOrName : "sessie " + idOrName) + " beëindigd (" + n + ")");
        }
        return n;
    }

    /** At start-up: the sessions of an earlier run are gone from memory, so they are ended here too. */
    public synchronized void endAllSessions() {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE sessions SET ended_at = ? WHERE ended_at IS NULL")) {
                p.setString(1, clock.instant().toString());
                return p.executeUpdate();
            }
        });
    }

    private Account account(ResultSet rs) throws SQLException {
        String sectors = rs.getString("sectors");
        Role role = Role.of(rs.getString("role")).orElseThrow(() -> new ReviewStoreException("onbekende rol in " + file));
        return new Account(rs.getString("name"), rs.getString("password_hash"), role,
                sectors.isEmpty() ? java.util.Set.of() : java.util.Set.of(sectors.split(",")));
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
        if (kind == Decision.Kind.OVERRIDE && advice == seen.verdict()) {
            throw new IllegalArgumentException("an override needs an advice other than the draft's");
        }
        if (kind == Decision.Kind.CONFIRM && advice != seen.verdict()) {
            throw new IllegalArgumentException("a confirmation keeps the draft's advice");
        }
        if (reason != null && reason.strip().length() > MAX_REASON) throw new IllegalArgumentException("reason longer than " + MAX_REASON);
        List<AuditEntry> logged = new ArrayList<>();
        Outcome outcome = write(() -> {
            Optional<Decision> latest = latestIn(seen.applicationId());
            int current = latest.map(Decision::version).orElse(0);
            if (current != seen.version()) return latest.map(Outcome::conflict).orElseGet(Outcome::stale);
            Decision d = new Decision(seen.applicationId(), current + 1, kind, advice,
                    kind == Decision.Kind.CONFIRM ? "" : reason.strip(), reviewer, clock.instant(), seen.verdict(),
                    seen.reasons(), seen.rulesHash(), seen.inputHash(), null);
            insert(d);
            logged.add(insertAudit(decisionEntry(d)));
            return Outcome.committed(d);
        });
        logged.forEach(e -> AUDIT.info(e.line()));
        return outcome;
    }

    private AuditEntry decisionEntry(Decision d) {
        return new AuditEntry(d.decidedAt(), AuditEntry.Event.DECISION, d.reviewer(), "", d.applicationId(),
                d.kind().label() + ", advies " + d.advice().label() + ", versie " + d.version()
                        + (d.overridden() ? ", reden: " + d.reason() : "") + (d.bulkId() != null ? ", bulk " + d.bulkId() : ""));
    }

    /**
     * Confirms every draft in {@code seen} in one transaction: all of them are committed or none.
     * Each item names the version its reviewer saw (0 for an open application, the latest decision's
     * for one that needs a second look); when any is not the application's latest — someone decided
     * since, or the form was forged — nothing is written and the stale items are returned.
     */
    public synchronized BulkResult bulkConfirm(List<DraftSeen> seen, String reviewer) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(reviewer, "reviewer");
        long delay = Long.getLong(BULK_DELAY_PROPERTY, 0L);
        String bulkId = UUID.randomUUID().toString();
        List<AuditEntry> logged = new ArrayList<>();
        BulkResult result = write(() -> {
            List<String> stale = new ArrayList<>();
            for (DraftSeen s : seen) {
                int current = latestIn(s.applicationId()).map(Decision::version).orElse(0);
                if (current != s.version()) stale.add(s.applicationId());
            }
            if (!stale.isEmpty()) return new BulkResult(bulkId, List.of(), stale);
            List<Decision> done = new ArrayList<>();
            int i = 0;
            for (DraftSeen s : seen) {
                Decision d = new Decision(s.applicationId(), s.version() + 1, Decision.Kind.CONFIRM, s.verdict(), "",
                        reviewer, clock.instant(), s.verdict(), s.reasons(), s.rulesHash(), s.inputHash(), bulkId);
                insert(d);
                done.add(d);
                logged.add(insertAudit(decisionEntry(d)));
                if (delay > 0) {
                    System.err.println("bulk-voortgang " + (++i) + "/" + seen.size());
                    System.err.flush();
                    sleep(delay);
                }
            }
            logged.add(insertAudit(new AuditEntry(clock.instant(), AuditEntry.Event.BULK, reviewer, "", "",
                    done.size() + " bevestigd, bulk " + bulkId)));
            return new BulkResult(bulkId, done, List.of());
        });
        logged.forEach(e -> AUDIT.info(e.line()));
        return result;
    }

    /**
     * Undoes a bulk confirmation: each of its decisions that is still its application's latest gets a
     * new version that reopens it (the history keeps both); returns the applications reopened.
     */
    public synchronized List<String> undoBulk(String bulkId, String actor) {
        Objects.requireNonNull(bulkId, "bulkId");
        List<AuditEntry> logged = new ArrayList<>();
        List<String> reopened = write(() -> {
            List<String> out = new ArrayList<>();
            List<Decision> of = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM decisions WHERE bulk_id = ? ORDER BY seq")) {
                p.setString(1, bulkId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) of.add(decision(rs));
                }
            }
            for (Decision d : of) {
                Decision latest = latestIn(d.applicationId()).orElseThrow();
                if (latest.version() != d.version()) continue;
                try (PreparedStatement p = db.prepareStatement("DELETE FROM decisions WHERE application_id = ? AND version = ? AND bulk_id = ?")) {
                    p.setString(1, d.applicationId());
                    p.setInt(2, d.version());
                    p.setString(3, bulkId);
                    p.executeUpdate();
                }
                out.add(d.applicationId());
            }
            logged.add(insertAudit(new AuditEntry(clock.instant(), AuditEntry.Event.BULK_UNDONE, actor, "", "",
                    "bulk " + bulkId + ": " + out.size() + " bevestiging(en) ongedaan gemaakt" + (out.isEmpty() ? "" : " (" + String.join(", ", out) + ")"))));
            return out;
        });
        logged.forEach(e -> AUDIT.info(e.line()));
        return reopened;
    }

    /** The bulk confirmations, newest first: id, reviewer, when, how many decisions. */
    public synchronized List<BulkSummary> bulks() {
        return read(() -> {
            List<BulkSummary> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT bulk_id, reviewer, MIN(decided_at) at, COUNT(*) n "
                    + "FROM decisions WHERE bulk_id IS NOT NULL GROUP BY bulk_id, reviewer ORDER BY at DESC LIMIT 50")) {
                while (rs.next()) out.add(new BulkSummary(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getInt(4)));
            }
            return out;
        });
    }

    public record BulkSummary(String id, String reviewer, Instant at, int decisions) {
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
        if (text.strip().length() > MAX_COMMENT) throw new IllegalArgumentException("comment longer than " + MAX_COMMENT);
        Comment c = new Comment(applicationId, reviewer, clock.instant(), text.strip());
        AuditEntry entry = new AuditEntry(c.at(), AuditEntry.Event.COMMENT, reviewer, "", applicationId,
                c.text().length() <= 200 ? c.text() : c.text().substring(0, 200) + "…");
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO comments(application_id, reviewer, at, text) VALUES (?, ?, ?, ?)")) {
                p.setString(1, c.applicationId());
                p.setString(2, c.reviewer());
                p.setString(3, c.at().toString());
                p.setString(4, c.text());
                p.executeUpdate();
            }
            return insertAudit(entry);
        });
        AUDIT.info(entry.line());
        return c;
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
        recordRuleLoad(rulesHash, ok, message, "");
    }

    /** Records a (re)load of the rules, and who asked for it (empty for the server itself). */
    public synchronized void recordRuleLoad(String rulesHash, boolean ok, String message, String actor) {
        AuditEntry entry = new AuditEntry(clock.instant(), ok ? AuditEntry.Event.RULES_LOADED : AuditEntry.Event.RULES_FAILED,
                actor, "", "", (message == null ? "" : message) + (rulesHash == null ? "" : ", regels " + rulesHash));
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO rule_loads(loaded_at, rules_hash, ok, message) VALUES (?, ?, ?, ?)")) {
                p.setString(1, entry.at().toString());
                p.setString(2, rulesHash);
                p.setInt(3, ok ? 1 : 0);
                p.setString(4, message == null ? "" : message);
                p.executeUpdate();
            }
            return insertAudit(entry);
        });
        AUDIT.info(entry.line());
    }

    // ---- the audit log

    /** Records a sign-in or a failed one (committed, and written to stderr). */
    public synchronized void audit(AuditEntry.Event event, String actor, String address, String detail) {
        AuditEntry entry = new AuditEntry(clock.instant(), event, actor, address, "", detail);
        write(() -> insertAudit(entry));
        AUDIT.info(entry.line());
    }

    /** The audit log, oldest first. */
    public synchronized List<AuditEntry> auditLog() {
        return read(() -> {
            List<AuditEntry> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM audit ORDER BY seq")) {
                while (rs.next()) {
                    out.add(new AuditEntry(Instant.parse(rs.getString("at")), AuditEntry.Event.valueOf(rs.getString("event")),
                            rs.getString("actor"), rs.getString("address"), rs.getString("application_id"), rs.getString("detail")));
                }
            }
            return out;
        });
    }

    /** One page of the audit log, newest first, optionally of one event and of actors whose name contains {@code actor}. */
    public synchronized List<AuditEntry> auditPage(AuditEntry.Event event, String actor, int offset, int limit) {
        return read(() -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM audit WHERE (? IS NULL OR event = ?) AND (? = '' OR instr(lower(actor), lower(?)) > 0) "
                    + "ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                bindAuditFilter(p, event, actor);
                p.setInt(5, limit);
                p.setInt(6, offset);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(Instant.parse(rs.getString("at")), AuditEntry.Event.valueOf(rs.getString("event")),
                                rs.getString("actor"), rs.getString("address"), rs.getString("application_id"), rs.getString("detail")));
                    }
                }
            }
            return out;
        });
    }

    public synchronized int auditCount(AuditEntry.Event event, String actor) {
        return read(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM audit WHERE (? IS NULL OR event = ?) AND (? = '' OR instr(lower(actor), lower(?)) > 0)")) {
                bindAuditFilter(p, event, actor);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private static void bindAuditFilter(PreparedStatement p, AuditEntry.Event event, String actor) throws SQLException {
        p.setString(1, event == null ? null : event.name());
        p.setString(2, event == null ? null : event.name());
        p.setString(3, actor == null ? "" : actor);
        p.setString(4, actor == null ? "" : actor);
    }

    private AuditEntry insertAudit(AuditEntry e) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO audit(at, event, actor, address, application_id, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, e.at().toString());
            p.setString(2, e.event().name());
            p.setString(3, e.actor());
            p.setString(4, e.address());
            p.setString(5, e.applicationId());
            p.setString(6, e.detail());
            p.executeUpdate();
        }
        return e;
    }

    // ---- backup

    /**
     * A consistent copy of the whole database at one moment, taken while a server may be writing:
     * SQLite's {@code VACUUM INTO} reads in one transaction, so a bulk confirmation committing at the
     * same time is in the copy entirely or not at all. The copy is made owner-only before a byte is
     * written, checked with {@code PRAGMA integrity_check}, and the backup goes into the audit log.
     *
     * @return the integrity check's answer ("ok" when sound)
     */
    public synchronized String backup(Path target, String actor) {
        Objects.requireNonNull(target, "target");
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) throw new ReviewStoreException(abs + " bestaat al; kies een nieuwe bestandsnaam voor de reservekopie");
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            createOwnerOnly(abs);
            try (PreparedStatement p = db.prepareStatement("VACUUM INTO ?")) {
                p.setString(1, abs.toString());
                p.executeUpdate();
            }
            ownerOnly(abs);
        } catch (SQLException | java.io.IOException e) {
            throw new ReviewStoreException("kon geen reservekopie maken in " + abs + ": " + e.getMessage(), e);
        }
        String check = integrityCheck(abs);
        audit(AuditEntry.Event.BACKUP, actor, "", "reservekopie naar " + abs + ", integriteitscontrole: " + check);
        return check;
    }

    /** SQLite's own check of a database file: "ok", or what is wrong. */
    public static String integrityCheck(Path file) {
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) lines.add(rs.getString(1));
            return String.join("; ", lines);
        } catch (SQLException e) {
            return "niet leesbaar: " + e.getMessage();
        }
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
