package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A batch beyond 1,000 applications: the work list pages, every row on exactly one page, the counts over the whole list. */
class WorkListPagingTest {
    @TempDir
    Path tmp;

    @Test
    void aListOfMoreThanAThousandRowsPages() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 1_100, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            WebClient.Page first = c.get("/").expect(200).contains("1105 van 1105 aanvragen getoond").contains("Pagina 1 van 5");
            Set<String> seen = new HashSet<>();
            int rows = 0;
            for (int p = 1; p <= 5; p++) {
                List<String> ids = ReviewersFlowTest.ids(c.get("/?pagina=" + p).expect(200).body());
                rows += ids.size();
                seen.addAll(ids);
                assertEquals(p < 5 ? Pages.ListPage.PAGE : 1_105 - 4 * Pages.ListPage.PAGE, ids.size());
            }
            assertEquals(1_105, rows);
            assertEquals(1_105, seen.size());
            first.contains("id=\"next-page\" href=\"/?pagina=2\"");
            // The bulk button counts the whole filtered list, not the page
            c.get("/?q=campus&pagina=3").contains("Bevestig de 1100 ontwerpadviezen");
        }
    }
}
