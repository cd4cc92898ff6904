package be.serv.advies.report;

import be.serv.advies.geo.Gazetteer;
import be.serv.advies.geo.Regions;
import be.serv.advies.load.Problem;
import be.serv.advies.load.RegionsFile;
import be.serv.advies.load.Row;
import be.serv.advies.load.Table;
import be.serv.advies.load.TableReader;
import be.serv.advies.model.Place;
import be.serv.advies.model.Province;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's shortages that no application answers, on the shipped batch, recomputed here from
 * the files themselves: each shortage row's places looked up in {@code rules/regions.csv} and the
 * gazetteer, one region per province for "elke provincie", and each application's place looked up in
 * the gazetteer. Not a copy of the report's own output.
 */
class ShippedShortageGapsTest {
    private static final List<Province> EVERY = List.of(Province.ANTWERPEN, Province.LIMBURG, Province.OOST_VLAANDEREN,
            Province.VLAAMS_BRABANT, Province.WEST_VLAANDEREN);

    private static Table table(Path file) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Table t = TableReader.read(file.getFileName().toString(), Files.readAllBytes(file), problems);
        assertEquals(List.of(), problems);
        return t;
    }

    @Test
    void theUnansweredShortagesAreThoseWithoutAnApplicationInTheirMunicipalities() throws IOException {
        // Given the region file, the gazetteer, and the shipped batch's shortages and applications
        List<Problem> problems = new ArrayList<>();
        Regions regions = RegionsFile.parse(table(Path.of("rules/regions.csv")), problems);
        assertEquals(List.of(), problems);
        Gazetteer g = Gazetteer.flanders();
        Set<String> offered = new HashSet<>(); // trajectory + NIS code of the municipality
        for (Row a : table(ShippedReport.BATCH.resolve("applications.csv")).rows()) {
            offered.add(a.get("trajectory") + "@" + g.find(a.get("place")).orElseThrow().nis());
        }
        List<String> expectedOpen = new ArrayList<>();
        int regionsSignalled = 0;
        for (Row s : table(ShippedReport.BATCH.resolve("shortages.csv")).rows()) {
            String prov = s.get("province");
            List<Province> provinces = new ArrayList<>();
            if (prov.equals("elke provincie")) provinces.addAll(EVERY);
            else if (prov.equals("Vlaanderen")) provinces.add(null);
            else provinces.add(Province.parse(prov).orElseThrow());
            for (Province p : provinces) {
                Set<Place> covered = new HashSet<>();
                List<String> names = Regions.split(s.get("places"));
                if (names.isEmpty()) covered.addAll(p == null ? g.all() : g.inProvince(p));
                for (String name : names) {
                    for (Place m : regions.area(name).orElseThrow(() -> new AssertionError(name)).places()) {
                        if (p == null || m.province() == p) covered.add(m);
                    }
                }
                regionsSignalled++;
                boolean answered = covered.stream().anyMatch(m -> offered.contains(s.get("trajectory") + "@" + m.nis()));
                if (!answered) expectedOpen.add(s.get("trajectory") + " | " + (p == null ? "Vlaanderen" : p.label()) + " | " + s.get("text"));
            }
        }
        // When the report is made
        JsonNode shortages = ShippedReport.json().path("shortages");
        List<String> reportedOpen = new ArrayList<>();
        for (JsonNode s : shortages.path("list")) {
            if (!s.path("answered").asBoolean()) {
                reportedOpen.add(s.path("trajectory").asText() + " | " + s.path("province").asText() + " | " + s.path("text").asText());
            }
        }
        // Then it lists exactly those, in the order of the file
        assertEquals(regionsSignalled, shortages.path("signalled").asInt());
        assertEquals(expectedOpen, reportedOpen);
        assertEquals(expectedOpen.size(), shortages.path("unanswered").asInt());
        // and some are answered, so the comparison is not between two empty lists of answers
        assertTrue(expectedOpen.size() < regionsSignalled);
    }
}
