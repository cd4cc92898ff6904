package be.serv.advies.model;

import java.util.Objects;

/**
 * What the whole batch asks of one trajectory in one province: how many applications, and how many
 * students they expect to bring in together. Derived from the batch before the rules run, so that a
 * rule can weigh an application against all the others of its region (competing applications, the
 * demand on free workplaces) while each application is still judged on its own facts.
 */
public final class RegionalDemand {
    private final Province province;
    private final String trajectory;
    private final int applications;
    private final int expectedStudents;

    public RegionalDemand(Province province, String trajectory, int applications, int expectedStudents) {
        this.province = Objects.requireNonNull(province, "province");
        this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        this.applications = applications;
        this.expectedStudents = expectedStudents;
    }

    public Province getProvince() { return province; }
    public String getTrajectory() { return trajectory; }
    /** Applications in the batch for this trajectory in this province, this one included. */
    public int getApplications() { return applications; }
    /** Students those applications expect in their first year, together: the demand on workplaces. */
    public int getExpectedStudents() { return expectedStudents; }

    @Override
    public String toString() {
        return "Vraag naar " + trajectory + " in " + province + ": " + applications + " aanvra" + (applications == 1 ? "ag" : "gen")
                + " in deze batch met samen " + expectedStudents + " verwachte leerling" + (expectedStudents == 1 ? "" : "en");
    }
}
