package be.serv.advies.review;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tables, and the steps that bring a file of an older advies up to {@link #VERSION} in one transaction. */
final class Schema {
    /** The schema this code writes; a file with a higher number came from a newer advies and is refused. */
    static final int VERSION = 3;

    private final Path file;
    private final Connection db;

    private Schema(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    static void migrate(Path file, Connection db) throws SQLException {
        new Schema(file, db).migrate();
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > VERSION) {
            throw new ReviewStoreException("de databank " + file + " heeft schemaversie " + version
                    + ", nieuwer dan deze versie van advies (" + VERSION + ") kent");
        }
        if (version == VERSION) return;
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            if (version < 1) createVersion1(s);
            if (version < 2) toVersion2(s);
            if (version < 3) toVersion3(s);
            s.executeUpdate("PRAGMA user_version = " + VERSION);
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

}
