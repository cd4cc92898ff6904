package be.serv.advies.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A harmful rule file landing in the rules folder of a running review server: the reload refuses
 * it (before it runs, or when it fails while running), the server keeps running on the rules in
 * force, and the work list shows the problem at the rule's file and line.
 */
class HarmfulRuleReloadTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "package advies.kwaad\nimport be.serv.advies.model.*;\n";
    private static final String FINDING = "insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"x\"));";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "exit        | System.exit(0);                               | criteria/kwaad.drl:4:",
            "halt        | Runtime.getRuntime().halt(0);                 | criteria/kwaad.drl:4:",
            "endless     | while (true) { }                              | criteria/kwaad.drl:4:",
            "allocation  | long[] big = new long[2000000000];            | criteria/kwaad.drl:4:",
            "divides     | insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"%d\", 1 / ($a.getExpectedStudents() - $a.getExpectedStudents()))); | criteria/kwaad.drl:3: regel ",
    })
    void theServerKeepsRunningOnItsRulesAndShowsTheProblem(String name, String action, String shown) throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            // Given a running review with rules in force
            WebClient c = fx.signedIn("anna");
            String before = fx.server.drafts().current().rules().hash();
            // When a harmful rule file lands in its rules folder and the rules are reloaded
            Files.writeString(fx.rules.resolve("criteria/kwaad.drl"), HEAD + "rule \"Kwaad\" when $a : Application() then\n    "
                    + action + "\n    " + FINDING + "\nend\n");
            c.get("/");
            c.post("/regels/herladen").expect(303);
            // Then the server still answers, on the same rules, and says what is wrong and where
            assertEquals(before, fx.server.drafts().current().rules().hash());
            WebClient.Page page = c.get("/").expect(200).contains("id=\"rules-error\"").contains(shown);
            assertFalse(page.body().contains("Exception") || page.body().contains("\tat "), "no Java text on the page");
            c.get("/aanvraag/A1").expect(200);
        }
    }
    @Test
    void aRuleSetThatDoesNotFinishItsTrialRunIsNotTakenAndTheServerKeepsAnswering() throws Exception {
        try (ReviewFixture fx = ReviewFixture.start(tmp, "small", 0, ReviewFixture.quiet(), "anna")) {
            // Given a running review whose reloads are tried in a child process, with a limit no run meets
            WebClient c = fx.signedIn("anna");
            String before = fx.server.drafts().current().rules().hash();
            fx.server.drafts().trialRunsOn(fx.batch, java.time.Duration.ofMillis(50), "256m");
            // When a rule file that passes every check lands and the rules are reloaded
            Files.writeString(fx.rules.resolve("criteria/ander.drl"), HEAD + "rule \"Ander\" when $a : Application(id == \"nergens\") then\n    "
                    + FINDING + "\nend\n");
            c.get("/");
            c.post("/regels/herladen").expect(303);
            // Then the reload answered, the server serves on its rules, and the work list says why
            assertEquals(before, fx.server.drafts().current().rules().hash());
            c.get("/").expect(200).contains("id=\"rules-error\"").contains("proefrun");
            c.get("/aanvraag/A1").expect(200);
        }
    }
}
