package be.serv.advies.server;

import be.serv.advies.model.Batch;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.Role;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The role checks that depend on the data asked for, all in one place: whether a reviewer decides on
 * this application (a sector's representative only on their own sectors), and which rows an export
 * may hold. Checks that depend on the role alone are declared with the route ({@link Access}).
 */
final class SectorChecks {
    static final String READER_REFUSAL = "U hebt de rol lezer: u kunt alles bekijken maar niets beslissen. Er is niets vastgelegd.";

    private final Routes routes;

    SectorChecks(Routes routes) {
        this.routes = routes;
    }

    /** Whether this reviewer may decide on this application; if not, the 403 page has been sent. */
    boolean mayDecide(Context ctx, Sessions.Session s, DraftRun run, String id) {
        String code = partnershipOf(run, id);
        if (s.account.decidesOn(code)) return true;
        routes.forbidden(ctx, s, notYours(s, run, code));
        return false;
    }

    /** Why this reviewer does not decide on the partnership {@code code}. */
    static String notYours(Sessions.Session s, DraftRun run, String code) {
        return switch (s.account.role()) {
            case LEZER -> READER_REFUSAL;
            case SECTOR -> "Aanvragen van de sector " + run.batch().partnership(code).getName() + " beslist u niet (uw sector"
                    + (s.account.sectors().size() == 1 ? ": " : "en: ") + String.join(", ", s.account.sectors()) + "). Er is niets vastgelegd.";
            case SECRETARIAAT -> "Niet toegestaan.";
        };
    }

    /**
     * The run an export may show this reviewer: everything, one sector ({@code ?sector=CODE}), and for
     * a sector's representative only their own sectors; empty (and a 403 sent) when they ask for another.
     */
    Optional<DraftRun> exportable(Context ctx, Sessions.Session s, DraftRun run) {
        String typed = Optional.ofNullable(ctx.queryParam("sector")).orElse("").strip();
        // Sector codes are matched without case: ?sector=horeca is HORECA.
        String asked = sectorCodes(run).stream().filter(c -> c.equalsIgnoreCase(typed)).findFirst().orElse(typed);
        if (!asked.isEmpty() && !sectorCodes(run).contains(asked)) {
            ctx.status(HttpStatus.NOT_FOUND).html(Pages.message(s.user, s.csrf, "Niet gevonden", "Sector '" + Limits.cut(asked) + "' staat niet in deze batch."));
            return Optional.empty();
        }
        if (!asked.isEmpty() && !s.account.exports(asked)) {
            routes.forbidden(ctx, s, "U exporteert enkel de aanvragen van uw sector" + (s.account.sectors().size() == 1 ? " " : "en ")
                    + String.join(", ", s.account.sectors()) + ".");
            return Optional.empty();
        }
        if (asked.isEmpty() && s.account.role() != Role.SECTOR) return Optional.of(run);
        return Optional.of(run.only(a -> {
            String code = partnershipOf(run, a.applicationId());
            return s.account.exports(code) && (asked.isEmpty() || asked.equals(code));
        }));
    }

    static String partnershipOf(DraftRun run, String applicationId) {
        Batch batch = run.batch();
        return batch.application(applicationId).map(a -> batch.trajectory(a.getTrajectory()).getPartnership()).orElse("");
    }

    static Set<String> sectorCodes(DraftRun run) {
        Set<String> out = new HashSet<>();
        run.batch().getPartnerships().forEach(p -> out.add(p.getCode()));
        return out;
    }

    static Integer intParam(String s) {
        if (s == null) return null;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
