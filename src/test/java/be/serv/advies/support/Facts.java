package be.serv.advies.support;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.Education;
import be.serv.advies.model.Level;
import be.serv.advies.model.Network;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.Province;
import be.serv.advies.model.ProviderType;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Builds a small batch of facts for one criterion's test; only what the test names is unusual. */
public final class Facts {
    private final List<Partnership> partnerships = new ArrayList<>();
    private final List<Trajectory> trajectories = new ArrayList<>();
    private final List<Capacity> capacity = new ArrayList<>();
    private final List<Shortage> shortages = new ArrayList<>();
    private final List<Application> applications = new ArrayList<>();

    public static Facts facts() {
        return new Facts();
    }

    public Facts partnership(String code, boolean hasPartnership) {
        partnerships.add(new Partnership(code, "Partnerschap " + code, hasPartnership));
        return this;
    }

    public Facts trajectory(String code, Level level, String partnership) {
        return trajectory(code, level, partnership, false, true, null);
    }

    public Facts trajectory(String code, Level level, String partnership, boolean isNew, boolean recognised, String advisedBy) {
        trajectories.add(new Trajectory(code, "Traject " + code, level, level.finality(), partnership, isNew, recognised, advisedBy));
        return this;
    }

    public Facts capacity(Province province, String trajectory, int providers, int students, int workplaces) {
        capacity.add(new Capacity(province, trajectory, providers, students, workplaces));
        return this;
    }

    public Facts shortage(String partnership, String trajectory, Province province, List<String> places, String text) {
        shortages.add(new Shortage(partnership, trajectory, province, places, null, text));
        return this;
    }

    /** An unremarkable SO application of a CDO in Hasselt (Limburg); {@code tweak} sets what the test is about. */
    public Facts application(String id, String trajectory, UnaryOperator<Application.Builder> tweak) {
        Application.Builder b = Application.builder()
                .id(id).institutionNumber("9" + id.hashCode()).institutionName("School " + id).campusNumber("1")
                .place("Hasselt").province(Province.LIMBURG).network(Network.GO).providerType(ProviderType.CDO)
                .education(Education.SO).trajectory(trajectory).expectedStudents(8).partnerCompanies(4)
                .applicationText("Eigen tekst van " + id);
        Application.Builder tweaked = tweak.apply(b);
        // Resolved the way the loader does it, after the tweak may have moved the application elsewhere.
        String place = tweaked.build().getPlace();
        applications.add(tweaked.location(Gazetteer.flanders().find(place).orElse(null)).build());
        return this;
    }

    public Facts application(String id, String trajectory) {
        return application(id, trajectory, b -> b);
    }

    public Batch batch() {
        return new Batch("2022-2023", partnerships, trajectories, capacity, shortages, applications, "test");
    }
}
