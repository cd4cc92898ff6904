package be.serv.advies.model;

import java.util.List;

/**
 * The kinds of fact a rule session holds: what the engine inserts from the batch and derives from it,
 * and the findings the rules insert. A rule condition on any other kind never matches, so the door
 * refuses one ({@code rules.DrlCheck}); the engine inserts nothing else ({@code engine.Evaluator}).
 */
public final class SessionFacts {
    /** In the order the engine inserts them; findings come from the rules. */
    public static final List<Class<?>> TYPES = List.of(Partnership.class, Trajectory.class, Capacity.class, Shortage.class,
            TrajectoryInProvince.class, SimilarText.class, PreviousAdvice.class, Application.class, Finding.class);

    private SessionFacts() {
    }
}
