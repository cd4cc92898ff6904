package be.serv.advies.review;

import be.serv.advies.model.Verdict;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Decisions and comments. Decisions are never updated, and deleted only when the secretariat undoes a
 * bulk confirmation (the audit log keeps them): each new decision on an application gets the next
 * version, and the caller names the version it saw. A stale one is refused with the decision that got
 * there first; {@code UNIQUE(application_id, version)} keeps that true even for a second process on
 * the same file.
 */
final class Decisions {
    private final StoreConnection sql;
    private final BulkProgress progress;

    Decisions(StoreConnection sql, BulkProgress progress) {
        this.sql = sql;
        this.progress = progress;
    }


    /**
     * Records a confirmation or an override, committed before it returns; refused (with the decision
     * that got there first) when the application's latest version is not the one the reviewer saw.
     */
    Outcome decide(DraftSeen seen, Decision.Kind kind, Verdict advice, String reason, String reviewer) {
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
        if (reason != null && reason.strip().length() > ReviewStore.MAX_REASON) throw new IllegalArgumentException("reason longer than " + ReviewStore.MAX_REASON);
        List<AuditEntry> logged = new ArrayList<>();
        Outcome outcome = sql.write(() -> {
            Optional<Decision> latest = latestIn(seen.applicationId());
            int current = latest.map(Decision::version).orElse(0);
            if (current != seen.version()) return latest.map(Outcome::conflict).orElseGet(Outcome::stale);
            Decision d = new Decision(seen.applicationId(), current + 1, kind, advice,
                    kind == Decision.Kind.CONFIRM ? "" : reason.strip(), reviewer, sql.clock.instant(), seen.verdict(),
                    seen.reasons(), seen.rulesHash(), seen.inputHash(), null);
            insert(d);
            logged.add(sql.insertAudit(decisionEntry(d)));
            return Outcome.committed(d);
        });
        StoreConnection.log(logged);
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
    BulkResult bulkConfirm(List<DraftSeen> seen, String reviewer) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(reviewer, "reviewer");
        String bulkId = UUID.randomUUID().toString();
        List<AuditEntry> logged = new ArrayList<>();
        BulkResult result = sql.write(() -> {
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
                        reviewer, sql.clock.instant(), s.verdict(), s.reasons(), s.rulesHash(), s.inputHash(), bulkId);
                insert(d);
                done.add(d);
                logged.add(sql.insertAudit(decisionEntry(d)));
                progress.rowWritten(++i, seen.size());
            }
            logged.add(sql.insertAudit(new AuditEntry(sql.clock.instant(), AuditEntry.Event.BULK, reviewer, "", "",
                    done.size() + " bevestigd, bulk " + bulkId)));
            return new BulkResult(bulkId, done, List.of());
        });
        StoreConnection.log(logged);
        return result;
    }

    /**
     * Undoes a bulk confirmation: each of its decisions that is still its application's latest gets a
     * new version that reopens it (the history keeps both); returns the applications reopened.
     */
    List<String> undoBulk(String bulkId, String actor) {
        Objects.requireNonNull(bulkId, "bulkId");
        List<AuditEntry> logged = new ArrayList<>();
        List<String> reopened = sql.write(() -> {
            List<String> out = new ArrayList<>();
            List<Decision> of = new ArrayList<>();
            try (PreparedStatement p = sql.db.prepareStatement("SELECT * FROM decisions WHERE bulk_id = ? ORDER BY seq")) {
                p.setString(1, bulkId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) of.add(decision(rs));
                }
            }
            for (Decision d : of) {
                Decision latest = latestIn(d.applicationId()).orElseThrow();
                if (latest.version() != d.version()) continue;
                try (PreparedStatement p = sql.db.prepareStatement("DELETE FROM decisions WHERE application_id = ? AND version = ? AND bulk_id = ?")) {
                    p.setString(1, d.applicationId());
                    p.setInt(2, d.version());
                    p.setString(3, bulkId);
                    p.executeUpdate();
                }
                out.add(d.applicationId());
            }
            logged.add(sql.insertAudit(new AuditEntry(sql.clock.instant(), AuditEntry.Event.BULK_UNDONE, actor, "", "",
                    "bulk " + bulkId + ": " + out.size() + " bevestiging(en) ongedaan gemaakt" + (out.isEmpty() ? "" : " (" + String.join(", ", out) + ")"))));
            return out;
        });
        StoreConnection.log(logged);
        return reopened;
    }

    /** The bulk confirmations, newest first: id, reviewer, when, how many decisions. */
    List<BulkSummary> bulks() {
        return sql.readAll("SELECT bulk_id, reviewer, MIN(decided_at) at, COUNT(*) n "
                        + "FROM decisions WHERE bulk_id IS NOT NULL GROUP BY bulk_id, reviewer ORDER BY at DESC LIMIT 50",
                rs -> new BulkSummary(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getInt(4)));
    }


    Optional<Decision> latest(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId");
        return sql.read(() -> latestIn(applicationId));
    }

    /** The latest decision per application, for the work list. */
    Map<String, Decision> latestAll() {
        return sql.read(() -> {
            Map<String, Decision> out = new LinkedHashMap<>();
            try (Statement s = sql.db.createStatement(); ResultSet rs = s.executeQuery(
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
    List<Decision> history(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId");
        return sql.read(() -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement p = sql.db.prepareStatement("SELECT * FROM decisions WHERE application_id = ? ORDER BY version")) {
                p.setString(1, applicationId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(decision(rs));
                }
            }
            return out;
        });
    }

    /** Every decision in the file, in the order they were committed. */
    List<Decision> allDecisions() {
        return sql.readAll("SELECT * FROM decisions ORDER BY seq", Decisions::decision);
    }

    // ---- comments

    Comment comment(String applicationId, String reviewer, String text) {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(reviewer, "reviewer");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a comment needs text");
        if (text.strip().length() > ReviewStore.MAX_COMMENT) throw new IllegalArgumentException("comment longer than " + ReviewStore.MAX_COMMENT);
        Comment c = new Comment(applicationId, reviewer, sql.clock.instant(), text.strip());
        AuditEntry entry = new AuditEntry(c.at(), AuditEntry.Event.COMMENT, reviewer, "", applicationId,
                c.text().length() <= 200 ? c.text() : c.text().substring(0, 200) + "…");
        sql.write(() -> {
            try (PreparedStatement p = sql.db.prepareStatement("INSERT INTO comments(application_id, reviewer, at, text) VALUES (?, ?, ?, ?)")) {
                p.setString(1, c.applicationId());
                p.setString(2, c.reviewer());
                p.setString(3, c.at().toString());
                p.setString(4, c.text());
                p.executeUpdate();
            }
            return sql.insertAudit(entry);
        });
        StoreConnection.log(List.of(entry));
        return c;
    }

    List<Comment> comments(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId");
        return sql.read(() -> {
            List<Comment> out = new ArrayList<>();
            try (PreparedStatement p = sql.db.prepareStatement("SELECT * FROM comments WHERE application_id = ? ORDER BY seq")) {
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



    private Optional<Decision> latestIn(String applicationId) throws SQLException {
        try (PreparedStatement p = sql.db.prepareStatement("SELECT * FROM decisions WHERE application_id = ? ORDER BY version DESC LIMIT 1")) {
            p.setString(1, applicationId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(decision(rs)) : Optional.empty();
            }
        }
    }

    private void insert(Decision d) throws SQLException {
        try (PreparedStatement p = sql.db.prepareStatement("INSERT INTO decisions(application_id, version, kind, advice, reason, reviewer, "
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

}
