package be.serv.advies.load;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.geo.Regions;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.CompanyCooperation;
import be.serv.advies.model.Education;
import be.serv.advies.model.Finality;
import be.serv.advies.model.Level;
import be.serv.advies.model.Network;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.PlatformConsultation;
import be.serv.advies.model.Province;
import be.serv.advies.model.ProviderType;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.model.Trajectory;
import be.serv.advies.text.Nearest;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads and validates a batch folder (see {@code fixtures/README.md}). Nothing reaches the rules
 * unless the whole batch is valid; otherwise every problem is reported at once.
 */
public final class BatchLoader {

    /** The tables of a batch folder, in the order they are checked (later ones refer to earlier ones). */
    public static final List<String> TABLES = List.of("partnerships", "trajectories", "capacity", "shortages", "applications");

    static final Map<String, List<String>> REQUIRED = Map.of(
            "partnerships", List.of("code", "name", "has_partnership"),
            "trajectories", List.of("code", "name", "level", "finality", "partnership", "new"),
            "capacity", List.of("province", "trajectory", "providers", "students", "workplaces"),
            "shortages", List.of("partnership", "trajectory", "province", "text"),
            "applications", List.of("id", "institution_number", "institution_name", "campus_number", "place", "province",
                    "network", "provider_type", "education", "trajectory", "first_application", "reapplication",
                    "expected_students", "partner_companies", "partner_companies_other_sector", "sector_experience",
                    "infrastructure", "learning_resources", "labour_market_shown", "company_cooperation",
                    "platform_consultation"));
    static final Map<String, List<String>> OPTIONAL = Map.of(
            "partnerships", List.of("shortage_remarks"),
            "trajectories", List.of("recognised", "advised_by"),
            "capacity", List.of(),
            "shortages", List.of("places", "area"),
            "applications", List.of("application_text"));

    /** A shortage for all of Flanders: one application anywhere answers it. */
    public static final String FLANDERS = "Vlaanderen";
    /** A shortage in every province: each province is answered on its own. */
    public static final String EVERY_PROVINCE = "elke provincie";

    private final Path dir;
    private final List<Problem> problems = new ArrayList<>();
    private final Hashes.Builder hash = Hashes.builder();
    /** Codes written in a table, valid or not: a reference to a code whose own row is refused is not a second problem. */
    private final Set<String> writtenPartnerships = new HashSet<>();
    private final Set<String> writtenTrajectories = new HashSet<>();
    /** Tables not read whole: references to their codes are not checked (each would be a second problem). */
    private final Set<String> unusable = new HashSet<>();
    private static final String INFO = "batch.json";

    private BatchLoader(Path dir) {
        this.dir = dir;
    }

    public static Batch load(Path dir) throws InvalidInputException {
        return load(dir, null);
    }

    /**
     * As {@link #load(Path)}, with last year's final annex given on the command line
     * ({@code --previous-advice}); it takes the place of batch.json's {@code previous.advice}.
     */
    public static Batch load(Path dir, Path previousAdvice) throws InvalidInputException {
        Objects.requireNonNull(dir, "dir");
        BatchLoader loader = new BatchLoader(dir);
        loader.previousAdviceGiven = previousAdvice;
        return loader.load();
    }

    private Path previousAdviceGiven;

