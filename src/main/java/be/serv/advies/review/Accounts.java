package be.serv.advies.review;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reviewers' accounts: names, password hashes, roles and sectors, whether disabled or locked, and their sign-ins. */
final class Accounts {
    private final StoreConnection sql;

    Accounts(StoreConnection sql) {
        this.sql = sql;
    }

    /**
     * Adds a reviewer; refused when the name exists in any case ({@code Anna} is {@code anna}). The
     * audit log says who added them ({@code addedBy}, empty when unknown).
     */
    void addUser(String name, String passwordHash, Role role, Set<String> sectors, String addedBy) {
        Objects.requireNonNull(name, "name");
        Account account = new Account(name.strip(), passwordHash, role, sectors);
        account(name).ifPresent(existing -> {
            throw new ReviewStoreException("beoordelaar '" + existing.name() + "' bestaat al");
        });
        AuditEntry added = new AuditEntry(sql.clock.instant(), AuditEntry.Event.USER_ADDED, addedBy, "", "", "beoordelaar " + account.name()
                + ", rol " + role.label() + (account.sectors().isEmpty() ? "" : ", sectoren " + String.join(", ", new TreeSet<>(account.sectors()))));
        sql.write(() -> {
            try (PreparedStatement p = sql.db.prepareStatement(
                    "INSERT INTO users(name, password_hash, created_at, role, sectors, name_key) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, account.name());
                p.setString(2, account.passwordHash());
                p.setString(3, sql.clock.instant().toString());
                p.setString(4, account.role().label());
                p.setString(5, String.join(",", new TreeSet<>(account.sectors())));
                p.setString(6, Account.key(account.name()));
                p.executeUpdate();
            }
            return sql.insertAudit(added);
        });
        StoreConnection.log(List.of(added));
    }

    /** The account with this name, compared without case. */
    Optional<Account> account(String name) {
        Objects.requireNonNull(name, "name");
        return sql.read(() -> {
            try (PreparedStatement p = sql.db.prepareStatement("SELECT name, password_hash, role, sectors FROM users WHERE name_key = ?")) {
                p.setString(1, Account.key(name));
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    Optional<String> passwordHash(String name) {
        return account(name).map(Account::passwordHash);
    }

    List<String> users() {
        return accounts().stream().map(Account::name).toList();
    }

    List<Account> accounts() {
        return sql.readAll("SELECT name, password_hash, role, sectors FROM users ORDER BY name_key", this::account);
    }

    /** Every account with its state, by name. */
    List<AccountState> accountStates() {
        return sql.readAll("SELECT * FROM users ORDER BY name_key", this::accountState);
    }

    Optional<AccountState> accountState(String name) {
        Objects.requireNonNull(name, "name");
        return sql.read(() -> {
            try (PreparedStatement p = sql.db.prepareStatement("SELECT * FROM users WHERE name_key = ?")) {
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
    void setDisabled(String name, boolean disabled, String actor) {
        changeAccount(name, actor, (disabled ? "uitgeschakeld" : "weer ingeschakeld"),
                "UPDATE users SET disabled = ?, credentials = credentials + ? WHERE name_key = ?", disabled ? 1 : 0, disabled ? 1 : 0);
    }

    /** A temporary password set by the secretariat: the reviewer must choose their own at the next sign-in; open sessions end. */
    void resetPassword(String name, String passwordHash, String actor) {
        changeAccount(name, actor, "wachtwoord opnieuw ingesteld (tijdelijk, te wijzigen bij de volgende aanmelding)",
                "UPDATE users SET password_hash = ?, must_change = 1, credentials = credentials + 1 WHERE name_key = ?", passwordHash);
    }

    /**
     * A reviewer's own new password. Their other sessions end; the session {@code keepSession} (the
     * one they changed it in, or null) stays signed in.
     */
    void changeOwnPassword(String name, String passwordHash, String keepSession) {
        changeAccount(name, name, "eigen wachtwoord gewijzigd",
                "UPDATE users SET password_hash = ?, must_change = 0, credentials = credentials + 1 WHERE name_key = ?", passwordHash);
        if (keepSession != null) {
            sql.write(() -> {
                try (PreparedStatement p = sql.db.prepareStatement(
                        "UPDATE sessions SET credentials = (SELECT credentials FROM users WHERE name_key = ?) WHERE id = ?")) {
                    p.setString(1, Account.key(name));
                    p.setString(2, keepSession);
                    return p.executeUpdate();
                }
            });
        }
    }

    /** A new role and sectors; open sessions use them from their next request. */
    void setRole(String name, Role role, Set<String> sectors, String actor) {
        Account checked = new Account(name, "-", role, sectors);
        changeAccount(name, actor, "rol " + role.label() + (checked.sectors().isEmpty() ? "" : ", sectoren "
                        + String.join(", ", new TreeSet<>(checked.sectors()))),
                "UPDATE users SET role = ?, sectors = ? WHERE name_key = ?", role.label(), String.join(",", new TreeSet<>(checked.sectors())));
    }

    /** Clears the wrong-password counts kept against this name (the server forgets failures before now). */
    void unlock(String name, String actor) {
        changeAccount(name, actor, "ontgrendeld (foute pogingen vergeten)", "UPDATE users SET unlocked_at = ? WHERE name_key = ?",
                sql.clock.instant().toString());
    }

    private void changeAccount(String name, String actor, String what, String update, Object... values) {
        AccountState state = accountState(name).orElseThrow(() -> new ReviewStoreException("beoordelaar '" + name + "' bestaat niet"));
        AuditEntry entry = new AuditEntry(sql.clock.instant(), AuditEntry.Event.ACCOUNT_CHANGED, actor, "", "", "beoordelaar "
                + state.name() + ": " + what);
        sql.write(() -> {
            try (PreparedStatement p = sql.db.prepareStatement(update)) {
                int i = 1;
                for (Object v : values) p.setObject(i++, v);
                p.setString(i, Account.key(state.name()));
                p.executeUpdate();
            }
            return sql.insertAudit(entry);
        });
        StoreConnection.log(List.of(entry));
    }

    // ---- sessions

    /** Records a sign-in; {@code id} is the hash of the session cookie. */
    void sessionStarted(String id, String name, String address) {
        Instant now = sql.clock.instant();
        sql.write(() -> {
            try (PreparedStatement p = sql.db.prepareStatement("INSERT INTO sessions(id, name_key, address, started_at, last_seen, credentials) "
                    + "SELECT ?, name_key, ?, ?, ?, credentials FROM users WHERE name_key = ?")) {
                p.setString(1, id);
                p.setString(2, address == null ? "" : address);
                p.setString(3, now.toString());
                p.setString(4, now.toString());
                p.setString(5, Account.key(name));
                p.executeUpdate();
            }
            try (PreparedStatement p = sql.db.prepareStatement("UPDATE users SET last_sign_in = ? WHERE name_key = ?")) {
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
    Optional<AccountState> sessionAccount(String id) {
        Optional<AccountState> state = sql.read(() -> {
            try (PreparedStatement p = sql.db.prepareStatement("SELECT u.*, s.credentials AS session_credentials, s.ended_at, s.last_seen AS session_seen "
                    + "FROM sessions s JOIN users u ON u.name_key = s.name_key WHERE s.id = ?")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next() || rs.getString("ended_at") != null || rs.getInt("disabled") != 0
                            || rs.getInt("credentials") != rs.getInt("session_credentials")) {
                        return Optional.<AccountState>empty();
                    }
                    if (Instant.parse(rs.getString("session_seen")).plusSeconds(60).isBefore(sql.clock.instant())) {
                        try (PreparedStatement u = sql.db.prepareStatement("UPDATE sessions SET last_seen = ? WHERE id = ?")) {
                            u.setString(1, sql.clock.instant().toString());
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
    List<SessionRecord> openSessions() {
        return sql.readAll("SELECT s.*, u.name FROM sessions s JOIN users u ON u.name_key = s.name_key "
                        + "WHERE s.ended_at IS NULL AND u.disabled = 0 AND u.credentials = s.credentials ORDER BY s.last_seen DESC",
                rs -> new SessionRecord(rs.getString("id"), rs.getString("name"), rs.getString("address"),
                        Instant.parse(rs.getString("started_at")), Instant.parse(rs.getString("last_seen"))));
    }

    /**
     * Ends sessions: the one whose id starts with {@code idOrPrefix} (at least 8 characters), or, with
     * a reviewer's name, all of theirs. Returns how many ended; audited when {@code actor} is not the
     * reviewer signing out.
     */
    int endSessions(String idOrName, String actor, boolean byName) {
        if (!byName && idOrName.length() < 8) throw new IllegalArgumentException("a session id of at least 8 characters");
        Instant now = sql.clock.instant();
        int n = sql.write(() -> {
            String where = byName ? "name_key = ?" : "id LIKE ? ESCAPE '\\'";
            try (PreparedStatement p = sql.db.prepareStatement("UPDATE sessions SET ended_at = ? WHERE ended_at IS NULL AND " + where)) {
                p.setString(1, now.toString());
                p.setString(2, byName ? Account.key(idOrName) : idOrName.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                return p.executeUpdate();
            }
        });
        if (n > 0 && actor != null) {
            sql.audit(new AuditEntry(sql.clock.instant(), AuditEntry.Event.ACCOUNT_CHANGED, actor, "", "", (byName ? "alle sessies van " + idOrName : "sessie " + idOrName) + " beëindigd (" + n + ")"));
        }
        return n;
    }

    /** At start-up: the sessions of an earlier run are gone from memory, so they are ended here too. */
    void endAllSessions() {
        sql.write(() -> {
            try (PreparedStatement p = sql.db.prepareStatement("UPDATE sessions SET ended_at = ? WHERE ended_at IS NULL")) {
                p.setString(1, sql.clock.instant().toString());
                return p.executeUpdate();
            }
        });
    }

    private Account account(ResultSet rs) throws SQLException {
        String sectors = rs.getString("sectors");
        Role role = Role.of(rs.getString("role")).orElseThrow(() -> new ReviewStoreException("onbekende rol in " + sql.file));
        return new Account(rs.getString("name"), rs.getString("password_hash"), role,
                sectors.isEmpty() ? Set.of() : Set.of(sectors.split(",")));
    }

}
