package be.serv.advies.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One school year's validated input: every fact the rules see, plus the hash that stamps outputs. */
public final class Batch {
    private final String schoolYear;
    private final List<Partnership> partnerships;
    private final List<Trajectory> trajectories;
    private final List<Capacity> capacity;
    private final List<Shortage> shortages;
    private final List<Application> applications;
    private final String inputHash;
    private final Map<String, Integer> rowsRead;
    private final Map<String, Partnership> partnershipByCode = new LinkedHashMap<>();
    private final Map<String, Trajectory> trajectoryByCode = new LinkedHashMap<>();
    private final Map<String, Application> applicationById = new LinkedHashMap<>();
    private Map<String, PreviousAdvice> previousAdvice = Map.of();
    private List<String> warnings = List.of();

    public Batch(String schoolYear, List<Partnership> partnerships, List<Trajectory> trajectories,
                 List<Capacity> capacity, List<Shortage> shortages, List<Application> applications, String inputHash) {
        this(schoolYear, partnerships, trajectories, capacity, shortages, applications, inputHash, Map.of());
    }

    /** {@code rowsRead}: per file of the batch folder, the rows read from it, so a run can say what it consumed. */
    public Batch(String schoolYear, List<Partnership> partnerships, List<Trajectory> trajectories,
                 List<Capacity> capacity, List<Shortage> shortages, List<Application> applications, String inputHash,
                 Map<String, Integer> rowsRead) {
        this.rowsRead = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(rowsRead, "rowsRead")));
        this.schoolYear = schoolYear;
        this.partnerships = List.copyOf(Objects.requireNonNull(partnerships, "partnerships"));
        this.trajectories = List.copyOf(Objects.requireNonNull(trajectories, "trajectories"));
        this.capacity = List.copyOf(Objects.requireNonNull(capacity, "capacity"));
        this.shortages = List.copyOf(Objects.requireNonNull(shortages, "shortages"));
        this.applications = List.copyOf(Objects.requireNonNull(applications, "applications"));
        this.inputHash = Objects.requireNonNull(inputHash, "inputHash");
        partnerships.forEach(p -> partnershipByCode.put(p.getCode(), p));
        trajectories.forEach(t -> trajectoryByCode.put(t.getCode(), t));
        applications.forEach(a -> applicationById.put(a.getId(), a));
    }

    /** The school year, e.g. "2022-2023"; may be null when the batch does not say. */
    public String getSchoolYear() { return schoolYear; }
    public List<Partnership> getPartnerships() { return partnerships; }
    public List<Trajectory> getTrajectories() { return trajectories; }
    public List<Capacity> getCapacity() { return capacity; }
    public List<Shortage> getShortages() { return shortages; }
    public List<Application> getApplications() { return applications; }
    public String getInputHash() { return inputHash; }
    /** File name → rows read from it, in the order the tables are loaded; empty for a batch not read from files. */
    public Map<String, Integer> getRowsRead() { return rowsRead; }

    /** The same batch with other shortages (those resolved against the gazetteer and the regions). */
    public Batch withShortages(List<Shortage> resolved) {
        return new Batch(schoolYear, partnerships, trajectories, capacity, resolved, applications, inputHash, rowsRead)
                .withPreviousAdvice(previousAdvice, warnings);
    }

    /**
     * The same batch with last year's advice linked to its applications, and the warnings linking gave
     * (each {@code file:row: message}); they do not stop a run.
     */
    public Batch withPreviousAdvice(Map<String, PreviousAdvice> linked, List<String> linkWarnings) {
        Batch b = new Batch(schoolYear, partnerships, trajectories, capacity, shortages, applications, inputHash, rowsRead);
        b.previousAdvice = Collections.unmodifiableMap(new LinkedHashMap<>(linked));
        b.warnings = List.copyOf(linkWarnings);
        return b;
    }

    /** Application id → last year's advice on the same offer; empty when no previous advice was given. */
    public Map<String, PreviousAdvice> getPreviousAdvice() { return previousAdvice; }

    public Optional<PreviousAdvice> previousAdvice(String applicationId) {
        return Optional.ofNullable(previousAdvice.get(applicationId));
    }

    /** What the input does not settle and a person should look at; never a reason to stop. */
    public List<String> getWarnings() { return warnings; }

    public Optional<Application> application(String id) {
        return Optional.ofNullable(applicationById.get(id));
    }

    public Trajectory trajectory(String code) {
        return trajectoryByCode.get(code);
    }

    public Partnership partnership(String code) {
        return partnershipByCode.get(code);
    }

    /** The partnership a trajectory belongs to (the Tabel 1 row its applications count in). */
    public Partnership partnershipOf(Application application) {
        return partnership(trajectory(application.getTrajectory()).getPartnership());
    }

    public Map<String, Trajectory> trajectoriesByCode() {
        return Collections.unmodifiableMap(trajectoryByCode);
    }
}
