package be.serv.advies.rules;

import be.serv.advies.load.Problem;
import be.serv.advies.text.Nearest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The precedence between findings, read from {@code rules/precedence.yaml}: which kinds decide the
 * verdict first, every reason code with its kind and Dutch label, and which preferences lift which
 * concerns. It is the one place a sector expert reads to know how findings combine.
 */
public final class Precedence {
    public static final String FILE = "precedence.yaml";
    private static final List<Kind> DECIDING = List.of(Kind.NO_ADVICE, Kind.NEGATIVE, Kind.REMARK, Kind.CONFIRMATION);

    private final List<Kind> order;
    private final Map<String, CodeInfo> codes;

    Precedence(List<Kind> order, Map<String, CodeInfo> codes) {
        this.order = List.copyOf(order);
        this.codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** The deciding kinds, strongest first. */
    public List<Kind> order() {
        return order;
    }

    public Map<String, CodeInfo> codes() {
        return codes;
    }

    public CodeInfo code(String code) {
        return codes.get(code);
    }

    public boolean knows(String code) {
        return codes.containsKey(code);
    }

    public String label(String code) {
        CodeInfo info = codes.get(code);
        // No code reaches a reader without a declaration (the door and the engine refuse it); a code is never its own label.
        if (info == null) throw new IllegalArgumentException("reason code " + code + " is not in precedence.yaml");
        return info.label();
    }

    public static Precedence parse(String file, byte[] yaml, List<Problem> problems) {
        Objects.requireNonNull(yaml, "yaml");
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            problems.add(be.serv.advies.load.YamlErrors.problem(file, e));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(Problem.ofFile(file, "verwacht de sleutels 'order' en 'codes'"));
            return null;
        }
        List<Kind> order = new ArrayList<>();
        JsonNode orderNode = root.get("order");
        if (orderNode == null || !orderNode.isArray()) {
            problems.add(Problem.ofFile(file, "'order' ontbreekt: de volgorde van " + DECIDING));
        } else {
            for (JsonNode k : orderNode) {
                Kind kind = kind(k.asText());
                if (kind == null || !DECIDING.contains(kind)) {
                    problems.add(Problem.ofFile(file, "order: '" + k.asText() + "' is geen soort die het advies bepaalt; toegelaten: " + DECIDING));
                } else if (order.contains(kind)) {
                    problems.add(Problem.ofFile(file, "order: '" + kind + "' staat twee keer"));
                } else {
                    order.add(kind);
                }
            }
            for (Kind k : DECIDING) {
                if (!order.contains(k) && orderNode.size() > 0) problems.add(Problem.ofFile(file, "order: '" + k + "' ontbreekt"));
            }
        }
        Map<String, CodeInfo> codes = new LinkedHashMap<>();
        JsonNode codesNode = root.get("codes");
        if (codesNode == null || !codesNode.isObject()) {
            problems.add(Problem.ofFile(file, "'codes' ontbreekt: elke redencode met haar soort en omschrijving"));
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = codesNode.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String code = e.getKey();
                JsonNode v = e.getValue();
                Kind kind = v.hasNonNull("kind") ? kind(v.get("kind").asText()) : null;
                if (kind == null) {
                    problems.add(Problem.ofFile(file, "codes." + code + ": 'kind' ontbreekt of is onbekend; toegelaten: "
                            + java.util.Arrays.toString(Kind.values())));
                    continue;
                }
                String label = v.hasNonNull("label") ? v.get("label").asText() : null;
                if (label == null || label.isBlank()) {
                    problems.add(Problem.ofFile(file, "codes." + code + ": 'label' (de omschrijving in het Nederlands) ontbreekt"));
                    continue;
                }
                List<String> lifts = new ArrayList<>();
                if (v.has("lifts")) {
                    if (kind != Kind.PREFERENCE) {
                        problems.add(Problem.ofFile(file, "codes." + code + ": alleen een voorkeur (PREFERENCE) kan andere codes opheffen"));
                    }
                    v.get("lifts").forEach(x -> lifts.add(x.asText()));
                }
                String cleared = v.hasNonNull("cleared") ? v.get("cleared").asText() : null;
                if (cleared != null && !(kind == Kind.NO_ADVICE || kind == Kind.NEGATIVE || kind == Kind.REMARK)) {
                    problems.add(Problem.ofFile(file, "codes." + code + ": 'cleared' hoort alleen bij een bezwaar (NO_ADVICE, NEGATIVE of REMARK)"
                            + " dat nagegaan en in orde kan zijn"));
                }
                List<String> openWhen = new ArrayList<>();
                if (v.has("open_when")) {
                    if (!v.get("open_when").isArray()) {
                        problems.add(Problem.ofFile(file, "codes." + code + ": 'open_when' is een lijst van codes, bv. [NO_CAPACITY_FIGURES]"));
                    }
                    v.get("open_when").forEach(x -> openWhen.add(x.asText()));
                }
                codes.put(code, new CodeInfo(code, kind, label, lifts, cleared, openWhen));
            }
            for (CodeInfo info : codes.values()) {
                for (String lifted : info.lifts()) {
                    if (!codes.containsKey(lifted)) {
                        problems.add(Problem.ofFile(file, "codes." + info.code() + ": heft de onbekende code '" + lifted + "' op"));
                    }
                }
                for (String open : info.openWhen()) {
                    if (!codes.containsKey(open)) {
                        problems.add(Problem.ofFile(file, "codes." + info.code() + ": open_when noemt de onbekende code '" + open + "'"
                                + Nearest.hint(open, codes.keySet())));
                    } else if (open.equals(info.code())) {
                        problems.add(Problem.ofFile(file, "codes." + info.code() + ": open_when noemt de code zelf; noem de bevinding "
                                + "die het criterium openlaat, bv. NO_CAPACITY_FIGURES"));
                    }
                }
            }
        }
        return new Precedence(order, codes);
    }

    private static Kind kind(String s) {
        try {
            return Kind.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
