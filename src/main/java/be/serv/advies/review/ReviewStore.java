package be.serv.advies.review;

import be.serv.advies.model.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The review state in one SQLite file, opened once per process: accounts ({@link Accounts}),
 * decisions and comments ({@link Decisions}), the audit log and backups ({@link AuditTrail}), the
 * tables and their migration ({@link Schema}). Every write is one transaction, a bulk confirmation
 * included, so a killed process leaves all of it or none. The methods share one connection and take
 * this object's lock, so a read-then-write (a version check and its decision) is never interleaved.
 */
public final class ReviewStore implements AutoCloseable {
    /** The schema this code writes; a file with a higher number came from a newer advies and is refused. */
    public static final int SCHEMA_VERSION = Schema.VERSION;
    /** Longest override reason a reviewer may write. */
    public static final int MAX_REASON = 2_000;
    /** Longest comment. */
    public static final int MAX_COMMENT = 4_000;

    private final StoreConnection sql;
    private final Accounts accounts;
    private final Decisions decisions;
    private final AuditTrail audit;

    private ReviewStore(StoreConnection sql, BulkProgress progress) {
        this.sql = sql;
        this.accounts = new Accounts(sql);
        this.decisions = new Decisions(sql, progress);
        this.audit = new AuditTrail(sql);
    }

    public static ReviewStore open(Path file) {
        return open(file, Clock.systemUTC(), BulkProgress.NONE);
    }

