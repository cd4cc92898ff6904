package be.serv.advies.load;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.geo.Regions;
import be.serv.advies.model.Application;
import be.serv.advies.model.Capacity;
import be.serv.advies.model.CompanyCooperation;
import be.serv.advies.model.Education;
import be.serv.advies.model.Finality;
import be.serv.advies.model.Level;
import be.serv.advies.model.Network;
import be.serv.advies.model.Partnership;
import be.serv.advies.model.PlatformConsultation;
import be.serv.advies.model.Province;
import be.serv.advies.model.ProviderType;
import be.serv.advies.model.Shortage;
import be.serv.advies.model.Sufficiency;
import be.serv.advies.model.Trajectory;
import be.serv.advies.text.Nearest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of a batch's tables into facts, one table at a time in {@link BatchLoader#TABLES}
 * order, so each table's references are checked against the codes of the tables before it.
 * Every problem of a cell goes to the loader's list; a row with a problem yields no fact.
 */
final class TableFacts {
    private final List<Problem> problems;
    /** Tables not read whole: references to their codes are not checked (each would be a second problem). */
    private final Set<String> unusable;
    /** Codes written in a table, valid or not: a reference to a code whose own row is refused is not a second problem. */
    private final Set<String> writtenPartnerships = new HashSet<>();
    private final Set<String> writtenTrajectories = new HashSet<>();

    TableFacts(List<Problem> problems, Set<String> unusable) {
        this.problems = problems;
        this.unusable = unusable;
    }

