package be.serv.advies.authoring;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.load.Cells;
import be.serv.advies.load.Problem;
import be.serv.advies.load.Row;
import be.serv.advies.model.Application;
import be.serv.advies.model.CompanyCooperation;
import be.serv.advies.model.Education;
import be.serv.advies.model.Network;
import be.serv.advies.model.Place;
import be.serv.advies.model.PlatformConsultation;
import be.serv.advies.model.ProviderType;
import be.serv.advies.model.Province;
import be.serv.advies.model.Sufficiency;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the maps of one case with problems that name the case. */
record CaseContext(String file, int line, String path, String label, List<Problem> problems,
                       Map<Map<String, String>, String> whereOf) {
    CaseContext(String file, int line, String path, String label, List<Problem> problems) {
        this(file, line, path, label, problems, new IdentityHashMap<>());
    }

    void problem(String message) {
        problems.add(Problem.ofRow(file, line, label + ": " + message));
    }

    /** A problem about the word at {@code sub}, a path inside the case. */
    void problemAt(String sub, String message) {
        problems.add(CaseFile.at(file, line, path + "/" + sub, label + ": " + message));
    }

    /**
     * {@code keys}: the names allowed, or null for any (thresholds, whose columns the rules folder declares);
     * {@code where}: the map's path in the case, its name with the place in a list.
     */
    Map<String, String> map(JsonNode node, String name, String where, List<String> keys) {
        Map<String, String> out = new LinkedHashMap<>();
        whereOf.put(out, where);
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) {
            problemAt(where, "'" + name + "' moet velden hebben (naam: waarde)");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (keys != null && !keys.contains(e.getKey())) {
                problemAt(where + "/" + e.getKey() + "!", "onbekend veld '" + name + "." + e.getKey() + "'; bekend: " + String.join(", ", keys));
                continue;
            }
            JsonNode v = e.getValue();
            String s = v == null || v.isNull() ? "" : v.isBoolean() ? (v.asBoolean() ? "ja" : "nee")
                    : v.isArray() ? join(v) : v.asText();
            out.put(e.getKey(), s);
        }
        return out;
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(x -> parts.add(x.asText()));
        return String.join(", ", parts);
    }

    List<Map<String, String>> list(JsonNode node, String name, List<String> keys) {
        List<Map<String, String>> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (node.isObject()) {
            out.add(map(node, name, name, keys));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode n : node) out.add(map(n, name, name + "/" + i++, keys));
        } else {
            problemAt(name, "'" + name + "' moet velden of een lijst hebben");
        }
        return out;
    }

    Cells cells(Map<String, String> values) {
        Map<String, String> refs = new LinkedHashMap<>();
        String where = whereOf.get(values);
        // Each value's path, placed at its line and column once the case is read; Cells puts the field name before the message.
        values.keySet().forEach(k -> refs.put(k, where == null ? null : CaseFile.AT + path + "/" + where + "/" + k));
        return new Cells(new Row(file, line, values, refs), problems);
    }

    Province province(Cells c, String column) {
        String v = c.row().get(column);
        if (v == null) return null;
        Province p = Province.parse(v).orElse(null);
        if (p == null) c.problem(column, "onbekende provincie '" + v + "'");
        return p;
    }

    /** Where a case's application is when it names only its province: the province's capital. */
    private static String mainPlace(Province p) {
        return switch (p) {
            case ANTWERPEN -> "Antwerpen";
            case BRUSSEL -> "Brussel";
            case LIMBURG -> "Hasselt";
            case OOST_VLAANDEREN -> "Gent";
            case VLAAMS_BRABANT -> "Leuven";
            case WEST_VLAANDEREN -> "Brugge";
        };
    }

    Application application(Map<String, String> a, String id, String trajectory) {
        Cells c = cells(a);
        Province province = a.containsKey("province") ? province(c, "province") : Province.LIMBURG;
        String place = CaseFile.or(a.get("place"), mainPlace(province == null ? Province.LIMBURG : province));
        Place location = Gazetteer.flanders().find(place).orElse(null);
        if (location == null) {
            String hint = Gazetteer.suggestion(Gazetteer.flanders().nearest(place));
            c.problem("place", "onbekende gemeente '" + place + "'" + (hint.isEmpty() ? "" : "; " + hint));
        } else if (province != null && location.province() != province) {
            c.problem("place", place + " ligt in " + location.province().label() + ", niet in " + province.label());
        }
        Application.Builder b = Application.builder().id(id)
                .institutionNumber(CaseFile.or(a.get("institution_number"), "1000" + id.replaceAll("\\D", "")))
                .institutionName(CaseFile.or(a.get("institution_name"), "School " + id))
                .campusNumber(CaseFile.or(a.get("campus_number"), "1"))
                .place(place)
                .location(location)
                .province(province == null ? Province.LIMBURG : province)
                .network(a.containsKey("network") ? c.choice("network", Network.class, "onbekend net") : Network.GO)
                .providerType(a.containsKey("provider_type") ? c.choice("provider_type", ProviderType.class, "onbekend type") : ProviderType.CDO)
                .education(a.containsKey("education") ? c.choice("education", Education.class, "onbekend onderwijs") : Education.SO)
                .trajectory(CaseFile.or(a.get("trajectory"), trajectory))
                .firstApplication(c.optionalYesNo("first_application", false))
                .reapplication(c.optionalYesNo("reapplication", false))
                .expectedStudents(a.containsKey("expected_students") ? c.count("expected_students") : 8)
                .partnerCompanies(a.containsKey("partner_companies") ? c.count("partner_companies") : 3)
                .partnerCompaniesOtherSector(a.containsKey("partner_companies_other_sector") ? c.count("partner_companies_other_sector") : 0)
                .sectorExperience(c.optionalYesNo("sector_experience", true))
                .infrastructure(a.containsKey("infrastructure") ? c.choice("infrastructure", Sufficiency.class, "onbekende waarde") : Sufficiency.VOLDOENDE)
                .learningResources(a.containsKey("learning_resources") ? c.choice("learning_resources", Sufficiency.class, "onbekende waarde") : Sufficiency.VOLDOENDE)
                .labourMarketShown(c.optionalYesNo("labour_market_shown", true))
                .companyCooperation(a.containsKey("company_cooperation") ? c.choice("company_cooperation", CompanyCooperation.class, "onbekende waarde") : CompanyCooperation.SPECIFIEK)
                .platformConsultation(a.containsKey("platform_consultation") ? c.choice("platform_consultation", PlatformConsultation.class, "onbekende waarde") : PlatformConsultation.AFGESTEMD)
                .applicationText(CaseFile.or(a.get("application_text"), "Eigen tekst van " + id));
        if (!c.ok()) return null;
        try {
            return b.build();
        } catch (NullPointerException e) {
            problem("aanvraag " + id + " is onvolledig: " + e.getMessage());
            return null;
        }
    }
}