    /** Opens (and if needed creates or migrates) the file; {@code progress} is told of each row a bulk confirmation writes. */
    public static ReviewStore open(Path file, Clock clock, BulkProgress progress) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(progress, "progress");
        Path abs = file.toAbsolutePath().normalize();
        try {
            Connection c = DatabaseFile.connect(abs);
            Schema.migrate(abs, c);
            DatabaseFile.tighten(abs);
            return new ReviewStore(new StoreConnection(abs, c, clock), progress);
        } catch (SQLException | IOException e) {
            throw new ReviewStoreException("kan de beoordelingsdatabank " + abs + " niet openen: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return sql.file;
    }

    // ---- accounts and sessions

    /** Adds a reviewer; refused when the name exists in any case. {@code addedBy} goes into the audit log. */
    public synchronized void addUser(String name, String passwordHash, Role role, Set<String> sectors, String addedBy) {
        accounts.addUser(name, passwordHash, role, sectors, addedBy);
    }

    /** The account with this name, compared without case. */
    public synchronized Optional<Account> account(String name) {
        return accounts.account(name);
    }

    public synchronized List<String> users() {
        return accounts.users();
    }

    public synchronized List<Account> accounts() {
        return accounts.accounts();
    }

    /** Every account with its state, by name. */
    public synchronized List<AccountState> accountStates() {
        return accounts.accountStates();
    }

    public synchronized Optional<AccountState> accountState(String name) {
        return accounts.accountState(name);
    }

    /** Disables or re-enables an account; disabling ends its sessions at their next request. */
    public synchronized void setDisabled(String name, boolean disabled, String actor) {
        accounts.setDisabled(name, disabled, actor);
    }

    /** A temporary password: the reviewer must choose their own at the next sign-in; open sessions end. */
    public synchronized void resetPassword(String name, String passwordHash, String actor) {
        accounts.resetPassword(name, passwordHash, actor);
    }

    /** A reviewer's own new password; their other sessions end, {@code keepSession} (or null) stays signed in. */
    public synchronized void changeOwnPassword(String name, String passwordHash, String keepSession) {
        accounts.changeOwnPassword(name, passwordHash, keepSession);
    }

    /** A new role and sectors; open sessions use them from their next request. */
    public synchronized void setRole(String name, Role role, Set<String> sectors, String actor) {
        accounts.setRole(name, role, sectors, actor);
    }

    /** Clears the wrong-password counts kept against this name. */
    public synchronized void unlock(String name, String actor) {
        accounts.unlock(name, actor);
    }

    /** Records a sign-in; {@code id} is the hash of the session cookie. */
    public synchronized void sessionStarted(String id, String name, String address) {
        accounts.sessionStarted(id, name, address);
    }

    /** The account behind a live session, as it is now; empty when the session no longer counts. */
    public synchronized Optional<AccountState> sessionAccount(String id) {
        return accounts.sessionAccount(id);
    }

    /** Sessions not ended, the most recently seen first. */
    public synchronized List<SessionRecord> openSessions() {
        return accounts.openSessions();
    }

    /** Ends one session (by an id prefix of at least 8 characters) or all of a reviewer's; returns how many. */
    public synchronized int endSessions(String idOrName, String actor, boolean byName) {
        return accounts.endSessions(idOrName, actor, byName);
    }

    /** At start-up: the sessions of an earlier run are gone from memory, so they are ended here too. */
    public synchronized void endAllSessions() {
        accounts.endAllSessions();
    }

    // ---- decisions and comments

    /** Records a confirmation or an override; refused (with the decision that got there first) on a stale version. */
    public synchronized Outcome decide(DraftSeen seen, Decision.Kind kind, Verdict advice, String reason, String reviewer) {
        return decisions.decide(seen, kind, advice, reason, reviewer);
    }

    /** Confirms every draft in {@code seen} in one transaction, all or none. */
    public synchronized BulkResult bulkConfirm(List<DraftSeen> seen, String reviewer) {
        return decisions.bulkConfirm(seen, reviewer);
    }

    /** Undoes a bulk confirmation where it is still the latest decision; returns the applications reopened. */
    public synchronized List<String> undoBulk(String bulkId, String actor) {
        return decisions.undoBulk(bulkId, actor);
    }

    /** The bulk confirmations, newest first. */
    public synchronized List<BulkSummary> bulks() {
        return decisions.bulks();
    }

    public synchronized Optional<Decision> latest(String applicationId) {
        return decisions.latest(applicationId);
    }

    /** The latest decision per application, for the work list. */
    public synchronized Map<String, Decision> latestAll() {
        return decisions.latestAll();
    }

    /** Every decision on an application, oldest first. */
    public synchronized List<Decision> history(String applicationId) {
        return decisions.history(applicationId);
    }

    /** Every decision in the file, in the order they were committed. */
    public synchronized List<Decision> allDecisions() {
        return decisions.allDecisions();
    }

    public synchronized Comment comment(String applicationId, String reviewer, String text) {
        return decisions.comment(applicationId, reviewer, text);
    }

    public synchronized List<Comment> comments(String applicationId) {
        return decisions.comments(applicationId);
    }

    // ---- audit log and backups

    /** Records a (re)load of the rules, and who asked for it (empty for the server itself). */
    public synchronized void recordRuleLoad(String rulesHash, boolean ok, String message, String actor) {
        audit.recordRuleLoad(rulesHash, ok, message, actor);
    }

    /** Records a sign-in or a failed one (committed, and written to stderr). */
    public synchronized void audit(AuditEntry.Event event, String actor, String address, String detail) {
        audit.audit(event, actor, address, detail);
    }

    /** The audit log, oldest first. */
    public synchronized List<AuditEntry> auditLog() {
        return audit.auditLog();
    }

    /** One page of the audit log, newest first, optionally of one event and of actors whose name contains {@code actor}. */
    public synchronized List<AuditEntry> auditPage(AuditEntry.Event event, String actor, int offset, int limit) {
        return audit.auditPage(event, actor, offset, limit);
    }

    public synchronized int auditCount(AuditEntry.Event event, String actor) {
        return audit.auditCount(event, actor);
    }

    /** A consistent, owner-only, integrity-checked copy of the whole file; returns the check's answer ("ok"). */
    public synchronized String backup(Path target, String actor) {
        return audit.backup(target, actor);
    }

    /** SQLite's own check of a database file: "ok", or what is wrong. */
    public static String integrityCheck(Path file) {
        return DatabaseFile.integrityCheck(file);
    }

    @Override
    public synchronized void close() {
        sql.close();
    }
}
