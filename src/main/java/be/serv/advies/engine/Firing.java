package be.serv.advies.engine;

import be.serv.advies.model.Finding;

import java.util.List;
import java.util.Map;

/**
 * One rule firing as recorded in the trace: the rule, its file, the facts it matched (as the facts
 * describe themselves, with their figures), the values bound in its conditions, and the findings it
 * inserted.
 */
public record Firing(int sequence, String rule, String file, List<String> facts, Map<String, String> bindings,
                     List<String> applicationIds, List<Finding> findings) {
}
