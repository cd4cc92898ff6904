package be.serv.advies.model;

import java.util.Objects;

/**
 * One trajectory in one province, with everything the rules weigh an application of it against: the
 * trajectory and its partnership, the capacity there (null when the batch has no figures), the
 * sector's thresholds ({@link Norm}), what the whole batch asks of it ({@link RegionalDemand}) and how
 * many providers offer it in all of Flanders. Derived from the batch before the rules run, one per
 * (trajectory, province) that has an application.
 *
 * <p>Why one fact and not five: a rule then finds what it needs for an application with one lookup on
 * one key ({@code key == $a.trajectoryInProvince}) instead of one join per fact, which is where most
 * of the engine's time went at 100,000 applications.</p>
 */
public final class TrajectoryInProvince {
    private final String key;
    private final Trajectory trajectory;
    private final Partnership partnership;
    private final Province province;
    private final Capacity capacity;
    private final Norm norm;
    private final RegionalDemand demand;
    private final int providersInFlanders;

    public TrajectoryInProvince(Trajectory trajectory, Partnership partnership, Province province, Capacity capacity,
                                Norm norm, RegionalDemand demand, int providersInFlanders) {
        this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        this.partnership = Objects.requireNonNull(partnership, "partnership");
        this.province = Objects.requireNonNull(province, "province");
        this.capacity = capacity;
        this.norm = Objects.requireNonNull(norm, "norm");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.providersInFlanders = providersInFlanders;
        this.key = key(trajectory.getCode(), province);
    }

    /** The key an application names its trajectory in its province by ({@link Application#getTrajectoryInProvince()}). */
    public static String key(String trajectory, Province province) {
        // Interned, so the engine's lookups compare an application's key and its group's by identity.
        return (trajectory + "|" + province.name()).intern();
    }

    public String getKey() { return key; }
    public Trajectory getTrajectory() { return trajectory; }
    /** The partnership the trajectory belongs to. */
    public Partnership getPartnership() { return partnership; }
    public Province getProvince() { return province; }
    /** What already exists for the trajectory in the province; null when the batch has no figures for it. */
    public Capacity getCapacity() { return capacity; }
    /** The thresholds that hold for the trajectory in the province. */
    public Norm getNorm() { return norm; }
    /** The applications of the whole batch for the trajectory in the province, and their expected students. */
    public RegionalDemand getDemand() { return demand; }
    /** Providers of the trajectory in all provinces together (the capacity rows summed; 0 without any). */
    public int getProvidersInFlanders() { return providersInFlanders; }

    @Override
    public String toString() {
        return trajectory.getName() + " in " + province + ": " + providersInFlanders + " aanbieder"
                + (providersInFlanders == 1 ? "" : "s") + " in heel Vlaanderen"
                + (capacity == null ? ", geen capaciteitscijfers in " + province : "");
    }
}
