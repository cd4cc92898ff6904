package be.serv.advies.authoring;

import be.serv.advies.geo.Regions;
import be.serv.advies.load.BatchLoader;
import be.serv.advies.load.Cells;
import be.serv.advies.load.InputFiles;
import be.serv.advies.load.PreviousAdviceFile;
import be.serv.advies.load.Problem;
import be.serv.advies.load.Row;
import be.serv.advies.load.YamlErrors;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.CompanyCooperation;
import be.serv.advies.model.Education;
import be.serv.advies.model.Level;
import be.serv.advies.model.Network;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.PlatformConsultation;
import be.serv.advies.model.ProviderType;
import be.serv.advies.model.Province;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.model.Trajectory;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.rules.Diagnostic;
import be.serv.advies.rules.RuleCheck;
import be.serv.advies.rules.Thresholds;
import be.serv.advies.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case file beside a rule file ({@code x.drl} → {@code x.cases.yaml}): small, hand-written
 * examples, each a few facts and the advice they must get. Only what matters to a case is written;
 * everything else takes an unremarkable default (see rules/README.md). Field names are the column
 * names of the batch files, so an expert reads the same words everywhere.
 */
public final class CaseFile {
    /** One reader for every case file (a mapper is costly to make and safe to share for reading trees). */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static final String SUFFIX = ".cases.yaml";
    static final String SUBJECT = "A1";

    /** One case, ready to run: the facts as a batch, threshold overrides, and what is wanted of application A1. */
    public record Case(String file, int line, String path, String note, Batch batch, Map<String, Object> thresholds, Want want) {
        public String where() {
            return file + ":" + line;
        }
    }

    /** What a case wants: the verdict, and optionally the exact reasons and codes that must or must not be found. */
    public record Want(Verdict verdict, List<String> reasons, List<String> found, List<String> notFound) {
    }

    /** {@code text}: what was read, to place later problems (CHECK's) at their word too. */
    public record Parsed(List<Case> cases, List<Problem> problems, String text) {
        /** Problems made with {@link #at} moved to the line and column of the word they are about. */
        List<Problem> placed(List<Problem> found) {
            if (found.stream().noneMatch(CaseFile::unplaced)) return found;
            YamlPlaces places = YamlPlaces.of(text);
            List<Problem> out = new ArrayList<>(found.size());
            for (Problem p : found) {
                if (!unplaced(p)) {
                    out.add(p);
                    continue;
                }
                YamlPlaces.Place at = places.within(p.column().substring(AT.length()));
                out.add(at == null ? new Problem(p.file(), p.row(), null, p.message())
                        : new Problem(p.file(), at.line(), String.valueOf(at.column()), p.message()));
            }
            return out;
        }
    }

    /**
     * A problem about the word at {@code path} ({@code cases/2/want/found/0}, a key with {@code !}):
     * the case's line until {@link Parsed#placed} finds the word's own.
     */
    static Problem at(String file, int line, String path, String message) {
        return new Problem(file, line, AT + path, message);
    }

    static final String AT = "@";

    private static boolean unplaced(Problem p) {
        return p.column() != null && p.column().startsWith(AT);
    }

    private static final List<String> CASE_KEYS = List.of("note", "application", "others", "trajectory", "partnership",
            "partnerships", "trajectories", "capacity", "shortages", "thresholds", "previous", "want");
    /** Last year's advice on A1's offer, as a row of last year's final annex gives it. */
    private static final List<String> PREVIOUS_KEYS = List.of("id", "trajectory", "draft_verdict", "draft_reasons", "advice",
            "overridden", "override_reason", "expected_students", "partner_companies", "infrastructure", "learning_resources",
            "follow_up");
    private static final List<String> WANT_KEYS = List.of("verdict", "reasons", "found", "not_found");
    private static final List<String> APPLICATION_KEYS = List.of("id", "institution_number", "institution_name", "campus_number",
            "place", "province", "network", "provider_type", "education", "trajectory", "first_application", "reapplication",
            "expected_students", "partner_companies", "partner_companies_other_sector", "sector_experience", "infrastructure",
            "learning_resources", "labour_market_shown", "company_cooperation", "platform_consultation", "application_text");
    private static final List<String> TRAJECTORY_KEYS = List.of("code", "name", "level", "partnership", "new", "recognised", "advised_by");
    private static final List<String> PARTNERSHIP_KEYS = List.of("code", "name", "has_partnership");
    private static final List<String> CAPACITY_KEYS = List.of("province", "trajectory", "providers", "students", "workplaces");
    private static final List<String> SHORTAGE_KEYS = List.of("partnership", "trajectory", "province", "places", "area", "text");
    private static final Pattern CASE_START = Pattern.compile("(?m)^\\s*-\\s+note\\s*:");

