package be.serv.advies.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The audit log, the record of which rules were in force when, and backups checked after they are made. */
final class AuditTrail {
    private final StoreConnection sql;

    AuditTrail(StoreConnection sql) {
        this.sql = sql;
    }

    // ---- rule loads (an audit trail of which rules were in force when)

    /** Records a (re)load of the rules, and who asked for it (empty for the server itself). */
    void recordRuleLoad(String rulesHash, boolean ok, String message, String actor) {
        AuditEntry entry = new AuditEntry(sql.clock.instant(), ok ? AuditEntry.Event.RULES_LOADED : AuditEntry.Event.RULES_FAILED,
                actor, "", "", (message == null ? "" : message) + (rulesHash == null ? "" : ", regels " + rulesHash));
        sql.write(() -> {
            try (PreparedStatement p = sql.db.prepareStatement("INSERT INTO rule_loads(loaded_at, rules_hash, ok, message) VALUES (?, ?, ?, ?)")) {
                p.setString(1, entry.at().toString());
                p.setString(2, rulesHash);
                p.setInt(3, ok ? 1 : 0);
                p.setString(4, message == null ? "" : message);
                p.executeUpdate();
            }
            return sql.insertAudit(entry);
        });
        StoreConnection.log(List.of(entry));
    }

    // ---- the audit log

    /** Records a sign-in or a failed one (committed, and written to stderr). */
    void audit(AuditEntry.Event event, String actor, String address, String detail) {
        sql.audit(new AuditEntry(sql.clock.instant(), event, actor, address, "", detail));
    }

    /** The audit log, oldest first. */
    List<AuditEntry> auditLog() {
        return sql.readAll("SELECT * FROM audit ORDER BY seq",
                rs -> new AuditEntry(Instant.parse(rs.getString("at")), AuditEntry.Event.valueOf(rs.getString("event")),
                        rs.getString("actor"), rs.getString("address"), rs.getString("application_id"), rs.getString("detail")));
    }

    /** One page of the audit log, newest first, optionally of one event and of actors whose name contains {@code actor}. */
    List<AuditEntry> auditPage(AuditEntry.Event event, String actor, int offset, int limit) {
        return sql.read(() -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement p = sql.db.prepareStatement("SELECT * FROM audit WHERE (? IS NULL OR event = ?) AND (? = '' OR instr(lower(actor), lower(?)) > 0) "
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

    int auditCount(AuditEntry.Event event, String actor) {
        return sql.read(() -> {
            try (PreparedStatement p = sql.db.prepareStatement("SELECT COUNT(*) FROM audit WHERE (? IS NULL OR event = ?) AND (? = '' OR instr(lower(actor), lower(?)) > 0)")) {
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


    // ---- backup

    /**
     * A consistent copy of the whole database at one moment, taken while a server may be writing:
     * SQLite's {@code VACUUM INTO} reads in one transaction, so a bulk confirmation committing at the
     * same time is in the copy entirely or not at all. The copy is made owner-only before a byte is
     * written, checked with {@code PRAGMA integrity_check}, and the backup goes into the audit log.
     *
     * @return the integrity check's answer ("ok" when sound)
     */
    String backup(Path target, String actor) {
        Objects.requireNonNull(target, "target");
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) throw new ReviewStoreException(abs + " bestaat al; kies een nieuwe bestandsnaam voor de reservekopie");
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            DatabaseFile.createOwnerOnly(abs);
            try (PreparedStatement p = sql.db.prepareStatement("VACUUM INTO ?")) {
                p.setString(1, abs.toString());
                p.executeUpdate();
            }
            DatabaseFile.ownerOnly(abs);
        } catch (SQLException | IOException e) {
            throw new ReviewStoreException("kon geen reservekopie maken in " + abs + ": " + e.getMessage(), e);
        }
        String check = DatabaseFile.integrityCheck(abs);
        audit(AuditEntry.Event.BACKUP, actor, "", "reservekopie naar " + abs + ", integriteitscontrole: " + check);
        return check;
    }
}
