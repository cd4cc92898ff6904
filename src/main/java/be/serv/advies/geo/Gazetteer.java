package be.serv.advies.geo;

import be.serv.advies.text.Nearest;
import be.serv.advies.model.Place;
import be.serv.advies.model.Province;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The municipalities of Flanders and Brussels with their arrondissement and province, shipped with
 * the program (see {@code be/serv/advies/geo/README.md} for the source), plus the names people write
 * for part of a municipality. Names are compared without case, accents, spaces, hyphens or
 * apostrophes, and "St-" reads as "Sint-".
 */
public final class Gazetteer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SAINT = Pattern.compile("(^|[\\s-])st[.\\s-]+");
    private static final Gazetteer FLANDERS = load();

    private final List<Place> places;
    /** Normalised name, French name or alias to the municipality. */
    private final Map<String, Place> byKey;
    /** Normalised key to the name a person should be offered as a suggestion. */
    private final Map<String, String> spelled;
    private final Map<String, String> arrondissements;

    private Gazetteer(List<Place> places, Map<String, Place> byKey, Map<String, String> spelled) {
        this.places = List.copyOf(places);
        this.byKey = byKey;
        this.spelled = spelled;
        this.arrondissements = new LinkedHashMap<>();
        places.forEach(p -> arrondissements.putIfAbsent(key(p.arrondissement()), p.arrondissement()));
    }

    /** The shipped gazetteer. */
    public static Gazetteer flanders() {
        return FLANDERS;
    }

    public List<Place> all() {
        return places;
    }

    /**
     * The municipality a person means by this name, alias or French name; also written with a qualifier
     * in parentheses as some exports write it, "Geel (Antw.)" or "Sint-Niklaas (Waas)", when the
     * municipality before it lies in the province (or arrondissement, or region) the qualifier names.
     */
    public Optional<Place> find(String written) {
        if (written == null) return Optional.empty();
        Place p = byKey.get(key(written));
        if (p != null) return Optional.of(p);
        Matcher m = QUALIFIED.matcher(written);
        if (!m.matches()) return Optional.empty();
        Place base = byKey.get(key(m.group(1)));
        if (base == null) return Optional.empty();
        return qualifierPlaces(m.group(2)).map(where -> where.test(base)).orElse(false) ? Optional.of(base) : Optional.empty();
    }

    /**
     * What a qualifier says about where a municipality lies, when it is one people use: a province (or its
     * abbreviation), a region, an arrondissement, or a part of the municipality itself ("Antwerpen (Berchem)").
     */
    private Optional<Predicate<Place>> qualifierPlaces(String qualifier) {
        String q = key(qualifier);
        Set<Province> provinces = QUALIFIERS.getOrDefault(q, Province.parse(qualifier).map(Set::of).orElse(Set.of()));
        if (!provinces.isEmpty()) return Optional.of(p -> provinces.contains(p.province()));
        String arrondissement = arrondissements.get(q);
        if (arrondissement != null) return Optional.of(p -> p.arrondissement().equals(arrondissement));
        Place part = byKey.get(q);
        if (part != null) return Optional.of(p -> p.equals(part));
        return Optional.empty();
    }

    /**
     * For a name with a known qualifier that {@link #find} does not accept: the municipality before the
     * parenthesis, so a message can say where it lies ("Geel (Limb.)": Geel lies in Antwerpen).
     */
    public Optional<Place> beforeQualifier(String written) {
        if (written == null) return Optional.empty();
        Matcher m = QUALIFIED.matcher(written);
        if (!m.matches() || qualifierPlaces(m.group(2)).isEmpty()) return Optional.empty();
        return Optional.ofNullable(byKey.get(key(m.group(1))));
    }

    /** A name followed by a qualifier in parentheses: "Sint-Niklaas (Waas)". */
    private static final Pattern QUALIFIED = Pattern.compile("\\s*([^()]*[^()\\s])\\s*\\(([^()]+)\\)\\s*");
    /**
     * The abbreviations of the provinces that exports and address lists write, and the regions
     * (streken) people add to a place, with the provinces they lie in (by {@link #key}).
     */
    private static final Map<String, Set<Province>> QUALIFIERS = qualifiers();

    private static Map<String, Set<Province>> qualifiers() {
        Map<String, Set<Province>> q = new HashMap<>();
        BiConsumer<String, Set<Province>> put = (names, provinces) -> {
            for (String n : names.split(",")) q.put(key(n), provinces);
        };
        put.accept("Antw.,Ant.,A.", Set.of(Province.ANTWERPEN));
        put.accept("Limb.,Lim.,Lb.,L.", Set.of(Province.LIMBURG));
        put.accept("O.-Vl.,Oost-Vl.,O.Vl.", Set.of(Province.OOST_VLAANDEREN));
        put.accept("W.-Vl.,West-Vl.,W.Vl.", Set.of(Province.WEST_VLAANDEREN));
        put.accept("Vl.-Br.,Vl.Br.,Vl.-Brab.,Vl.-B.,V.-B.", Set.of(Province.VLAAMS_BRABANT));
        put.accept("Bxl.,Bru.,BHG,Brussels Gewest", Set.of(Province.BRUSSEL));
        put.accept("Waas,Waasland,Meetjesland,Vlaamse Ardennen,Denderstreek,Scheldeland", Set.of(Province.OOST_VLAANDEREN));
        put.accept("Westhoek,Kust,Mandel", Set.of(Province.WEST_VLAANDEREN));
        put.accept("Leiestreek", Set.of(Province.WEST_VLAANDEREN, Province.OOST_VLAANDEREN));
        put.accept("Pajottenland,Hageland,Brabantse Wouden,Dijleland,Zennevallei", Set.of(Province.VLAAMS_BRABANT));
        put.accept("Haspengouw,Maasland,Limburgse Kempen", Set.of(Province.LIMBURG));
        put.accept("Kempen,Kempen (Antw.)", Set.of(Province.ANTWERPEN, Province.LIMBURG));
        put.accept("Rupelstreek,Zuiderkempen,Noorderkempen", Set.of(Province.ANTWERPEN));
        return Map.copyOf(q);
    }

    /** The arrondissement's name as the gazetteer spells it. */
    public Optional<String> arrondissement(String written) {
        return written == null ? Optional.empty() : Optional.ofNullable(arrondissements.get(key(written)));
    }

    public List<Place> inArrondissement(String arrondissement) {
        return places.stream().filter(p -> p.arrondissement().equals(arrondissement)).toList();
    }

    public List<Place> inProvince(Province province) {
        return places.stream().filter(p -> p.province() == province).toList();
    }

    /**
     * Up to three known names closest to what was written ("Oostnde" gives Oostende); for a name with a
     * qualifier the part before it ("Geel (Limb.)" gives Geel), and a municipality whose name begins
     * the written one ("Sint-Niklaas-Waas" gives Sint-Niklaas) or that the written one begins.
     */
    public List<String> nearest(String written) {
        Matcher m = QUALIFIED.matcher(written);
        String name = m.matches() ? m.group(1) : written;
        if (m.matches() && byKey.containsKey(key(name))) return List.of(spelled.getOrDefault(key(name), byKey.get(key(name)).name()));
        List<String> out = new ArrayList<>(nearest(name, spelled));
        String k = key(name);
        String prefix = null;
        for (Map.Entry<String, String> e : spelled.entrySet()) {
            String known = e.getKey();
            boolean begins = known.length() >= 4 && k.startsWith(known) || k.length() >= 5 && known.startsWith(k);
            if (begins && (prefix == null || known.length() > key(prefix).length())) prefix = e.getValue();
        }
        if (prefix != null && !out.contains(prefix)) out.add(0, prefix);
        return out.stream().limit(3).toList();
    }

    /** The names of {@code candidates} (normalised key to name) closest to {@code written}. */
    public static List<String> nearest(String written, Map<String, String> candidates) {
        String k = key(written);
        if (k.isEmpty()) return List.of();
        int limit = Math.max(2, k.length() / 3);
        record Scored(String name, int distance) { }
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<String, String> e : candidates.entrySet()) {
            int d = Nearest.distance(k, e.getKey());
            if (d <= limit) scored.add(new Scored(e.getValue(), d));
        }
        // Only the closest: "Kusst" suggests Kust, not also Rumst one letter further.
        int best = scored.stream().mapToInt(Scored::distance).min().orElse(0);
        scored.sort(Comparator.comparing(Scored::name));
        return scored.stream().filter(x -> x.distance() == best).map(Scored::name).distinct().limit(3).toList();
    }

    /** "bedoelt u Oostende?" or "bedoelt u Genk of Gent?"; empty when nothing is close. */
    public static String suggestion(List<String> names) {
        if (names.isEmpty()) return "";
        if (names.size() == 1) return "bedoelt u " + names.get(0) + "?";
        return "bedoelt u " + String.join(", ", names.subList(0, names.size() - 1)) + " of " + names.get(names.size() - 1) + "?";
    }

    /** How names are compared: no case, accents or punctuation; "St-" and "St." read as "Sint-". */
    public static String key(String s) {
        String n = s.strip();
        // Names are read at start-up: skip the accent pass for plain ASCII.
        if (!ascii(n)) n = MARKS.matcher(Normalizer.normalize(n, Normalizer.Form.NFD)).replaceAll("");
        n = n.toLowerCase(Locale.ROOT);
        if (n.contains("st")) n = SAINT.matcher(n).replaceAll("$1sint-");
        StringBuilder k = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) k.append(c);
        }
        return k.toString();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }

    private static Gazetteer load() {
        List<Place> places = new ArrayList<>();
        Map<String, Place> byKey = new LinkedHashMap<>();
        Map<String, String> spelled = new LinkedHashMap<>();
        Map<String, Place> french = new LinkedHashMap<>();
        for (String[] r : rows("municipalities.csv", 5)) {
            Province province = Province.parse(r[4]).orElseThrow(() -> new IllegalStateException("province " + r[4]));
            Place p = new Place(r[0], r[1], r[3], province);
            places.add(p);
            if (byKey.put(key(p.name()), p) != null) throw new IllegalStateException("two municipalities named " + p.name());
            spelled.put(key(p.name()), p.name());
            french.put(key(r[2]), p);
        }
        for (String[] r : rows("aliases.csv", 2)) {
            Place p = byKey.get(key(r[1]));
            if (p == null) throw new IllegalStateException("alias of an unknown municipality: " + r[1]);
            if (byKey.putIfAbsent(key(r[0]), p) != null) throw new IllegalStateException("alias is a name already: " + r[0]);
            spelled.put(key(r[0]), r[0]);
        }
        // French names last: a Dutch name or alias wins where they coincide.
        french.forEach(byKey::putIfAbsent);
        return new Gazetteer(places, byKey, spelled);
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<String[]> out = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) { header = false; continue; }
                String[] cells = line.strip().split(";", -1);
                if (cells.length != columns) throw new IllegalStateException(resource + ": " + line);
                out.add(cells);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