    private CaseFile() {
    }

    /** Reads {@code rel} (relative to the rules folder); problems name the file and the case's line. */
    /** The door's check of every case file beside the rules: a case that does not read is an error everywhere. */
    public static final RuleCheck CHECK = (folder, batch, out) -> {
        for (String name : folder.files()) {
            if (!name.endsWith(SUFFIX)) continue;
            Parsed parsed = read(folder.dir(), Path.of(name));
            List<Problem> found = new ArrayList<>(parsed.problems());
            if (folder.precedence() != null) CaseChecks.unknownCodes(parsed, folder.precedence(), found);
            if (folder.thresholds() != null) CaseChecks.thresholdColumns(parsed, folder.thresholds(), found);
            for (Problem p : parsed.placed(found)) out.add(new Diagnostic(Diagnostic.Severity.ERROR, p));
        }
    };

    public static Parsed read(Path rulesDir, Path rel) {
        String file = Validator.slash(rel);
        List<Problem> problems = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        String text;
        try {
            text = new String(InputFiles.read(rulesDir.resolve(rel)), StandardCharsets.UTF_8);
        } catch (InputFiles.Refused e) {
            problems.add(Problem.ofFile(file, e.getMessage()));
            return new Parsed(cases, problems, "");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            problems.add(YamlErrors.problem(file, e));
            return new Parsed(cases, problems, text);
        }
        if (root == null || !root.isObject() || !root.has("cases") || !root.get("cases").isArray()) {
            problems.add(Problem.ofFile(file, "verwacht 'cases:' met daaronder een lijst van gevallen (- note: ...)"));
            return new Parsed(cases, problems, text);
        }
        // The line of each case's dash, counted in one pass (the files are read on every test run).
        List<Integer> lines = new ArrayList<>();
        Matcher m = CASE_START.matcher(text);
        int lineNo = 1;
        int counted = 0;
        while (m.find()) {
            int offset = m.start() + m.group().indexOf('-');
            for (; counted < offset; counted++) if (text.charAt(counted) == '\n') lineNo++;
            lines.add(lineNo);
        }
        int index = 0;
        for (JsonNode node : root.get("cases")) {
            int line = index < lines.size() ? lines.get(index) : 0;
            index++;
            int before = problems.size();
            Case c = parseCase(file, line, index, node, problems);
            if (c != null && problems.size() == before) cases.add(c);
        }
        Parsed parsed = new Parsed(cases, problems, text);
        return new Parsed(cases, parsed.placed(problems), text);
    }

