package be.serv.advies.model;

import java.util.Objects;

/** What already exists for one trajectory in one province: providers, enrolled students, workplaces. */
public final class Capacity {
    private final Province province;
    private final String trajectory;
    private final int providers;
    private final int students;
    private final int workplaces;

    public Capacity(Province province, String trajectory, int providers, int students, int workplaces) {
        this.province = Objects.requireNonNull(province, "province");
        this.trajectory = Objects.requireNonNull(trajectory, "trajectory");
        this.providers = providers;
        this.students = students;
        this.workplaces = workplaces;
    }

    public Province getProvince() { return province; }
    public String getTrajectory() { return trajectory; }
    public int getProviders() { return providers; }
    public int getStudents() { return students; }
    public int getWorkplaces() { return workplaces; }
    /** Workplaces not taken by the students already enrolled. */
    public int getFreeWorkplaces() { return workplaces - students; }
    /** Students per existing provider; 0 where there is no provider yet. */
    public double getStudentsPerProvider() { return providers == 0 ? 0 : (double) students / providers; }

    @Override
    public String toString() {
        return "Capaciteit " + trajectory + " in " + province + ": " + providers + " aanbieders, "
                + students + " leerlingen, " + workplaces + " leerwerkplekken";
    }
}
