package be.serv.advies.load;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Trajectory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads and validates a batch folder (see {@code fixtures/README.md}). Nothing reaches the rules
 * unless the whole batch is valid; otherwise every problem is reported at once. This class finds
 * and reads the files and checks them as files (seals, counts, columns); {@link BatchInfo} reads
 * {@code batch.json}, {@link TableFacts} turns rows into facts, {@link PreviousAdviceFile} reads
 * last year's advice.
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
    /** Tables not read whole: references to their codes are not checked (each would be a second problem). */
    private final Set<String> unusable = new HashSet<>();

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
        BatchInfo info = BatchInfo.read(dir, hash, problems);
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String name : TABLES) {
            Table t = readTable(name, info);
            if (t != null) tables.put(name, t);
            // A line left out for its shape may hold a code; references to it would each be a second problem.
            if (t == null || t.skipped() > 0) unusable.add(name);
        }
        checkSeals(info);
        checkRowCounts(info, tables);
        TableFacts facts = new TableFacts(problems, unusable);
        List<Partnership> partnerships = tables.containsKey("partnerships") ? facts.partnerships(tables.get("partnerships")) : List.of();
        Map<String, Partnership> pByCode = new HashMap<>();
        partnerships.forEach(p -> pByCode.put(p.getCode(), p));
        List<Trajectory> trajectories = tables.containsKey("trajectories") ? facts.trajectories(tables.get("trajectories"), pByCode) : List.of();
        Map<String, Trajectory> tByCode = new HashMap<>();
        trajectories.forEach(t -> tByCode.put(t.getCode(), t));
        List<Capacity> capacity = tables.containsKey("capacity") ? facts.capacity(tables.get("capacity"), tByCode) : List.of();
        List<Shortage> shortages = tables.containsKey("shortages") ? facts.shortages(tables.get("shortages"), pByCode, tByCode) : List.of();
        List<Application> applications = tables.containsKey("applications") ? facts.applications(tables.get("applications"), tByCode) : List.of();
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

    /** The field of {@code batch.json} with each sealed file's SHA-256 ({@code advies seal} writes it). */
    public static final String SEAL = "sha256";
    /** The field of {@code batch.json} naming last year's final annex and the rename table, relative to the batch folder. */
    public static final String PREVIOUS = "previous";
    /** The names a table file may have, in the order they are looked for. */
    public static final List<String> EXTENSIONS = List.of(".csv", ".json", ".xlsx");
    private final Set<String> sealsChecked = new HashSet<>();

    /** A seal for a file that is not there is no seal kept: the file was renamed or not copied. */
    private void checkSeals(BatchInfo info) {
        info.sha256().keySet().stream().filter(f -> !sealsChecked.contains(f)).forEach(f -> problems.add(Problem.ofFile(BatchInfo.INFO,
                SEAL + " verzegelt " + f + ", maar dat bestand is er niet; kopieer de map opnieuw of verzegel ze opnieuw (advies seal)")));
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
                    .collect(Collectors.joining(" als ")) + " bestaan; laat er één staan"));
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
        String text = new String(bytes, StandardCharsets.UTF_8);
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

}
