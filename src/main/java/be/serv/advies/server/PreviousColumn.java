package be.serv.advies.server;

import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.Verdict;

import java.util.List;

/**
 * The work list's "Vorig jaar" column and filter: last year's advice on the same offer, when the
 * batch was read with last year's final annex. The filter picks re-applications by last year's
 * outcome, e.g. "her-aanvraag na negatief advies".
 */
final class PreviousColumn {
    static final List<Pages.Option> OPTIONS = List.of(
            new Pages.Option(PreviousAdvice.NEGATIVE, "her-aanvraag na negatief advies"),
            new Pages.Option(PreviousAdvice.NOT_ORGANISED, "her-aanvraag: goedgekeurd, niet ingericht"),
            new Pages.Option(PreviousAdvice.NO_STUDENTS, "her-aanvraag: geen leerlingen"),
            new Pages.Option(PreviousAdvice.UNKNOWN, "her-aanvraag: reden onbekend"));

    private PreviousColumn() {
    }

    static boolean known(String value) {
        return OPTIONS.stream().anyMatch(o -> o.value().equals(value));
    }

    /** Whether a row passes the filter: a re-application whose last year ended as {@code outcome}. */
    static boolean matches(WorkList.Row r, String outcome) {
        if (!r.app().isReapplication()) return false;
        return r.previous().map(PreviousAdvice::getOutcome).orElse(PreviousAdvice.UNKNOWN).equals(outcome);
    }

    /** The cell: last year's advice, and whether a reviewer changed it or what became of the offer. */
    static String cell(WorkList.Row r) {
        return r.previous().map(p -> Verdict.valueOf(p.getAdvice()).label()
                + (p.isOverridden() ? " (gewijzigd)" : "")
                + (p.getFollowUp().isEmpty() ? "" : ", " + p.getFollowUp())).orElse("");
    }
}
