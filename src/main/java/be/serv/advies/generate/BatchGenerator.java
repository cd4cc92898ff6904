package be.serv.advies.generate;

import be.serv.advies.model.Level;
import be.serv.advies.model.Province;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic batch of any size in the batch-folder format, the same for the same seed. It keeps the
 * proportions of a real year so that the work per application does not change with size: about two
 * applications per (province, trajectory), five per institution, capacity figures for most
 * trajectories, a few signalled shortages, and every criterion met now and then — oversupply,
 * workplace shortage, weak applications, identical texts within an institution, and groups of
 * competing applications for the trajectory the sectors limit ({@code OK3_HAARVERZORGING}).
 *
 * <p>Bigger batches get more trajectories (numbered variants of the real ones) and more institutions,
 * as a whole region's study offer or several years would, rather than ever larger groups.</p>
 */
public final class BatchGenerator {
    /** The trajectory the shipped thresholds give room for one school per province, sector not choosing. */
    public static final String COMPETING_TRAJECTORY = "OK3_HAARVERZORGING";
    static final int APPLICATIONS_PER_TRAJECTORY = 12;
    static final int APPLICATIONS_PER_INSTITUTION = 5;

    record P(String code, String name, boolean has) {
    }

    record T(String code, String name, Level level, String partnership, boolean isNew, boolean recognised) {
    }

    static final List<P> PARTNERSHIPS = List.of(
            new P("AUTO", "Autosector en aanverwanten", true), new P("BINNENVAART", "Binnenvaart", true),
            new P("BOUW", "Bouw", true), new P("CHEMIE", "Chemie", true), new P("ELEK", "Elektriciens", true),
            new P("GRAFISCH", "Grafische / Papier & Karton", true), new P("GROEN", "Groene sectoren", true),
            new P("HAARZORG", "Haarzorg (en Fitness)", true), new P("HANDEL", "Handel", true), new P("HORECA", "Horeca", true),
            new P("HOUT", "Houtsectoren", true), new P("KLEDING", "Kleding en confectie", true),
            new P("SOCIAL", "Social Profit en Lokale Besturen", true), new P("TECHNO", "Technologische industrie", true),
            new P("TEXTIEL", "Textiel", true), new P("TEXTIELVERZ", "Textielverzorging", true),
            new P("TRANSPORT", "Transport en logistiek", true), new P("VOEDING", "Voedingsnijverheid", true),
            new P("GEEN_SP", "Sectoren zonder SP", false));

    static final List<T> BASE = List.of(
            t("OK2_BANDENMONTEUR", "Bandenmonteur", Level.OK2, "AUTO"),
            t("OK2_KEUKENMEDEWERKER", "Keukenmedewerker", Level.OK2, "HORECA"),
            t("OK2_WINKELMEDEWERKER", "Winkelmedewerker", Level.OK2, "HANDEL"),
            t("OK2_MAGAZIJNMEDEWERKER", "Magazijnmedewerker", Level.OK2, "TRANSPORT"),
            t("OK2_MEDEWERKER_RUWBOUW", "Medewerker ruwbouw", Level.OK2, "BOUW"),
            t("OK2_MEDEWERKER_HOUT", "Medewerker hout", Level.OK2, "HOUT"),
            t("OK2_INSTALLATEUR_ELEKTRO", "Installateur elektrotechnische basiscomponenten", Level.OK2, "ELEK"),
            t("OK2_GROEN_TUINBEHEER", "Medewerker groen- en tuinbeheer", Level.OK2, "GROEN"),
            t("OK2_ADMIN_ONDERSTEUNER", "Polyvalent administratief ondersteuner", Level.OK2, "GEEN_SP"),
            t("OK3_ELEKTRISCHE_INSTALLATIES", "Elektrische installaties", Level.OK3, "ELEK"),
            t("OK3_BASISZORG", "Basiszorg en ondersteuning", Level.OK3, "SOCIAL"),
            t("OK3_LOGISTIEK", "Logistiek", Level.OK3, "TRANSPORT"),
            t("OK3_LASSEN_CONSTRUCTIE", "Lassen-constructie", Level.OK3, "TECHNO"),
            t("OK3_RESTAURANT_KEUKEN", "Restaurant en keuken", Level.OK3, "HORECA"),
            t("OK3_ONDERHOUDSMECHANICA_AUTO", "Onderhoudsmechanica auto", Level.OK3, "AUTO"),
            t(COMPETING_TRAJECTORY, "Haarverzorging", Level.OK3, "HAARZORG"),
            t("OK3_RUWBOUW", "Ruwbouw", Level.OK3, "BOUW"),
            t("OK3_BINNENSCHRIJNWERK", "Binnenschrijnwerk en interieur", Level.OK3, "HOUT"),
            t("OK3_GROENAANLEG", "Groenaanleg en -beheer", Level.OK3, "GROEN"),
            t("OK3_BROOD_BANKET", "Brood- en banketbakkerij", Level.OK3, "VOEDING"),
            t("OK3_KLEDING", "Confectie", Level.OK3, "KLEDING"),
            t("OK4_ELEKTROMECHANISCHE", "Elektromechanische technieken", Level.OK4, "TECHNO"),
            t("OK4_COMMERCIELE_ORGANISATIE", "Commerciële organisatie", Level.OK4, "HANDEL"),
            t("SENSE3_ZORGKUNDIGE", "Verzorgende/Zorgkundige", Level.SENSE_OK3, "SOCIAL"),
            t("SENSE3_KINDERBEGELEIDER", "Kinderbegeleider", Level.SENSE_OK3, "SOCIAL"),
            t("SENSE3_ELEKTROTECHNICUS", "Elektrotechnicus", Level.SENSE_OK3, "ELEK"),
            t("SENSE3_KAPPER_STYLIST", "Kapper-stylist", Level.SENSE_OK3, "HAARZORG"),
            t("SENSE3_KOK", "Kok", Level.SENSE_OK3, "HORECA"),
            t("SENSE3_DAKWERKER", "Dakwerker", Level.SENSE_OK3, "BOUW"),
            t("SENSE4_TANDARTSASSISTENT", "Tandartsassistent", Level.SENSE_OK4, "GEEN_SP"),
            t("SENSE4_HERNIEUWBARE_ENERGIE", "Technicus hernieuwbare energietechnieken", Level.SENSE_OK4, "ELEK"),
            t("OV3_KEUKENMEDEWERKER", "Keukenmedewerker (BuSO)", Level.OV3, "HORECA"),
            t("OV3_BAKKERIJ", "Medewerker (banket)bakkerij", Level.OV3, "VOEDING"),
            t("OV3_PLANTAARDIGE_PRODUCTIE", "Assistent plantaardige productie", Level.OV3, "GROEN"));

