package be.serv.advies.model;

import java.util.Objects;

/**
 * How many applications of the whole batch ask for one trajectory in one province. Derived from
 * the batch before the rules run, so that a rule can weigh an application against all the others
 * of its region (competing applications) while each application is still judged on its own facts.
 */
public final class RegionalDemand {
    private final Province province;
    private final String trajectory;
    private final int applications;

    public RegionalDemand(Province province, String trajectory, int applications) {
        this.province = Objects.requireNonNull(province, "province");
        this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        this.applications = applications;
    }

    public Province getProvince() { return province; }
    public String getTrajectory() { return trajectory; }
    /** Applications in the batch for this trajectory in this province, this one included. */
    public int getApplications() { return applications; }

    @Override
    public String toString() {
        return "Vraag " + trajectory + " in " + province + ": " + applications + " aanvra" + (applications == 1 ? "ag" : "gen")
                + " in deze batch";
    }
}