    private Batch load() throws InvalidInputException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(List.of(Problem.ofFile(dir.toString(), "map bestaat niet of is geen map")));
        }
        BatchInfo info = readBatchInfo();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String name : TABLES) {
            Table t = readTable(name, info);
            if (t != null) tables.put(name, t);
            // A line left out for its shape may hold a code; references to it would each be a second problem.
            if (t == null || t.skipped() > 0) unusable.add(name);
        }
        checkSeals(info);
        checkRowCounts(info, tables);
        List<Partnership> partnerships = tables.containsKey("partnerships") ? partnerships(tables.get("partnerships")) : List.of();
        Map<String, Partnership> pByCode = new HashMap<>();
        partnerships.forEach(p -> pByCode.put(p.getCode(), p));
        List<Trajectory> trajectories = tables.containsKey("trajectories") ? trajectories(tables.get("trajectories"), pByCode) : List.of();
        Map<String, Trajectory> tByCode = new HashMap<>();
        trajectories.forEach(t -> tByCode.put(t.getCode(), t));
        List<Capacity> capacity = tables.containsKey("capacity") ? capacity(tables.get("capacity"), tByCode) : List.of();
        List<Shortage> shortages = tables.containsKey("shortages") ? shortages(tables.get("shortages"), pByCode, tByCode) : List.of();
        List<Application> applications = tables.containsKey("applications") ? applications(tables.get("applications"), tByCode) : List.of();
        if (tables.containsKey("applications")) PlaceCheck.check(tables.get("applications"), problems);
        PreviousAdviceFile.Linked linked = previousAdvice(info, tables.get("applications"), applications, tByCode);
        if (!problems.isEmpty()) throw new InvalidInputException(firstPerCell(problems));
        Map<String, Integer> rowsRead = new LinkedHashMap<>();
        tables.values().forEach(t -> rowsRead.put(t.file(), t.rows().size()));
        Batch batch = new Batch(info.schoolYear(), partnerships, trajectories, capacity, shortages, applications, hash.hex(), rowsRead);
        return linked == null ? batch
                : batch.withPreviousAdvice(linked.byApplication(), linked.warnings().stream().map(Problem::toString).toList());
    }

    /**
     * Last year's advice, read and checked like any table of the batch (its problems refuse the batch)
     * and linked to this year's applications; null when none is given.
     */
    private PreviousAdviceFile.Linked previousAdvice(BatchInfo info, Table applicationsTable, List<Application> applications,
                                                     Map<String, Trajectory> trajectories) {
        Path file = previousAdviceGiven != null ? previousAdviceGiven
                : info.previousAdvice() != null ? dir.resolve(info.previousAdvice()) : null;
        if (file == null) return null;
        String name = previousAdviceGiven != null ? file.toString() : info.previousAdvice();
        Table annex = previousTable(file, name);
        if (annex == null) return null;
        List<PreviousAdviceFile.Previous> rows = PreviousAdviceFile.rows(annex, problems);
        Map<String, String> renames = Map.of();
        Path renameFile = present(RENAMED);
        if (renameFile != null) {
            Table t = previousTable(renameFile, renameFile.getFileName().toString());
            if (t == null) return null;
            renames = PreviousAdviceFile.renames(t, trajectories, problems);
        }
        return PreviousAdviceFile.link(applications, applicationsTable, rows, renames);
    }

    /** The table of the batch named {@code name} with one of the {@link #EXTENSIONS}, or null when there is none. */
    private Path present(String name) {
        for (String ext : EXTENSIONS) {
            if (InputFiles.present(dir.resolve(name + ext))) return dir.resolve(name + ext);
        }
        return null;
    }

    /** The catalogue's renamed trajectories (this year's code, last year's), read only with last year's advice. */
    public static final String RENAMED = "renamed-trajectories";

    private Table previousTable(Path file, String name) {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file);
        } catch (InputFiles.Refused e) {
            problems.add(Problem.ofFile(name, e.getMessage()));
            return null;
        }
        hash.add(name, bytes);
        int before = problems.size();
        Table t = PreviousAdviceFile.read(file, name, bytes, problems);
        return t == null || problems.size() > before ? null : t;
    }

    /**
     * The problems in file order, one per cell: a cell the reader refused (a date, a formula without a
     * value) is then not also "missing"; the first said is the one to fix.
     */
    private static List<Problem> firstPerCell(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem::compareTo);
        Set<String> cells = new HashSet<>();
        List<Problem> out = new ArrayList<>();
        for (Problem p : sorted) {
            if (p.column() == null || p.row() == 0 || cells.add(p.file() + "\u0000" + p.row() + "\u0000" + p.column())) out.add(p);
        }
        return out;
    }

    /** What {@code batch.json} says about the batch; every part is optional. */
    private record BatchInfo(String schoolYear, Map<String, Integer> rows, Integer exportTotal, Map<String, String> sha256,
                             String previousAdvice) {
        static final BatchInfo NONE = new BatchInfo(null, Map.of(), null, Map.of(), null);
    }

    /** The field of {@code batch.json} with each sealed file's SHA-256 ({@code advies seal} writes it). */
    public static final String SEAL = "sha256";
    private static final List<String> INFO_FIELDS = List.of("school_year", "rows", "export_total", SEAL, "previous");
    /** The field of {@code batch.json} naming last year's final annex and the rename table, relative to the batch folder. */
    public static final String PREVIOUS = "previous";
    private static final List<String> PREVIOUS_FIELDS = List.of("advice");
    /** The names a table file may have, in the order they are looked for. */
    public static final List<String> EXTENSIONS = List.of(".csv", ".json", ".xlsx");
    private final Set<String> sealsChecked = new HashSet<>();

    private BatchInfo readBatchInfo() {
        Path info = dir.resolve(INFO);
        if (!InputFiles.present(info)) return BatchInfo.NONE;
        byte[] bytes;
        try {
            bytes = InputFiles.read(info);
        } catch (InputFiles.Refused e) {
            problems.add(Problem.ofFile(INFO, e.getMessage()));
            return BatchInfo.NONE;
        }
        hash.add(INFO, bytes);
        JsonNode node = StrictJson.parse(INFO, bytes, problems);
        if (node == null) return BatchInfo.NONE;
        if (!node.isObject()) {
            problems.add(Problem.ofFile(INFO, "moet een JSON-object zijn, bv. {\"school_year\": \"2022-2023\"}"));
            return BatchInfo.NONE;
        }
        Set<String> seen = new HashSet<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!INFO_FIELDS.contains(f)) {
                problems.add(Problem.ofFile(INFO, "onbekend veld '" + Cells.abbreviate(f) + "'; bekende velden: " + String.join(", ", INFO_FIELDS)));
            }
            if (!seen.add(f.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(Problem.ofFile(INFO, "veld '" + Cells.abbreviate(f) + "' staat twee keer in het object (hoofdletters tellen niet)"));
            }
        });
        String schoolYear = null;
        JsonNode year = node.get("school_year");
        if (year != null) {
            if (!year.isTextual() || !year.asText().matches("\\d{4}-\\d{4}")) {
                problems.add(Problem.ofFile(INFO, "school_year is niet van de vorm 2022-2023"));
            } else {
                schoolYear = year.asText();
            }
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        JsonNode rowsNode = node.get("rows");
        if (rowsNode != null) {
            if (!rowsNode.isObject()) {
                problems.add(Problem.ofFile(INFO, "rows moet een object zijn met per tabel het aantal rijen, bv. {\"applications\": 383}"));
            } else {
                rowsNode.fields().forEachRemaining(e -> {
                    if (!TABLES.contains(e.getKey())) {
                        problems.add(Problem.ofFile(INFO, "rows: onbekende tabel '" + Cells.abbreviate(e.getKey()) + "'; tabellen: "
                                + String.join(", ", TABLES)));
                    } else {
                        Integer n = count(e.getValue(), "rows." + e.getKey());
                        if (n != null) rows.put(e.getKey(), n);
                    }
                });
            }
        }
        Integer exportTotal = node.has("export_total") ? count(node.get("export_total"), "export_total") : null;
        JsonNode previous = node.get(PREVIOUS);
        String advice = null;
        if (previous != null) {
            if (!previous.isObject()) {
                problems.add(Problem.ofFile(INFO, PREVIOUS + " moet een object zijn, bv. {\"advice\": \"../2021-2022/finale-annex.csv\"}"));
            } else {
                previous.fieldNames().forEachRemaining(f -> {
                    if (!PREVIOUS_FIELDS.contains(f)) problems.add(Problem.ofFile(INFO, PREVIOUS + ": onbekend veld '" + Cells.abbreviate(f)
                            + "'; bekende velden: " + String.join(", ", PREVIOUS_FIELDS)));
                });
                advice = path(previous.get("advice"), PREVIOUS + ".advice");
            }
        }
        return new BatchInfo(schoolYear, rows, exportTotal, seals(node.get(SEAL)), advice);
    }

    private String path(JsonNode v, String field) {
        if (v == null) return null;
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(Problem.ofFile(INFO, field + " moet een bestandsnaam zijn (tekst), relatief tegenover de map van de batch"));
            return null;
        }
        return v.asText();
    }

    private Map<String, String> seals(JsonNode node) {
        Map<String, String> seals = new LinkedHashMap<>();
        if (node == null) return seals;
        if (!node.isObject()) {
            problems.add(Problem.ofFile(INFO, SEAL + " moet een object zijn met per bestand zijn SHA-256, bv. {\"applications.csv\": \"9f2c…\"}; "
                    + "advies seal schrijft het"));
            return seals;
        }
        node.fields().forEachRemaining(e -> {
            String file = e.getKey();
            boolean known = TABLES.stream().anyMatch(t -> EXTENSIONS.stream().anyMatch(x -> file.equals(t + x)));
            if (!known) {
                problems.add(Problem.ofFile(INFO, SEAL + ": '" + Cells.abbreviate(file) + "' is geen tabel van een batch (bv. applications.csv)"));
            } else if (!e.getValue().isTextual() || !e.getValue().asText().matches("[0-9a-fA-F]{64}")) {
                problems.add(Problem.ofFile(INFO, SEAL + "." + file + ": '" + Cells.abbreviate(e.getValue().toString())
                        + "' is geen SHA-256 (64 hexadecimale tekens); advies seal schrijft het"));
            } else {
                seals.put(file, e.getValue().asText().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return seals;
    }

    /** A seal for a file that is not there is no seal kept: the file was renamed or not copied. */
    private void checkSeals(BatchInfo info) {
        info.sha256().keySet().stream().filter(f -> !sealsChecked.contains(f)).forEach(f -> problems.add(Problem.ofFile(INFO,
                SEAL + " verzegelt " + f + ", maar dat bestand is er niet; kopieer de map opnieuw of verzegel ze opnieuw (advies seal)")));
    }

    private Integer count(JsonNode v, String field) {
        if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) return v.intValue();
        problems.add(Problem.ofFile(INFO, field + ": '" + Cells.abbreviate(v.toString()) + "' is geen aantal (een geheel getal, 0 of meer)"));
        return null;
    }

    /** A table cut short (or copied in part) still reads; the counts the batch states catch it. */
    private void checkRowCounts(BatchInfo info, Map<String, Table> tables) {
        info.rows().forEach((name, expected) -> {
            Table t = tables.get(name);
            // A line left out for its shape is reported on its own; it is still one of the table's rows.
            int rows = t == null ? 0 : t.rows().size() + t.skipped();
            if (t != null && rows != expected) {
                problems.add(Problem.ofFile(t.file(), "heeft " + rows + " rijen, maar batch.json zegt " + expected
                        + " (onvolledig gekopieerd of afgebroken?)"));
            }
        });
        Table apps = tables.get("applications");
        int applications = apps == null ? 0 : apps.rows().size() + apps.skipped();
        if (info.exportTotal() != null && apps != null && applications != info.exportTotal()) {
            problems.add(Problem.ofFile(apps.file(), "heeft " + applications + " aanvragen, maar de export van het departement telt er "
                    + info.exportTotal() + " (export_total in batch.json)"));
        }
    }

    private Table readTable(String name, BatchInfo info) {
        List<Path> present = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            if (InputFiles.present(dir.resolve(name + ext))) present.add(dir.resolve(name + ext));
        }
        if (present.size() > 1) {
            problems.add(Problem.ofFile(name + ".csv", "zowel " + present.stream().map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.joining(" als ")) + " bestaan; laat er één staan"));
            return null;
        }
        if (present.isEmpty()) {
            problems.add(Problem.ofFile(name + ".csv", "bestand ontbreekt (verwacht " + name + ".csv, " + name + ".json of " + name + ".xlsx)"));
            return null;
        }
        Path file = present.get(0);
        String fileName = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = InputFiles.read(file);
        } catch (InputFiles.Refused e) {
            problems.add(Problem.ofFile(fileName, e.getMessage()));
            return null;
        }
        hash.add(fileName, bytes);
        String seal = info.sha256().get(fileName);
        if (seal != null) {
            sealsChecked.add(fileName);
            if (!seal.equals(Hashes.sha256(bytes))) {
                problems.add(Problem.ofFile(fileName, "is niet meer het bestand dat batch.json verzegelt (" + SEAL + " verschilt): het is "
                        + "gewijzigd, afgebroken of onvolledig gekopieerd. Kopieer of exporteer het opnieuw; is de wijziging "
                        + "bedoeld, verzegel de map dan opnieuw (advies seal)"));
                return null;
            }
        } else if (fileName.endsWith(".csv") && endsMidLine(bytes) && TableReader.notTextReason(bytes) == null) {
            // Excel and LibreOffice end every row with a line break: without one, the file was cut, maybe
            // inside its last value ("29" read as "2"), and no reader can tell the value is short.
            problems.add(new Problem(fileName, lineCount(bytes), lastCellColumn(bytes), "de laatste regel eindigt niet met een regeleinde: het bestand "
                    + "lijkt afgebroken, misschien midden in een waarde. Kopieer of exporteer het opnieuw; is het zo bedoeld, "
                    + "verzegel de map dan met advies seal"));
            return null;
        }
        int before = problems.size();
        Table table = fileName.endsWith(".xlsx") ? WorkbookReader.read(fileName, bytes, problems)
                : TableReader.read(fileName, bytes, problems);
        boolean unreadable = table.header().isEmpty() && table.rows().isEmpty() && problems.size() > before;
        if (unreadable) return null;
        if (!checkColumns(name, table)) return null;
        if (table.rows().isEmpty() && !info.rows().containsKey(name)) {
            // An empty capacity table changes every draft; only a batch that says so may have one.
            problems.add(Problem.ofFile(table.file(), "bevat geen enkele rij; een lege tabel wordt alleen aanvaard als batch.json "
                    + "zegt dat ze leeg is: \"rows\": {\"" + name + "\": 0}"));
            return null;
        }
        return table;
    }

    private static boolean endsMidLine(byte[] bytes) {
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' && bytes[bytes.length - 1] != '\r';
    }

    /** Which column the cut falls in: the last line's separators (quotes aside, a cut line is no place for care). */
    private static String lastCellColumn(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        char sep = TableReader.detectSeparator(text);
        String last = text.substring(text.lastIndexOf('\n') + 1);
        return String.valueOf(1 + last.chars().filter(c -> c == sep).count());
    }

    private static int lineCount(byte[] bytes) {
        int lines = 1;
        for (byte b : bytes) if (b == '\n') lines++;
        return lines;
    }

    /** False when the header lacks a required column: its rows are then not checked one by one (thousands of lines saying the same). */
    private boolean checkColumns(String name, Table table) {
        boolean json = table.file().endsWith(".json");
        if (table.header().isEmpty()) {
            if (json && table.rows().isEmpty()) return true; // [] : an empty table, as a header-only CSV
            if (json) problems.add(Problem.ofFile(table.file(), "geen enkel object heeft velden; verwacht: " + String.join(", ", REQUIRED.get(name))));
            return false;
        }
        Set<String> known = new HashSet<>(REQUIRED.get(name));
        known.addAll(OPTIONAL.get(name));
        for (String column : table.header()) {
            if (!known.contains(column)) {
                problems.add(json ? unknownField(table, column, REQUIRED.get(name))
                        : new Problem(table.file(), 1, table.file().contains(".xlsx:")
                                ? org.apache.poi.ss.util.CellReference.convertNumToColString(table.header().indexOf(column))
                                : String.valueOf(table.header().indexOf(column) + 1),
                        "onbekende kolom '" + Cells.abbreviate(column) + "'; verwacht: " + String.join(", ", REQUIRED.get(name))));
            }
        }
        boolean complete = true;
        if (!json) {
            for (String column : REQUIRED.get(name)) {
                if (!table.header().contains(column)) {
                    problems.add(Problem.ofRow(table.file(), 1, "verplichte kolom '" + column + "' ontbreekt in de kopregel"));
                    complete = false;
                }
            }
        }
        return complete;
    }

    /** Named at the first object that has it, so the person can find it in a long file. */
    private static Problem unknownField(Table table, String field, List<String> known) {
        int object = table.rows().stream().filter(r -> r.values().containsKey(field)).mapToInt(Row::number).findFirst().orElse(0);
        return new Problem(table.file(), object, field, "onbekend veld '" + Cells.abbreviate(field) + "' (het eerst in object " + object
                + " van de lijst); bekende velden: " + String.join(", ", known));
    }

    // ---------------------------------------------------------------- tables

    private List<Partnership> partnerships(Table t) {
        List<Partnership> out = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String code = c.code("code");
            if (code != null) writtenPartnerships.add(code);
            String name = c.text("name");
            boolean has = c.yesNo("has_partnership");
            String remarks = c.optionalText("shortage_remarks");
            if (code != null && unique(c, "code", code, seen) && c.ok()) out.add(new Partnership(code, name, has, remarks));
        }
        return out;
    }

    private List<Trajectory> trajectories(Table t, Map<String, Partnership> partnerships) {
        List<Trajectory> out = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String code = c.code("code");
            if (code != null) writtenTrajectories.add(code);
            String name = c.text("name");
            Level level = c.choice("level", Level.class, "onbekend niveau");
            Finality finality = c.choice("finality", Finality.class, "onbekende finaliteit");
            String partnership = c.code("partnership");
            boolean isNew = c.yesNo("new");
            boolean recognised = c.optionalYesNo("recognised", true);
            String advisedBy = c.optionalCode("advised_by");
            if (level != null && finality != null && level.finality() != finality) {
                c.problem("finality", "niveau " + level + " hoort bij finaliteit " + level.finality() + ", niet " + finality);
            }
            knownPartnership(c, "partnership", partnership, partnerships);
            knownPartnership(c, "advised_by", advisedBy, partnerships);
            if (code != null && unique(c, "code", code, seen) && c.ok()) {
                out.add(new Trajectory(code, name, level, finality, partnership, isNew, recognised, advisedBy));
            }
        }
        return out;
    }

    private List<Capacity> capacity(Table t, Map<String, Trajectory> trajectories) {
        List<Capacity> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            Province province = province(c, "province");
            String trajectory = c.code("trajectory");
            int providers = c.count("providers");
            int students = c.count("students");
            int workplaces = c.count("workplaces");
            knownTrajectory(c, "trajectory", trajectory, trajectories);
            if (province != null && trajectory != null) {
                Integer first = seen.putIfAbsent(province + "|" + trajectory, row.number());
                if (first != null) c.problem("trajectory", "dubbele rij voor " + trajectory + " in " + province + " (ook op rij " + first + ")");
            }
            if (c.ok()) out.add(new Capacity(province, trajectory, providers, students, workplaces));
        }
        return out;
    }

    private List<Shortage> shortages(Table t, Map<String, Partnership> partnerships, Map<String, Trajectory> trajectories) {
        List<Shortage> out = new ArrayList<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String partnership = c.code("partnership");
            String trajectory = c.code("trajectory");
            String provinceText = c.text("province");
            Province province = null;
            boolean everyProvince = provinceText != null && EVERY_PROVINCE.equalsIgnoreCase(provinceText.strip().replaceAll("\\s+", " "));
            if (provinceText != null && !provinceText.equalsIgnoreCase(FLANDERS) && !everyProvince) {
                province = Province.parse(provinceText).orElse(null);
                if (province == null) c.problem("province", "onbekende regio '" + Cells.abbreviate(provinceText) + "'; toegelaten: "
                        + provinceNames() + ", " + FLANDERS + " of " + EVERY_PROVINCE);
            }
            String places = c.optionalText("places");
            String area = c.optionalText("area");
            String text = c.text("text");
            knownPartnership(c, "partnership", partnership, partnerships);
            knownTrajectory(c, "trajectory", trajectory, trajectories);
            List<String> placeList = Regions.split(places);
            Shortage.Origin origin = new Shortage.Origin(t.file(), row.number(), row.columnRef("province"), row.columnRef("places"));
            if (c.ok()) out.add(new Shortage(partnership, trajectory, province, everyProvince, placeList, area, text, origin));
        }
        return out;
    }

    private List<Application> applications(Table t, Map<String, Trajectory> trajectories) {
        List<Application> out = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String id = c.code("id");
            String place = c.text("place");
            Application.Builder b = Application.builder()
                    .id(id)
                    .institutionNumber(c.code("institution_number"))
                    .institutionName(c.text("institution_name"))
                    .campusNumber(c.code("campus_number"))
                    .place(place)
                    // PlaceCheck has refused the places the gazetteer does not know
                    .location(place == null ? null : Gazetteer.flanders().find(place).orElse(null))
                    .province(province(c, "province"))
                    .network(c.choice("network", Network.class, "onbekend net"))
                    .providerType(c.choice("provider_type", ProviderType.class, "onbekend type aanbieder"))
                    .education(c.choice("education", Education.class, "onbekende onderwijsvorm"))
                    .trajectory(c.code("trajectory"))
                    .firstApplication(c.yesNo("first_application"))
                    .reapplication(c.yesNo("reapplication"))
                    .expectedStudents(c.count("expected_students"))
                    .sectorExperience(c.yesNo("sector_experience"))
                    .infrastructure(c.choice("infrastructure", Sufficiency.class, "onbekende beoordeling"))
                    .learningResources(c.choice("learning_resources", Sufficiency.class, "onbekende beoordeling"))
                    .labourMarketShown(c.yesNo("labour_market_shown"))
                    .companyCooperation(c.choice("company_cooperation", CompanyCooperation.class, "onbekende waarde"))
                    .platformConsultation(c.choice("platform_consultation", PlatformConsultation.class, "onbekende waarde"))
                    .applicationText(c.optionalText("application_text"));
            int partners = c.count("partner_companies");
            int otherSector = c.count("partner_companies_other_sector");
            if (otherSector > partners) {
                c.problem("partner_companies_other_sector", otherSector + " bedrijven uit een andere sector, maar maar "
                        + partners + " partnerbedrijven in totaal");
            }
            b.partnerCompanies(partners).partnerCompaniesOtherSector(otherSector);
            String trajectory = c.row().get("trajectory");
            knownTrajectory(c, "trajectory", trajectory, trajectories);
            boolean unique = id == null || unique(c, "id", id, seen);
            if (unique && c.ok()) out.add(b.build());
        }
        return out;
    }

    // ---------------------------------------------------------------- shared checks

    /** An id or code seen before, also when the two differ only in case or Unicode form: people and rules read them as one. */
    private record Seen(String written, int row) {
    }

    private boolean unique(Cells c, String column, String code, Map<String, Seen> seen) {
        // Compared as written, so two spellings of one id are named as such, not as the same id twice.
        String value = c.row().get(column) == null ? code : c.row().get(column);
        Seen first = seen.putIfAbsent(Cells.nfc(value).toLowerCase(java.util.Locale.ROOT), new Seen(value, c.row().number()));
        if (first == null) return true;
        if (first.written().equals(value)) {
            c.problem(column, "'" + Cells.abbreviate(value) + "' komt twee keer voor (ook op rij " + first.row() + ")");
        } else {
            c.problem(column, "'" + Cells.abbreviate(value) + "' verschilt van '" + Cells.abbreviate(first.written()) + "' (rij "
                    + first.row() + ") alleen in hoofdletters of in de schrijfwijze van een teken; schrijf hetzelfde id "
                    + "overal op dezelfde manier, of geef de twee verschillende ids");
        }
        return false;
    }

    private void knownPartnership(Cells c, String column, String code, Map<String, Partnership> partnerships) {
        if (code != null && !unusable.contains("partnerships") && !partnerships.containsKey(code) && !writtenPartnerships.contains(code)) {
            c.problem(column, "onbekend partnerschap '" + Cells.abbreviate(code) + "' (niet in partnerships)"
                    + Nearest.hint(code, partnerships.keySet()));
        }
    }

    private void knownTrajectory(Cells c, String column, String code, Map<String, Trajectory> trajectories) {
        if (code != null && !unusable.contains("trajectories") && !trajectories.containsKey(code) && !writtenTrajectories.contains(code)) {
            c.problem(column, "onbekende trajectcode '" + Cells.abbreviate(code) + "' (niet in trajectories)"
                    + Nearest.hint(code, trajectories.keySet()));
        }
    }

    private static Province province(Cells c, String column) {
        String v = c.text(column);
        if (v == null) return null;
        Province p = Province.parse(v).orElse(null);
        if (p == null) c.problem(column, "onbekende provincie '" + Cells.abbreviate(v) + "'; toegelaten: " + provinceNames());
        return p;
    }

    private static String provinceNames() {
        return String.join(", ", Arrays.stream(Province.values()).map(Province::label).toList());
    }
}