    static final String[][] PLACES = {
            {"Antwerpen", "Mechelen", "Turnhout", "Geel", "Mol", "Lier"},
            {"Brussel", "Anderlecht", "Schaarbeek"},
            {"Hasselt", "Genk", "Maaseik", "Lommel", "Sint-Truiden", "Tongeren"},
            {"Gent", "Sint-Niklaas", "Aalst", "Beveren", "Eeklo", "Oudenaarde"},
            {"Leuven", "Vilvoorde", "Halle", "Tienen", "Tielt-Winge"},
            {"Brugge", "Kortrijk", "Roeselare", "Oostende", "Ieper", "Tielt"}};

    private static T t(String code, String name, Level level, String partnership) {
        return new T(code, name + " duaal", level, partnership, false, true);
    }

    private final int applications;
    private final int perInstitution;
    private final Random random;

    private BatchGenerator(int applications, long seed, int perInstitution) {
        this.applications = applications;
        this.perInstitution = perInstitution;
        this.random = new Random(seed);
    }

    /** The files of a batch folder (name to content), generated from the seed alone. */
    public static Map<String, byte[]> generate(int applications, long seed) {
        return generate(applications, seed, APPLICATIONS_PER_INSTITUTION);
    }

    /**
     * As {@link #generate(int, long)} with about {@code perInstitution} applications per institution
     * (5 by default; a large Syntra or CDO network files hundreds). An institution of more than 5
     * shares one text over groups of 5 of its applications, as a school that copies its text for a
     * few trajectories, not for all of them.
     */
    public static Map<String, byte[]> generate(int applications, long seed, int perInstitution) {
        if (applications < 1) throw new IllegalArgumentException("applications must be at least 1, was " + applications);
        if (perInstitution < 1) throw new IllegalArgumentException("perInstitution must be at least 1, was " + perInstitution);
        return new BatchGenerator(applications, seed, perInstitution).files();
    }

    private Map<String, byte[]> files() {
        List<T> trajectories = trajectories();
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put("partnerships", partnerships());
        tables.put("trajectories", trajectoriesCsv(trajectories));
        tables.put("capacity", capacity(trajectories));
        tables.put("shortages", shortages(trajectories));
        tables.put("applications", applications(trajectories));
        // The batch states its rows per table, as a department's export would, so a copy that lost rows is refused.
        StringBuilder info = new StringBuilder("{\"school_year\": \"2022-2023\", \"rows\": {");
        tables.forEach((name, bytes) -> info.append(info.charAt(info.length() - 1) == '{' ? "" : ", ")
                .append('"').append(name).append("\": ").append(lines(bytes) - 1));
        info.append("}, \"export_total\": ").append(applications).append("}\n");
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("batch.json", bytes(info));
        tables.forEach((name, bytes) -> out.put(name + ".csv", bytes));
        return out;
    }

