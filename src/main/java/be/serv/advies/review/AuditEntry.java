package be.serv.advies.review;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who did what, when, from where.
 *
 * @param actor         the reviewer, or the name typed at a failed sign-in
 * @param address       the client address for sign-ins; empty for actions of a signed-in reviewer
 * @param applicationId the application a decision was about; empty otherwise
 */
public record AuditEntry(Instant at, Event event, String actor, String address, String applicationId, String detail) {
    public enum Event {
        SIGN_IN("aangemeld"),
        SIGN_IN_FAILED("aanmelden mislukt"),
        SIGN_IN_THROTTLED("aanmelden afgeremd"),
        SIGN_OUT("afgemeld"),
        COMMENT("opmerking"),
        EXPORT("export"),
        REFUSED("geweigerd"),
        BULK_UNDONE("bulkbevestiging ongedaan gemaakt"),
        ACCOUNT_CHANGED("account gewijzigd"),
        BACKUP("reservekopie"),
        DECISION("beslissing"),
        BULK("bulkbevestiging"),
        RULES_LOADED("regels geladen"),
        RULES_FAILED("regels niet geladen"),
        USER_ADDED("beoordelaar toegevoegd");

        private final String label;

        Event(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        actor = actor == null ? "" : actor;
        address = address == null ? "" : address;
        applicationId = applicationId == null ? "" : applicationId;
        detail = detail == null ? "" : detail;
    }

    /** The line written to stderr: one line, whatever a reviewer typed. */
    public String line() {
        return "audit " + at + " " + event.label() + " actor=" + quoted(actor)
                + (address.isEmpty() ? "" : " address=" + quoted(address))
                + (applicationId.isEmpty() ? "" : " application=" + quoted(applicationId))
                + (detail.isEmpty() ? "" : " " + quoted(detail));
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') b.append('\\').appendCodePoint(c);
            else if (Character.isISOControl(c)) b.append(String.format("\\u%04x", c));
            else b.appendCodePoint(c);
        });
        return b.append('"').toString();
    }
}
