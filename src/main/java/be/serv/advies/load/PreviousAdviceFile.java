package be.serv.advies.load;

import be.serv.advies.model.Application;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Last year's final annex (the review server's export, or annex.csv, annex.json or annex.xlsx of an
 * earlier run), linked to this year's applications by institution, campus and trajectory. A
 * trajectory the catalogue renamed is linked through the batch's rename table. Nothing is guessed:
 * a re-application without a link and a linked application not marked as one are warnings that
 * name both rows.
 */
public final class PreviousAdviceFile {
    static final List<String> REQUIRED = List.of("id", "institution_number", "campus_number", "trajectory");
    static final List<String> RENAME_COLUMNS = List.of("previous_trajectory", "trajectory");
    static final List<String> FOLLOW_UPS = List.of("ingericht", "niet ingericht", "geen leerlingen");
    private static final ObjectMapper FLAT = new ObjectMapper();

    /** One row of last year's annex, with its key and where it stands. */
    record Previous(String key, Row row, PreviousAdvice advice) {
    }

    /** What linking gave: per application of this year its previous advice, and what could not be linked. */
    record Linked(Map<String, PreviousAdvice> byApplication, List<Problem> warnings) {
    }

    private PreviousAdviceFile() {
    }

    /** The table of last year's annex, or null after a problem; its bytes go into the input hash. */
    static Table read(Path file, String name, byte[] bytes, List<Problem> problems) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) return WorkbookReader.read(name, bytes, problems);
        if (lower.endsWith(".json")) return readAnnexJson(name, bytes, problems);
        return TableReader.read(name, bytes, problems);
    }

    /** annex.json holds its applications under "applications", with reasons as a list: read as one row each. */
    private static Table readAnnexJson(String name, byte[] bytes, List<Problem> problems) {
        JsonNode root = StrictJson.parse(name, bytes, problems);
        if (root == null) return null;
        JsonNode apps = root.isArray() ? root : root.get("applications");
        if (apps == null || !apps.isArray()) {
            problems.add(Problem.ofFile(name, "is geen annex van advies: verwacht een lijst \"applications\""));
            return null;
        }
        ArrayNode flat = FLAT.createArrayNode();
        for (JsonNode a : apps) {
            if (!a.isObject()) {
                flat.add(a);
                continue;
            }
            ObjectNode o = flat.addObject();
            a.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(x -> parts.add(x.asText()));
                    o.put(e.getKey(), String.join(",", parts));
                } else if (!v.isContainerNode()) {
                    o.set(e.getKey(), v);
                }
            });
        }
        try {
            return JsonTable.read(name, FLAT.writeValueAsBytes(flat), problems);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(Problem.ofFile(name, "kan niet gelezen worden: " + e.getOriginalMessage()));
            return null;
        }
    }

    /** Each row of last year's annex as a previous advice not yet linked; a row with a problem is left out. */
    static List<Previous> rows(Table t, List<Problem> problems) {
        List<String> missing = new ArrayList<>(REQUIRED);
        missing.removeAll(t.header());
        if (!t.header().contains("draft_verdict") && !t.header().contains("verdict")) missing.add("draft_verdict (of verdict)");
        if (!missing.isEmpty()) {
            problems.add(Problem.ofFile(t.file(), "is geen annex van advies: kolom(men) " + String.join(", ", missing)
                    + " ontbreken; geef de finale annex die de beoordelingsserver exporteert, of annex.csv/json/xlsx van advies"));
            return List.of();
        }
        List<Previous> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String id = c.code("id");
            String institution = c.code("institution_number");
            String campus = c.code("campus_number");
            String trajectory = c.code("trajectory");
            PreviousAdvice.Builder b = fields(c, t.header().contains("draft_verdict") ? "draft_verdict" : "verdict",
                    t.header().contains("draft_reasons") ? "draft_reasons" : "reasons");
            String key = key(institution, campus, trajectory);
            Integer first = seen.putIfAbsent(key, row.number());
            if (first != null) {
                c.problem("trajectory", "tweede rij voor instelling " + institution + ", vestigingsplaats " + campus + " en traject "
                        + trajectory + " (ook op rij " + first + ")");
            }
            if (c.ok()) out.add(new Previous(key, row, b.applicationId("?").previousId(id).trajectory(trajectory).build()));
        }
        return out;
    }

    /**
     * The advice's own fields, read the same way from an annex row and from a rule's case
     * ({@code previous:} in a .cases.yaml file).
     */
    public static PreviousAdvice.Builder fields(Cells c, String draftColumn, String reasonsColumn) {
        String draft = verdict(c, draftColumn, true);
        String advice = verdict(c, "advice", false);
        String reasons = c.optionalText(reasonsColumn);
        Integer students = c.optionalCount("expected_students");
        Integer partners = c.optionalCount("partner_companies");
        String followUp = c.optionalText("follow_up");
        if (followUp != null) {
            followUp = followUp.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!FOLLOW_UPS.contains(followUp)) {
                c.problem("follow_up", "'" + Cells.abbreviate(followUp) + "' is geen opvolging; toegelaten: " + String.join(", ", FOLLOW_UPS));
            }
        }
        return PreviousAdvice.builder()
                .draftVerdict(draft)
                .advice(advice)
                .reasons(reasons == null ? List.of() : Arrays.stream(reasons.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .overridden(c.optionalYesNo("overridden", false))
                .overrideReason(c.optionalText("override_reason"))
                .expectedStudents(students == null ? -1 : students)
                .partnerCompanies(partners == null ? -1 : partners)
                .infrastructure(sufficiency(c, "infrastructure"))
                .learningResources(sufficiency(c, "learning_resources"))
                .followUp(followUp);
    }

    private static String verdict(Cells c, String column, boolean required) {
        String v = c.row().get(column);
        if (v == null) {
            if (required) c.problem(column, "verplichte waarde ontbreekt (" + verdicts() + ")");
            return null;
        }
        for (Verdict x : Verdict.values()) {
            if (x.name().equalsIgnoreCase(v) || x.label().equalsIgnoreCase(v)) return x.name();
        }
        c.problem(column, "onbekend advies '" + Cells.abbreviate(v) + "'; toegelaten: " + verdicts());
        return null;
    }

    private static String verdicts() {
        return Arrays.stream(Verdict.values()).map(Verdict::name).collect(Collectors.joining(", "));
    }

    private static Sufficiency sufficiency(Cells c, String column) {
        return c.row().get(column) == null ? null : c.choice(column, Sufficiency.class, "onbekende beoordeling");
    }

    /** The rename table: this year's trajectory code → last year's. */
    static Map<String, String> renames(Table t, Map<String, ?> trajectories, List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>(RENAME_COLUMNS);
        missing.removeAll(t.header());
        if (!missing.isEmpty()) {
            problems.add(Problem.ofFile(t.file(), "kolom(men) " + String.join(", ", missing) + " ontbreken; verwacht previous_trajectory en trajectory"));
            return out;
        }
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String previous = c.code("previous_trajectory");
            String now = c.code("trajectory");
            if (now != null && !trajectories.containsKey(now)) c.problem("trajectory", "onbekend traject '" + Cells.abbreviate(now) + "' in de catalogus van dit jaar");
            if (now != null && out.containsKey(now)) c.problem("trajectory", "traject " + now + " staat twee keer in de tabel");
            if (c.ok()) out.put(now, previous);
        }
        return out;
    }

    static Linked link(List<Application> applications, Table applicationsTable, List<Previous> previous,
                       Map<String, String> renames) {
        Map<String, Previous> byKey = new HashMap<>();
        previous.forEach(p -> byKey.put(p.key(), p));
        Map<String, Integer> rowOf = new HashMap<>();
        if (applicationsTable != null) applicationsTable.rows().forEach(r -> rowOf.put(r.get("id"), r.number()));
        Map<String, PreviousAdvice> linked = new LinkedHashMap<>();
        List<Problem> warnings = new ArrayList<>();
        for (Application a : applications) {
            String trajectory = renames.getOrDefault(a.getTrajectory(), a.getTrajectory());
            Previous p = byKey.get(key(a.getInstitutionNumber(), a.getCampusNumber(), trajectory));
            String file = applicationsTable == null ? "applications" : applicationsTable.file();
            int row = rowOf.getOrDefault(a.getId(), 0);
            if (p == null) {
                if (a.isReapplication()) {
                    warnings.add(Problem.ofRow(file, row, "aanvraag " + a.getId() + " is een her-aanvraag, maar het advies van vorig jaar ("
                            + previousName(previous) + ") heeft geen aanvraag van instelling " + a.getInstitutionNumber() + ", vestigingsplaats "
                            + a.getCampusNumber() + " en traject " + trajectory + "; ze wordt niet gekoppeld"));
                }
                continue;
            }
            linked.put(a.getId(), p.advice().linkedTo(a.getId()));
            if (!a.isReapplication()) {
                warnings.add(Problem.ofRow(file, row, "aanvraag " + a.getId() + " is niet als her-aanvraag gemarkeerd, maar vorig jaar vroeg "
                        + "dezelfde instelling, vestigingsplaats en traject het al aan: " + p.row().file() + ":" + p.row().number()
                        + " (aanvraag " + p.advice().getPreviousId() + ", advies " + Verdict.valueOf(p.advice().getAdvice()).label() + ")"));
            }
        }
        return new Linked(linked, warnings);
    }

    private static String previousName(List<Previous> previous) {
        return previous.isEmpty() ? "leeg" : previous.get(0).row().file();
    }

    private static String key(String institution, String campus, String trajectory) {
        return institution + "\u0000" + campus + "\u0000" + trajectory;
    }
}
