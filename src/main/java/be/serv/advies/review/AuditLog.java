package be.serv.advies.review;

import be.serv.advies.output.Csv;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/** The audit log as a CSV file (UTF-8 with BOM, {@code ;}, formula cells neutralised like the annex). */
public final class AuditLog {
    public static final List<String> COLUMNS = List.of("at", "event", "actor", "address", "application_id", "detail");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Brussels"));

    private AuditLog() {
    }

    public static byte[] csv(List<AuditEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        Csv csv = new Csv().row(COLUMNS);
        for (AuditEntry e : entries) {
            csv.row(List.of(TIME.format(e.at()), e.event().label(), e.actor(), e.address(), e.applicationId(), e.detail()));
        }
        return csv.bytes();
    }
}
