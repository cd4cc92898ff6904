package be.serv.advies.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The open database file shared by the accounts, the decisions and the audit trail: one write is one
 * transaction, committed or rolled back whole, and every change writes its audit row in the same
 * transaction. Callers hold the {@link ReviewStore}'s lock, so one connection serves them all.
 */
final class StoreConnection {
    private static final Logger AUDIT = LoggerFactory.getLogger("advies.audit");

    final Path file;
    final Connection db;
    final Clock clock;

    StoreConnection(Path file, Connection db, Clock clock) {
        this.file = file;
        this.db = db;
        this.clock = clock;
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    <T> T write(Work<T> work) {
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

    <T> T read(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ReviewStoreException("de beoordelingsdatabank " + file + " kon niet gelezen worden: " + e.getMessage(), e);
        }
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every row a query without parameters gives, each read into one value, in the query's order. */
    <T> List<T> readAll(String query, RowReader<T> reader) {
        return read(() -> {
            List<T> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) out.add(reader.read(rs));
            }
            return out;
        });
    }

    /** Writes one audit row inside the caller's transaction. */
    AuditEntry insertAudit(AuditEntry e) throws SQLException {
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

    /** Commits one audit row on its own and logs it. */
    void audit(AuditEntry entry) {
        write(() -> insertAudit(entry));
        log(List.of(entry));
    }

    /** Copies committed audit rows to the log (stderr), only after their transaction committed. */
    static void log(List<AuditEntry> committed) {
        committed.forEach(e -> AUDIT.info(e.line()));
    }

    void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new ReviewStoreException("kan " + file + " niet sluiten: " + e.getMessage(), e);
        }
    }
}