    private static Case parseCase(String file, int line, int index, JsonNode node, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(Problem.ofRow(file, line, "geval " + index + " is geen lijst van velden"));
            return null;
        }
        String note = node.hasNonNull("note") ? node.get("note").asText() : null;
        String label = "geval " + index + (note == null ? "" : " ('" + note + "')");
        String path = "cases/" + (index - 1);
        CaseContext ctx = new CaseContext(file, line, path, label, problems);
        if (note == null || note.isBlank()) ctx.problem("'note' ontbreekt: zeg in één zin wat het geval toont");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!CASE_KEYS.contains(k)) ctx.problemAt(k + "!", "onbekend veld '" + k + "'; bekend: " + String.join(", ", CASE_KEYS));
        }

        // Trajectory and its partnership.
        Map<String, String> t = ctx.map(node.get("trajectory"), "trajectory", "trajectory", TRAJECTORY_KEYS);
        Cells tc = ctx.cells(t);
        String trajectoryCode = or(t.get("code"), "OK3_LOGISTIEK");
        String partnershipCode = or(t.get("partnership"), "TRANSPORT");
        Level level = t.containsKey("level") ? tc.choice("level", Level.class, "onbekend niveau") : Level.OK3;
        Trajectory trajectory = level == null ? null : new Trajectory(trajectoryCode, or(t.get("name"), "Traject " + trajectoryCode), level,
                level.finality(), partnershipCode, tc.optionalYesNo("new", false), tc.optionalYesNo("recognised", true), t.get("advised_by"));

        List<Trajectory> trajectories = new ArrayList<>();
        if (trajectory != null) trajectories.add(trajectory);
        for (Map<String, String> extra : ctx.list(node.get("trajectories"), "trajectories", TRAJECTORY_KEYS)) {
            Cells c = ctx.cells(extra);
            String code = c.text("code");
            Level l = extra.containsKey("level") ? c.choice("level", Level.class, "onbekend niveau") : Level.OK3;
            if (code != null && l != null) trajectories.add(new Trajectory(code, or(extra.get("name"), "Traject " + code), l, l.finality(),
                    or(extra.get("partnership"), partnershipCode), c.optionalYesNo("new", false), c.optionalYesNo("recognised", true),
                    extra.get("advised_by")));
        }
        List<Partnership> partnerships = new ArrayList<>();
        Map<String, String> p = ctx.map(node.get("partnership"), "partnership", "partnership", PARTNERSHIP_KEYS);
        partnerships.add(new Partnership(or(p.get("code"), partnershipCode), or(p.get("name"), "Partnerschap " + partnershipCode),
                ctx.cells(p).optionalYesNo("has_partnership", true)));
        for (Map<String, String> extra : ctx.list(node.get("partnerships"), "partnerships", PARTNERSHIP_KEYS)) {
            Cells c = ctx.cells(extra);
            String code = c.text("code");
            if (code != null) partnerships.add(new Partnership(code, or(extra.get("name"), "Partnerschap " + code), c.optionalYesNo("has_partnership", true)));
        }

        // Applications: A1 is the one the case is about; 'others' share the batch (competition, same text).
        List<Application> applications = new ArrayList<>();
        Map<String, String> a = ctx.map(node.get("application"), "application", "application", APPLICATION_KEYS);
        if (a.containsKey("id")) ctx.problemAt("application/id!", "application.id wordt niet gegeven; de aanvraag van het geval heet altijd " + SUBJECT);
        Application subject = ctx.application(a, SUBJECT, trajectoryCode);
        if (subject != null) applications.add(subject);
        int n = 2;
        for (Map<String, String> o : ctx.list(node.get("others"), "others", APPLICATION_KEYS)) {
            Application other = ctx.application(o, or(o.get("id"), "A" + n), trajectoryCode);
            n++;
            if (other != null) applications.add(other);
        }
        Province province = subject == null ? Province.LIMBURG : subject.getProvince();

        List<Capacity> capacity = new ArrayList<>();
        for (Map<String, String> c : ctx.list(node.get("capacity"), "capacity", CAPACITY_KEYS)) {
            Cells cc = ctx.cells(c);
            Province prov = c.containsKey("province") ? ctx.province(cc, "province") : province;
            int providers = cc.count("providers");
            int students = cc.count("students");
            int workplaces = cc.count("workplaces");
            if (prov != null) capacity.add(new Capacity(prov, or(c.get("trajectory"), trajectoryCode), providers, students, workplaces));
        }
        List<Shortage> shortages = new ArrayList<>();
        for (Map<String, String> s : ctx.list(node.get("shortages"), "shortages", SHORTAGE_KEYS)) {
            Cells sc = ctx.cells(s);
            String provText = or(s.get("province"), province.label());
            boolean every = provText.strip().equalsIgnoreCase(BatchLoader.EVERY_PROVINCE);
            boolean flanders = provText.strip().equalsIgnoreCase(BatchLoader.FLANDERS);
            Province prov = flanders || every ? null : Province.parse(provText).orElse(null);
            if (prov == null && !flanders && !every) sc.problem("province", "onbekende provincie '" + provText + "'");
            List<String> places = Regions.split(s.get("places"));
            String txt = sc.text("text");
            if (txt != null) shortages.add(new Shortage(or(s.get("partnership"), partnershipCode), or(s.get("trajectory"), trajectoryCode),
                    prov, every, places, s.get("area"), txt, new Shortage.Origin(file, line, null, null)));
        }

        Map<String, Object> thresholds = new LinkedHashMap<>();
        Map<String, String> th = ctx.map(node.get("thresholds"), "thresholds", "thresholds", null);
        Cells thc = ctx.cells(th);
        for (Map.Entry<String, String> e : th.entrySet()) {
            if (e.getKey().equals("sector_chooses")) thresholds.put(e.getKey(), thc.optionalYesNo(e.getKey(), false));
            else if (Thresholds.COLUMNS.contains(e.getKey())) thresholds.put(e.getKey(), thc.optionalCount(e.getKey()));
            // A column the sector added: checked against the thresholds file's header by CHECK, which knows it.
            else thresholds.put(e.getKey(), e.getValue());
        }

        Want want = want(ctx, node.get("want"));
        for (Application app : applications) {
            if (trajectories.stream().noneMatch(x -> x.getCode().equals(app.getTrajectory()))) {
                ctx.problem("aanvraag " + app.getId() + " vraagt traject '" + app.getTrajectory()
                        + "', dat niet in het geval staat; voeg het toe onder 'trajectories'");
                return null;
            }
        }
        for (Trajectory x : trajectories) {
            if (partnerships.stream().noneMatch(q -> q.getCode().equals(x.getPartnership()))) {
                partnerships.add(new Partnership(x.getPartnership(), "Partnerschap " + x.getPartnership(), true));
            }
        }
        if (trajectory == null || subject == null || want == null) return null;
        Batch batch = new Batch("case", partnerships, trajectories, capacity, shortages, applications, file + ":" + line);
        if (node.has("previous")) {
            Map<String, String> pv = ctx.map(node.get("previous"), "previous", "previous", PREVIOUS_KEYS);
            int before = problems.size();
            PreviousAdvice previous = PreviousAdviceFile.fields(ctx.cells(pv), "draft_verdict", "draft_reasons")
                    .applicationId(SUBJECT).previousId(or(pv.get("id"), "V1")).trajectory(or(pv.get("trajectory"), trajectoryCode)).build();
            if (problems.size() > before) return null;
            batch = batch.withPreviousAdvice(Map.of(SUBJECT, previous), List.of());
        }
        return new Case(file, line, path, note, batch, thresholds, want);
    }

    private static Want want(CaseContext ctx, JsonNode node) {
        if (node == null || !node.isObject()) {
            ctx.problem("'want' ontbreekt: geef minstens het verwachte advies (want: {verdict: positief})");
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!WANT_KEYS.contains(k)) ctx.problemAt("want/" + k + "!", "onbekend veld 'want." + k + "'; bekend: " + String.join(", ", WANT_KEYS));
        }
        Verdict verdict = node.hasNonNull("verdict") ? verdict(node.get("verdict").asText()) : null;
        if (verdict == null) {
            ctx.problemAt("want/verdict", "want.verdict ontbreekt of is onbekend; kies positief, positief met bemerkingen, negatief of geen advies");
            return null;
        }
        return new Want(verdict, codes(ctx, node, "reasons"), codes(ctx, node, "found"), codes(ctx, node, "not_found"));
    }

    static Verdict verdict(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (Verdict v : Verdict.values()) {
            if (v.label().equals(k) || v.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(k)) return v;
        }
        return null;
    }

    private static List<String> codes(CaseContext ctx, JsonNode want, String key) {
        JsonNode n = want.get(key);
        if (n == null) return null;
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(x -> out.add(x.asText().strip()));
        else if (n.isTextual() && !n.asText().isBlank()) out.add(n.asText().strip());
        else if (!n.isNull() && !(n.isTextual())) ctx.problemAt("want/" + key, "want." + key + " moet een lijst van codes zijn, bv. [OVERSUPPLY]");
        return out;
    }

    static String or(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }

}
