package be.serv.advies.review;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.model.Trajectory;
import be.serv.advies.output.Csv;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.verdict.Advice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The annex after review: per application the current draft, the advice a person decided, whether it
 * overrode the draft and why, who decided and when, and on which rules and input. An application
 * nobody decided yet has an empty advice and status {@code open}, so the file can be taken mid-review
 * without anything pretending to be confirmed.
 */
public final class FinalAnnex {
    public static final List<String> COLUMNS = List.of("id", "institution_name", "place", "province", "trajectory",
            "trajectory_name", "level", "sector", "draft_verdict", "draft_reasons", "advice", "advice_label", "status",
            "overridden", "override_reason", "reviewer", "decided_at", "decided_on_draft", "decided_on_reasons",
            "rules_hash", "input_hash",
            // Appended so that next year's batch can link its re-applications to this year's advice (--previous-advice).
            "institution_number", "campus_number", "expected_students", "partner_companies", "infrastructure", "learning_resources");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Brussels"));

    private FinalAnnex() {
    }

    public static byte[] csv(DraftRun run, Map<String, Decision> latest) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(latest, "latest");
        Batch batch = run.batch();
        Csv csv = new Csv().row(COLUMNS);
        for (Advice advice : run.advices()) {
            Application a = batch.application(advice.applicationId()).orElseThrow();
            Trajectory t = batch.trajectory(a.getTrajectory());
            Optional<Decision> d = Optional.ofNullable(latest.get(a.getId()));
            Status status = Status.of(d, advice);
            csv.row(List.of(a.getId(), a.getInstitutionName(), a.getPlace(), a.getProvince().label(), t.getCode(), t.getName(),
                    t.getLevel().name(), batch.partnership(t.getPartnership()).getName(), advice.verdict().name(),
                    String.join(",", advice.reasons()),
                    d.map(x -> x.advice().name()).orElse(""),
                    d.map(x -> x.advice().label()).orElse(""),
                    status.label(),
                    d.map(x -> x.overridden() ? "ja" : "nee").orElse(""),
                    d.map(Decision::reason).orElse(""),
                    d.map(Decision::reviewer).orElse(""),
                    d.map(x -> TIME.format(x.decidedAt())).orElse(""),
                    d.map(x -> x.draftVerdict().name()).orElse(""),
                    d.map(x -> String.join(",", x.draftReasons())).orElse(""),
                    d.map(Decision::rulesHash).orElse(run.rules().hash()),
                    d.map(Decision::inputHash).orElse(batch.getInputHash()),
                    a.getInstitutionNumber(), a.getCampusNumber(), String.valueOf(a.getExpectedStudents()),
                    String.valueOf(a.getPartnerCompanies()), sufficiency(a.getInfrastructure()), sufficiency(a.getLearningResources())));
        }
        return csv.bytes();
    }

    private static String sufficiency(Sufficiency s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
