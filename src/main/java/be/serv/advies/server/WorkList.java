package be.serv.advies.server;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import be.serv.advies.model.Level;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.PreviousAdvice;
import be.serv.advies.model.Province;
import be.serv.advies.model.Trajectory;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.Decision;
import be.serv.advies.review.Status;
import be.serv.advies.verdict.Advice;
import be.serv.advies.model.Verdict;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The work list: every application with its draft and review status, filtered and sorted as the reviewer asked. */
final class WorkList {
    record Row(Application app, Trajectory trajectory, Partnership sector, Advice draft, Optional<Decision> latest, Status status,
               Optional<PreviousAdvice> previous) {
        int version() {
            return latest.map(Decision::version).orElse(0);
        }
    }

    /** The filter as it arrives in the query string; blank means "all". */
    record Filter(String verdict, String status, String sector, String province, String level, String q, String sort, String dir,
                  String previous) {
        static Filter of(Function<String, String> param) {
            return new Filter(v(param, "advies"), v(param, "status"), v(param, "sector"), v(param, "provincie"),
                    v(param, "niveau"), v(param, "q"), v(param, "sorteer"), v(param, "richting"), v(param, "vorig"));
        }

        /** Longest free-text search kept; the other fields are checked against what they can be. */
        static final int MAX_Q = 100;

        /** The filter of a query string such as the one a bulk form sends back ({@code terug}). */
        static Filter parse(String query) {
            Map<String, String> params = new HashMap<>();
            if (query != null) {
                String[] pairs = query.split("&", 20);
                for (String pair : pairs) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) continue;
                    try {
                        params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException badEscape) {
                        // a malformed pair is no filter
                    }
                }
            }
            return of(params::get);
        }

        /**
         * This filter with every value it cannot hold dropped (an unknown status, sector, …) and the
         * search cut to {@link #MAX_Q}, so whatever a form sent back makes a short, valid address.
         */
        Filter clean(Set<String> sectors) {
            String code = sectors.stream().filter(c -> c.equalsIgnoreCase(sector)).findFirst().orElse("");
            return new Filter(known(verdict, Verdict.values()), known(status, Status.values()), code,
                    known(province, Province.values()), known(level, Level.values()),
                    q.length() > MAX_Q ? q.substring(0, MAX_Q) : q,
                    Set.of("id", "school", "traject", "sector", "provincie", "niveau", "advies", "redenen", "status").contains(sort) ? sort : "",
                    dir.equals("op") || dir.equals("af") ? dir : "", PreviousColumn.known(previous) ? previous : "");
        }

        private static String known(String value, Enum<?>[] values) {
            for (Enum<?> e : values) if (e.name().equals(value)) return value;
            return "";
        }

        private static String v(Function<String, String> param, String name) {
            String s = param.apply(name);
            return s == null ? "" : s.strip();
        }

        String query() {
            StringBuilder s = new StringBuilder();
            add(s, "advies", verdict);
            add(s, "status", status);
            add(s, "sector", sector);
            add(s, "provincie", province);
            add(s, "niveau", level);
            add(s, "q", q);
            add(s, "sorteer", sort);
            add(s, "richting", dir);
            add(s, "vorig", previous);
            return s.toString();
        }

        Filter sortedBy(String column) {
            String d = column.equals(sort) && !"af".equals(dir) ? "af" : "op";
            return new Filter(verdict, status, sector, province, level, q, column, d, previous);
        }

        private static void add(StringBuilder s, String k, String v) {
            if (v.isEmpty()) return;
            if (s.length() > 0) s.append('&');
            s.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
    }

    static List<Row> rows(DraftRun run, Map<String, Decision> latest) {
        Batch batch = run.batch();
        List<Row> out = new ArrayList<>();
        for (Advice advice : run.advices()) {
            Application a = batch.application(advice.applicationId()).orElseThrow();
            Trajectory t = batch.trajectory(a.getTrajectory());
            Optional<Decision> d = Optional.ofNullable(latest.get(a.getId()));
            out.add(new Row(a, t, batch.partnership(t.getPartnership()), advice, d, Status.of(d, advice), batch.previousAdvice(a.getId())));
        }
        return out;
    }

    static List<Row> apply(List<Row> all, Filter f) {
        String q = f.q().toLowerCase(Locale.ROOT);
        List<Row> out = new ArrayList<>();
        for (Row r : all) {
            if (!f.verdict().isEmpty() && !r.draft().verdict().name().equals(f.verdict())) continue;
            if (!f.status().isEmpty() && !r.status().name().equals(f.status())) continue;
            if (!f.sector().isEmpty() && !r.sector().getCode().equals(f.sector())) continue;
            if (!f.province().isEmpty() && !r.app().getProvince().name().equals(f.province())) continue;
            if (!f.level().isEmpty() && !r.trajectory().getLevel().name().equals(f.level())) continue;
            if (!f.previous().isEmpty() && !PreviousColumn.matches(r, f.previous())) continue;
            if (!q.isEmpty()) {
                String hay = (r.app().getInstitutionName() + " " + r.trajectory().getName() + " " + r.trajectory().getCode())
                        .toLowerCase(Locale.ROOT);
                if (!hay.contains(q)) continue;
            }
            out.add(r);
        }
        Comparator<Row> c = switch (f.sort()) {
            case "school" -> Comparator.comparing((Row r) -> r.app().getInstitutionName().toLowerCase(Locale.ROOT));
            case "traject" -> Comparator.comparing((Row r) -> r.trajectory().getName().toLowerCase(Locale.ROOT));
            case "sector" -> Comparator.comparing((Row r) -> r.sector().getName());
            case "provincie" -> Comparator.comparing((Row r) -> r.app().getProvince());
            case "niveau" -> Comparator.comparing((Row r) -> r.trajectory().getLevel());
            case "advies" -> Comparator.comparing((Row r) -> r.draft().verdict());
            case "redenen" -> Comparator.comparing((Row r) -> String.join(",", r.draft().reasons()));
            case "status" -> Comparator.comparing((Row r) -> r.status());
            default -> null;
        };
        if (c != null) {
            if ("af".equals(f.dir())) c = c.reversed();
            out.sort(c.thenComparing(r -> r.app().getId()));
        } else if ("af".equals(f.dir())) {
            Collections.reverse(out);
        }
        return out;
    }

    static Map<Status, Integer> counts(List<Row> rows) {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) m.put(s, 0);
        for (Row r : rows) m.merge(r.status(), 1, Integer::sum);
        return m;
    }

    /**
     * What bulk confirmation takes from a list: every draft that waits for a decision, whatever its
     * verdict — the open ones and those that need a second look after a rule change.
     */
    static List<Row> bulkCandidates(List<Row> rows) {
        return rows.stream().filter(r -> waiting(r.status())).toList();
    }

    /** Open, or decided under a draft that has changed since. */
    static boolean waiting(Status s) {
        return s == Status.OPEN || s == Status.SECOND_LOOK;
    }
}
