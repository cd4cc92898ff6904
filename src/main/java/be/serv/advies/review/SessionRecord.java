package be.serv.advies.review;

import java.time.Instant;

/**
 * A sign-in as the database keeps it, so the secretariat (page or command line) can list and end it.
 * The id is a hash of the cookie's value, never the value itself.
 */
public record SessionRecord(String id, String name, String address, Instant started, Instant lastSeen) {
}