    List<Partnership> partnerships(Table t) {
        List<Partnership> out = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String code = c.code("code");
            if (code != null) writtenPartnerships.add(code);
            String name = c.text("name");
            boolean has = c.yesNo("has_partnership");
            String remarks = c.optionalText("shortage_remarks");
            if (code != null && unique(c, "code", code, seen) && c.ok()) out.add(new Partnership(code, name, has, remarks));
        }
        return out;
    }

    List<Trajectory> trajectories(Table t, Map<String, Partnership> partnerships) {
        List<Trajectory> out = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String code = c.code("code");
            if (code != null) writtenTrajectories.add(code);
            String name = c.text("name");
            Level level = c.choice("level", Level.class, "onbekend niveau");
            Finality finality = c.choice("finality", Finality.class, "onbekende finaliteit");
            String partnership = c.code("partnership");
            boolean isNew = c.yesNo("new");
            boolean recognised = c.optionalYesNo("recognised", true);
            String advisedBy = c.optionalCode("advised_by");
            if (level != null && finality != null && level.finality() != finality) {
                c.problem("finality", "niveau " + level + " hoort bij finaliteit " + level.finality() + ", niet " + finality);
            }
            knownPartnership(c, "partnership", partnership, partnerships);
            knownPartnership(c, "advised_by", advisedBy, partnerships);
            if (code != null && unique(c, "code", code, seen) && c.ok()) {
                out.add(new Trajectory(code, name, level, finality, partnership, isNew, recognised, advisedBy));
            }
        }
        return out;
    }

    List<Capacity> capacity(Table t, Map<String, Trajectory> trajectories) {
        List<Capacity> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            Province province = province(c, "province");
            String trajectory = c.code("trajectory");
            int providers = c.count("providers");
            int students = c.count("students");
            int workplaces = c.count("workplaces");
            knownTrajectory(c, "trajectory", trajectory, trajectories);
            if (province != null && trajectory != null) {
                Integer first = seen.putIfAbsent(province + "|" + trajectory, row.number());
                if (first != null) c.problem("trajectory", "dubbele rij voor " + trajectory + " in " + province + " (ook op rij " + first + ")");
            }
            if (c.ok()) out.add(new Capacity(province, trajectory, providers, students, workplaces));
        }
        return out;
    }

    List<Shortage> shortages(Table t, Map<String, Partnership> partnerships, Map<String, Trajectory> trajectories) {
        List<Shortage> out = new ArrayList<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String partnership = c.code("partnership");
            String trajectory = c.code("trajectory");
            String provinceText = c.text("province");
            Province province = null;
            boolean everyProvince = provinceText != null && BatchLoader.EVERY_PROVINCE.equalsIgnoreCase(provinceText.strip().replaceAll("\\s+", " "));
            if (provinceText != null && !provinceText.equalsIgnoreCase(BatchLoader.FLANDERS) && !everyProvince) {
                province = Province.parse(provinceText).orElse(null);
                if (province == null) c.problem("province", "onbekende regio '" + Cells.abbreviate(provinceText) + "'; toegelaten: "
                        + provinceNames() + ", " + BatchLoader.FLANDERS + " of " + BatchLoader.EVERY_PROVINCE);
            }
            String places = c.optionalText("places");
            String area = c.optionalText("area");
            String text = c.text("text");
            knownPartnership(c, "partnership", partnership, partnerships);
            knownTrajectory(c, "trajectory", trajectory, trajectories);
            List<String> placeList = Regions.split(places);
            Shortage.Origin origin = new Shortage.Origin(t.file(), row.number(), row.columnRef("province"), row.columnRef("places"));
            if (c.ok()) out.add(new Shortage(partnership, trajectory, province, everyProvince, placeList, area, text, origin));
        }
        return out;
    }

    List<Application> applications(Table t, Map<String, Trajectory> trajectories) {
        List<Application> out = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>();
        for (Row row : t.rows()) {
            Cells c = new Cells(row, problems);
            String id = c.code("id");
            String place = c.text("place");
            Application.Builder b = Application.builder()
                    .id(id)
                    .institutionNumber(c.code("institution_number"))
                    .institutionName(c.text("institution_name"))
                    .campusNumber(c.code("campus_number"))
                    .place(place)
                    // PlaceCheck has refused the places the gazetteer does not know
                    .location(place == null ? null : Gazetteer.flanders().find(place).orElse(null))
                    .province(province(c, "province"))
                    .network(c.choice("network", Network.class, "onbekend net"))
                    .providerType(c.choice("provider_type", ProviderType.class, "onbekend type aanbieder"))
                    .education(c.choice("education", Education.class, "onbekende onderwijsvorm"))
                    .trajectory(c.code("trajectory"))
                    .firstApplication(c.yesNo("first_application"))
                    .reapplication(c.yesNo("reapplication"))
                    .expectedStudents(c.count("expected_students"))
                    .sectorExperience(c.yesNo("sector_experience"))
                    .infrastructure(c.choice("infrastructure", Sufficiency.class, "onbekende beoordeling"))
                    .learningResources(c.choice("learning_resources", Sufficiency.class, "onbekende beoordeling"))
                    .labourMarketShown(c.yesNo("labour_market_shown"))
                    .companyCooperation(c.choice("company_cooperation", CompanyCooperation.class, "onbekende waarde"))
                    .platformConsultation(c.choice("platform_consultation", PlatformConsultation.class, "onbekende waarde"))
                    .applicationText(c.optionalText("application_text"));
            int partners = c.count("partner_companies");
            int otherSector = c.count("partner_companies_other_sector");
            if (otherSector > partners) {
                c.problem("partner_companies_other_sector", otherSector + " bedrijven uit een andere sector, maar maar "
                        + partners + " partnerbedrijven in totaal");
            }
            b.partnerCompanies(partners).partnerCompaniesOtherSector(otherSector);
            String trajectory = c.row().get("trajectory");
            knownTrajectory(c, "trajectory", trajectory, trajectories);
            boolean unique = id == null || unique(c, "id", id, seen);
            if (unique && c.ok()) out.add(b.build());
        }
        return out;
    }

    /** An id or code seen before, also when the two differ only in case or Unicode form: people and rules read them as one. */
    private record Seen(String written, int row) {
    }

    private boolean unique(Cells c, String column, String code, Map<String, Seen> seen) {
        // Compared as written, so two spellings of one id are named as such, not as the same id twice.
        String value = c.row().get(column) == null ? code : c.row().get(column);
        Seen first = seen.putIfAbsent(Cells.nfc(value).toLowerCase(Locale.ROOT), new Seen(value, c.row().number()));
        if (first == null) return true;
        if (first.written().equals(value)) {
            c.problem(column, "'" + Cells.abbreviate(value) + "' komt twee keer voor (ook op rij " + first.row() + ")");
        } else {
            c.problem(column, "'" + Cells.abbreviate(value) + "' verschilt van '" + Cells.abbreviate(first.written()) + "' (rij "
                    + first.row() + ") alleen in hoofdletters of in de schrijfwijze van een teken; schrijf hetzelfde id "
                    + "overal op dezelfde manier, of geef de twee verschillende ids");
        }
        return false;
    }

    private void knownPartnership(Cells c, String column, String code, Map<String, Partnership> partnerships) {
        if (code != null && !unusable.contains("partnerships") && !partnerships.containsKey(code) && !writtenPartnerships.contains(code)) {
            c.problem(column, "onbekend partnerschap '" + Cells.abbreviate(code) + "' (niet in partnerships)"
                    + Nearest.hint(code, partnerships.keySet()));
        }
    }

    private void knownTrajectory(Cells c, String column, String code, Map<String, Trajectory> trajectories) {
        if (code != null && !unusable.contains("trajectories") && !trajectories.containsKey(code) && !writtenTrajectories.contains(code)) {
            c.problem(column, "onbekende trajectcode '" + Cells.abbreviate(code) + "' (niet in trajectories)"
                    + Nearest.hint(code, trajectories.keySet()));
        }
    }

    private static Province province(Cells c, String column) {
        String v = c.text(column);
        if (v == null) return null;
        Province p = Province.parse(v).orElse(null);
        if (p == null) c.problem(column, "onbekende provincie '" + Cells.abbreviate(v) + "'; toegelaten: " + provinceNames());
        return p;
    }

    private static String provinceNames() {
        return String.join(", ", Arrays.stream(Province.values()).map(Province::label).toList());
    }
}
