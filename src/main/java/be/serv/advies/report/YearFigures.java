package be.serv.advies.report;

import be.serv.advies.model.Network;
import be.serv.advies.model.Province;
import be.serv.advies.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The counts of one school year that a later year's report compares with. Read from a report
 * (all of them) or from a summary.json (totals and verdicts only); a map without an entry means
 * the figure is not known for that year.
 */
public record YearFigures(String schoolYear, Integer so, Integer buso, Map<Province, Integer> byProvince,
                          Map<Network, Integer> byNetwork, Map<LevelGroup, Integer> byLevel,
                          Map<Verdict, Integer> soVerdicts) {
    public YearFigures {
        byProvince = Collections.unmodifiableMap(new EnumMap<>(copy(byProvince, Province.class)));
        byNetwork = Collections.unmodifiableMap(new EnumMap<>(copy(byNetwork, Network.class)));
        byLevel = Collections.unmodifiableMap(new EnumMap<>(copy(byLevel, LevelGroup.class)));
        soVerdicts = Collections.unmodifiableMap(new EnumMap<>(copy(soVerdicts, Verdict.class)));
    }

    private static <K extends Enum<K>> Map<K, Integer> copy(Map<K, Integer> m, Class<K> type) {
        EnumMap<K, Integer> out = new EnumMap<>(type);
        if (m != null) out.putAll(m);
        return out;
    }

    /**
     * Reads a previous year's report.json or summary.json. Returns empty when the document is
     * neither (the caller says so to the user).
     */
    public static Optional<YearFigures> fromJson(JsonNode root) {
        Objects.requireNonNull(root, "root");
        String year = root.path("school_year").isTextual() ? root.path("school_year").asText() : null;
        if (root.has("totals") && root.has("by_province")) return Optional.of(fromReport(root, year));
        if (root.has("by_verdict")) return Optional.of(fromSummary(root, year));
        return Optional.empty();
    }

    private static YearFigures fromReport(JsonNode root, String year) {
        Map<Province, Integer> provinces = new EnumMap<>(Province.class);
        for (JsonNode n : root.path("by_province")) {
            Province.parse(n.path("province").asText()).ifPresent(p -> provinces.put(p, count(n.path("applications"))));
        }
        Map<Network, Integer> networks = new EnumMap<>(Network.class);
        for (JsonNode n : root.path("by_network")) {
            for (Network net : Network.values()) {
                if (net.name().equals(n.path("network").asText())) networks.put(net, count(n.path("applications")));
            }
        }
        Map<LevelGroup, Integer> levels = new EnumMap<>(LevelGroup.class);
        for (JsonNode n : root.path("by_level")) {
            for (LevelGroup g : LevelGroup.values()) {
                if (g.name().equals(n.path("level").asText())) levels.put(g, count(n.path("applications")));
            }
        }
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (JsonNode n : root.path("advice").path("so")) {
            for (Verdict v : Verdict.values()) {
                if (v.name().equals(n.path("verdict").asText())) verdicts.put(v, count(n.path("applications")));
            }
        }
        JsonNode totals = root.path("totals");
        return new YearFigures(year, count(totals.path("so")), count(totals.path("buso")), provinces, networks, levels, verdicts);
    }

    private static YearFigures fromSummary(JsonNode root, String year) {
        JsonNode byVerdict = root.path("by_verdict");
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            if (byVerdict.path("SO").has(v.name())) verdicts.put(v, byVerdict.path("SO").path(v.name()).asInt());
        }
        return new YearFigures(year, sum(byVerdict.path("SO")), sum(byVerdict.path("BUSO")), Map.of(), Map.of(), Map.of(), verdicts);
    }

    private static Integer count(JsonNode figure) {
        if (figure.isInt()) return figure.asInt();
        JsonNode c = figure.path("count");
        return c.isInt() ? c.asInt() : null;
    }

    private static Integer sum(JsonNode counts) {
        if (!counts.isObject()) return null;
        int total = 0;
        for (JsonNode n : counts) total += n.asInt();
        return total;
    }
}
