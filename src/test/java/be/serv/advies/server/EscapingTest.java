package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Text from input files is shown as text: an application whose school name and text hold {@code <script>},
 * a sector whose name holds {@code <img onerror>}. The report gets the same payloads ({@code ReportEscapingTest}).
 */
class EscapingTest {
    @TempDir
    Path tmp;

    @Test
    void scriptInSchoolNameAndApplicationTextIsShownAsText() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "script", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");

            // When the work list and the detail page are opened
            WebClient.Page list = c.get("/").expect(200);
            WebClient.Page detail = c.get("/aanvraag/X1").expect(200);
            WebClient.Page search = c.get("/?q=%3Cscript%3E").expect(200);

            // Then the markup arrives escaped, never as a tag
            list.contains("&lt;script&gt;alert('school')&lt;/script&gt; Instituut").lacks("<script");
            detail.contains("&lt;script&gt;alert(\"tekst\")&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp; meer")
                    .lacks("<script").lacks("<img");
            search.contains("value=\"&lt;script").contains("1 van 2 aanvragen getoond").lacks("<script");
            // and so do a sector's and a trajectory's name in the filters and the explanation
            list.contains("Social Profit \"&gt;&lt;img src=x onerror=alert(2)&gt;").lacks("<img");
            // And the pages forbid scripts altogether
            org.junit.jupiter.api.Assertions.assertTrue(list.response().headers().firstValue("Content-Security-Policy").orElse("")
                    .contains("default-src 'none'"));
        }
    }

    @Test
    void reviewerTextIsEscapedToo() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "script", 0, ReviewFixture.quiet(), "anna")) {
            WebClient c = fx.signedIn("anna");
            c.get("/aanvraag/X2").expect(200);
            c.post("/aanvraag/X2/opmerking", "tekst", "<b onmouseover=alert(1)>let op</b>").expect(303);
            c.get("/aanvraag/X2").contains("&lt;b onmouseover=alert(1)&gt;let op&lt;/b&gt;").lacks("<b onmouseover");
        }
    }
}