    private List<T> trajectories() {
        int wanted = Math.max(BASE.size(), (applications + APPLICATIONS_PER_TRAJECTORY - 1) / APPLICATIONS_PER_TRAJECTORY);
        List<T> out = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) {
            T base = BASE.get(i % BASE.size());
            int variant = i / BASE.size();
            // One in twelve variants is new this year; one in forty is not recognised by its sector.
            boolean isNew = variant > 0 ? random.nextInt(12) == 0 : random.nextInt(20) == 0;
            boolean recognised = random.nextInt(40) != 0 || base.code().equals(COMPETING_TRAJECTORY);
            out.add(variant == 0 ? new T(base.code(), base.name(), base.level(), base.partnership(), isNew, recognised)
                    : new T(base.code() + "_V" + variant, base.name() + " (variant " + variant + ")", base.level(),
                    base.partnership(), isNew, recognised));
        }
        return out;
    }

    private static byte[] partnerships() {
        StringBuilder s = new StringBuilder("code;name;has_partnership\n");
        for (P p : PARTNERSHIPS) s.append(p.code()).append(';').append(p.name()).append(';').append(p.has() ? "ja" : "nee").append('\n');
        return bytes(s);
    }

    private static byte[] trajectoriesCsv(List<T> ts) {
        StringBuilder s = new StringBuilder("code;name;level;finality;partnership;new;recognised;advised_by\n");
        int i = 0;
        for (T t : ts) {
            // Every fifth trajectory of a sector without partnership is advised by another partnership.
            String advisedBy = t.partnership().equals("GEEN_SP") && i++ % 5 == 0 ? "SOCIAL" : "";
            s.append(t.code()).append(';').append(t.name()).append(';').append(t.level().name()).append(';')
                    .append(t.level().finality().name()).append(';').append(t.partnership()).append(';')
                    .append(t.isNew() ? "ja" : "nee").append(';').append(t.recognised() ? "ja" : "nee").append(';')
                    .append(advisedBy).append('\n');
        }
        return bytes(s);
    }

    private byte[] capacity(List<T> ts) {
        StringBuilder s = new StringBuilder("province;trajectory;providers;students;workplaces\n");
        // Workplaces are weighed against the students all applications of a (province, trajectory)
        // expect (at most 15 each); a healthy group has room for as many as its share of the batch.
        int demand = (int) Math.ceil(15.0 * applications / Math.max(1, ts.size() * Province.values().length));
        for (T t : ts) {
            for (Province p : Province.values()) {
                if (random.nextInt(10) < 3 && !t.code().equals(COMPETING_TRAJECTORY)) continue; // no figures
                int providers = random.nextInt(12);
                // Mostly healthy groups; some with too few students per provider or too few free workplaces.
                int students = providers * (2 + random.nextInt(8));
                int workplaces = students + (random.nextInt(8) == 0 ? random.nextInt(3) : demand + 3 + random.nextInt(30));
                s.append(p.label()).append(';').append(t.code()).append(';').append(providers).append(';')
                        .append(students).append(';').append(workplaces).append('\n');
            }
        }
        return bytes(s);
    }

    private byte[] shortages(List<T> ts) {
        StringBuilder s = new StringBuilder("partnership;trajectory;province;places;area;text\n");
        for (T t : ts) {
            if (random.nextInt(15) != 0 || t.partnership().equals("GEEN_SP")) continue;
            int pi = random.nextInt(Province.values().length + 1);
            boolean all = pi == Province.values().length;
            String province = all ? "Vlaanderen" : Province.values()[pi].label();
            String places = "";
            String area = "";
            if (!all && random.nextBoolean()) {
                String[] candidates = PLACES[pi];
                places = "\"" + candidates[random.nextInt(candidates.length)] + ", " + candidates[random.nextInt(candidates.length)] + "\"";
                area = "regio " + candidates[0];
            }
            s.append(t.partnership()).append(';').append(t.code()).append(';').append(province).append(';').append(places)
                    .append(';').append(area).append(';').append("Te weinig gekwalificeerde ").append(t.name().toLowerCase())
                    .append(" op de arbeidsmarkt").append('\n');
        }
        return bytes(s);
    }

    private record Institution(String number, String name, int province, String place, String network, String providerType,
                               String sharedText) {
    }

    private byte[] applications(List<T> ts) {
        int count = Math.max(1, (applications + perInstitution - 1) / perInstitution);
        Map<String, Integer> written = new HashMap<>();
        List<Institution> institutions = new ArrayList<>(count);
        String[] networks = {"GO", "OGO", "VGO", "SYNTRA"};
        for (int i = 0; i < count; i++) {
            int province = random.nextInt(PLACES.length);
            String place = PLACES[province][random.nextInt(PLACES[province].length)];
            String network = networks[random.nextInt(networks.length)];
            String type = network.equals("SYNTRA") ? "SYNTRA" : random.nextInt(3) == 0 ? "VT" : "CDO";
            String name = switch (type) {
                case "SYNTRA" -> "Syntra " + place + " " + (i + 1);
                case "CDO" -> "CDO " + place + " " + (i + 1);
                default -> "Instituut " + place + " " + (i + 1);
            };
            // One in four institutions writes one text for all its applications (SAME_TEXT).
            String shared = random.nextInt(4) == 0 ? "Wij bieden jongeren in " + place + " een sterke duale opleiding." : null;
            institutions.add(new Institution(String.valueOf(100000 + i), name, province, place, network, type, shared));
        }
        List<List<Institution>> byProvince = new ArrayList<>();
        for (int p = 0; p < PLACES.length; p++) byProvince.add(new ArrayList<>());
        institutions.forEach(i -> byProvince.get(i.province()).add(i));
        List<T> competing = ts.stream().filter(t -> t.code().equals(COMPETING_TRAJECTORY)).toList();
        StringBuilder s = new StringBuilder(applications * 260);
        s.append("id;institution_number;institution_name;campus_number;place;province;network;provider_type;education;"
                + "trajectory;first_application;reapplication;expected_students;partner_companies;"
                + "partner_companies_other_sector;sector_experience;infrastructure;learning_resources;"
                + "labour_market_shown;company_cooperation;platform_consultation;application_text\n");
        Institution previous = null;
        for (int n = 1; n <= applications; n++) {
            Institution in = institutions.get(random.nextInt(institutions.size()));
            // Every 150th application and the next form a competing pair: two applications for the limited
            // trajectory in one province (room for one school), so COMPETING_APPLICATIONS applies to both.
            boolean competes = n % 150 < 2;
            if (competes && n % 150 == 1 && previous != null) {
                List<Institution> same = byProvince.get(previous.province());
                in = same.get(random.nextInt(same.size()));
            }
            previous = in;
            T t = competes ? competing.get(0) : ts.get(random.nextInt(ts.size()));
            String education = t.level() == Level.OV3 ? "BUSO" : "SO";
            int partners = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(8);
            int other = partners == 0 ? 0 : random.nextInt(5) == 0 ? 1 + random.nextInt(partners) : 0;
            String shared = in.sharedText();
            if (shared != null && perInstitution > APPLICATIONS_PER_INSTITUTION) {
                shared += " Groep " + (written.merge(in.number(), 1, Integer::sum) - 1) / APPLICATIONS_PER_INSTITUTION + ".";
            }
            String text = shared != null ? shared
                    : random.nextInt(8) == 0 ? "" : "Motivering van " + in.name() + " voor " + t.name() + ".";
            s.append(String.format("G%07d", n)).append(';').append(in.number()).append(';').append(in.name()).append(';')
                    .append(1 + random.nextInt(3)).append(';').append(in.place()).append(';')
                    .append(Province.values()[in.province()].label()).append(';').append(in.network()).append(';')
                    .append(in.providerType()).append(';').append(education).append(';').append(t.code()).append(';')
                    .append(yesNo(random.nextInt(25) == 0)).append(';').append(yesNo(random.nextInt(6) == 0)).append(';')
                    .append(random.nextInt(16)).append(';').append(partners).append(';').append(other).append(';')
                    .append(yesNo(random.nextInt(5) != 0)).append(';')
                    .append(random.nextInt(40) == 0 ? "onvoldoende" : "voldoende").append(';')
                    .append(random.nextInt(60) == 0 ? "onvoldoende" : "voldoende").append(';')
                    .append(yesNo(random.nextInt(10) != 0)).append(';')
                    .append(pick(new String[]{"specifiek", "specifiek", "specifiek", "algemeen", "geen"})).append(';')
                    .append(pick(new String[]{"afgestemd", "afgestemd", "afgestemd", "afgestemd", "pro_forma", "geen"})).append(';')
                    .append(text).append('\n');
        }
        return bytes(s);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String yesNo(boolean b) {
        return b ? "ja" : "nee";
    }

    private static int lines(byte[] csv) {
        int n = 0;
        for (byte b : csv) if (b == '\n') n++;
        return n;
    }

    private static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
