package be.serv.advies.report;

import be.serv.advies.load.Problem;
import be.serv.advies.load.Row;
import be.serv.advies.load.TableReader;
import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §2.5 of the shipped batch's report: how many SO applications carry each signal of a weak
 * application, recounted here from the answers in applications.csv that the signal rules read.
 */
class WeakApplicationsTest {

    @Test
    void section25CountsTheSoApplicationsPerSignal() throws IOException {
        // Given the SO applications of the shipped batch, and per signal the answer that raises it
        List<Problem> problems = new ArrayList<>();
        List<Row> so = TableReader.read("applications.csv", Files.readAllBytes(ShippedReport.BATCH.resolve("applications.csv")), problems)
                .rows().stream().filter(a -> a.get("education").equalsIgnoreCase("SO")).toList();
        assertEquals(List.of(), problems);
        Map<String, Predicate<Row>> raises = new LinkedHashMap<>();
        raises.put("LABOUR_MARKET_NOT_SHOWN", a -> a.get("labour_market_shown").equalsIgnoreCase("nee"));
        raises.put("COOPERATION_UNSPECIFIED", a -> a.get("company_cooperation").equalsIgnoreCase("algemeen"));
        raises.put("NO_COMPANY_PARTNERS", a -> a.get("partner_companies").equals("0"));
        raises.put("PRO_FORMA_CONSULTATION", a -> a.get("platform_consultation").equalsIgnoreCase("pro_forma")
                || a.get("platform_consultation").equalsIgnoreCase("geen"));
        // When the report is made
        Map<String, JsonNode> signals = new LinkedHashMap<>();
        for (JsonNode s : ShippedReport.json().path("signals")) signals.put(s.path("code").asText(), s);
        // Then report.json counts exactly those applications per signal
        raises.forEach((code, raised) -> {
            List<String> expected = so.stream().filter(raised).map(a -> a.get("id")).toList();
            assertEquals(expected, ShippedReport.ids(signals.get(code).path("applications")), code);
            assertTrue(!expected.isEmpty(), code + " raised by no application: the check proves nothing");
        });
        // and §2.5 on the page lists every signal some application carries, in words, with its count
        Element table = Jsoup.parse(ShippedReport.dir().resolve("report.html").toFile()).getElementById("s2-5").parent().selectFirst("table");
        Map<String, String> rows = new LinkedHashMap<>();
        for (Element tr : table.select("tbody tr")) rows.put(tr.child(0).text(), tr.child(1).text());
        Map<String, String> expected = new LinkedHashMap<>();
        signals.values().stream().filter(s -> s.path("applications").path("count").asInt() > 0)
                .forEach(s -> expected.put(ReportView.cap(s.path("label").asText()), s.path("applications").path("count").asText()));
        assertEquals(expected, rows);
        assertTrue(rows.containsKey("Relevantie voor de arbeidsmarkt niet aangetoond"), rows.toString());
    }
}
