package be.serv.advies.report;

import be.serv.advies.model.Application;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A count together with the applications it counts, so that a reader who doubts the number can
 * check it application by application.
 */
public record Figure(int count, List<String> ids) {
    public Figure {
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
        if (count != ids.size()) throw new IllegalArgumentException("count " + count + " but " + ids.size() + " ids");
    }

    public static Figure of(Collection<Application> applications) {
        Objects.requireNonNull(applications, "applications");
        List<String> ids = applications.stream().map(Application::getId).toList();
        return new Figure(ids.size(), ids);
    }

    public static Figure ofIds(List<String> ids) {
        Objects.requireNonNull(ids, "ids");
        return new Figure(ids.size(), ids);
    }
}
