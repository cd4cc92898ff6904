package be.serv.advies.server;

import be.serv.advies.review.Account;
import be.serv.advies.review.Role;
import io.javalin.security.RouteRole;

/**
 * Who may use a route, declared with the route in {@link ReviewServer}'s table, and the sentence a
 * reviewer without that role reads (each route says what it did not do). Checked before the handler
 * runs, by {@link Routes}; checks that depend on the application or sector asked for are in
 * {@link SectorChecks}.
 */
record Access(Who who, String refusal) implements RouteRole {
    enum Who { SIGNED_IN, DECIDER, SECRETARIAAT }

    static final Access SIGNED_IN = new Access(Who.SIGNED_IN, "");
    /** Any role that decides (the secretariat, a sector's representative); a reader is refused. */
    static final Access DECIDER = new Access(Who.DECIDER, SectorChecks.READER_REFUSAL);

    static Access secretariat(String refusal) {
        return new Access(Who.SECRETARIAAT, refusal);
    }

    boolean allows(Account account) {
        return switch (who) {
            case SIGNED_IN -> true;
            case DECIDER -> account.role() != Role.LEZER;
            case SECRETARIAAT -> account.isSecretariat();
        };
    }
}
