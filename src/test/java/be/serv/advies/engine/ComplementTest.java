package be.serv.advies.engine;

import be.serv.advies.cli.Shell;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.server.Drafts;
import be.serv.advies.support.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For a reason code with an "applies" and a "cleared" rule, exactly one of the two concludes per
 * application, unless precedence.yaml declares the finding that leaves the criterion open
 * ({@code open_when}). A cleared rule narrowed by an edit leaves applications with neither: every
 * command refuses the rules with the same Dutch message, and the review server keeps its rules.
 */
class ComplementTest {
    @TempDir
    Path tmp;

    private static final String BATCH = "src/test/resources/batches/small";
    private static final String OVERSUPPLY = "criteria/regional-oversupply.drl";

    /** A copy of the shipped rules with the cleared rule of OVERSUPPLY narrowed: only a province with over 1000 providers is cleared. */
    private Path narrowed() throws Exception {
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Path drl = rules.resolve(OVERSUPPLY);
        String text = Files.readString(drl);
        String cleared = "$c != null, $c.providers < $n.maxProviders ||";
        assertTrue(text.contains(cleared), "the cleared rule is written as this test expects");
        Files.writeString(drl, text.replace(cleared, "$c != null, $c.providers > 1000, $c.providers < $n.maxProviders ||"));
        return rules;
    }

    @Test
    void everyCommandRefusesACodeThatNeitherRuleConcludes() throws Exception {
        // Given the narrowed cleared rule
        Path rules = narrowed();
        Path out = tmp.resolve("out");

        // When every command that runs rules runs them
        List<Shell.Result> results = List.of(
                shell("validate", "--rules", rules.toString(), "--batch", BATCH),
                shell("evaluate", BATCH, "--rules", rules.toString(), "--out", out.toString()),
                shell("explain", BATCH, "A1", "--rules", rules.toString()),
                shell("report", BATCH, "--rules", rules.toString(), "--out", out.toString()),
                shell("diff", BATCH, "--rules", "rules", "--against", rules.toString()),
                shell("test", "--rules", rules.toString()));

        // Then each exits 1 naming both rules, an application and the two ways to mend it, in the same words
        String expected = OVERSUPPLY + ":10: regel 'RegionalOversupplyNegative' en regel 'RegionalOversupplyCleared' ("
                + OVERSUPPLY + ":23) besluiten geen van beide over OVERSUPPLY bij aanvraag ";
        String mend = ", zodat het advies over dit criterium zwijgt. Maak hun voorwaarden elkaars tegendeel, of voeg in precedence.yaml "
                + "onder OVERSUPPLY de bevinding die het criterium hier openlaat toe aan open_when (nu [NO_CAPACITY_FIGURES])";
        for (Shell.Result r : results) {
            assertThat(r).exitedWith(1);
            String said = r.out() + r.err();
            assertTrue(said.contains(expected) && said.contains(mend), r.command() + ":\n" + said);
        }
        assertFalse(Files.exists(out), "nothing written");

        // And the review server's reload refuses them with the same message and keeps its rules
        DraftRun shipped = DraftRun.of(Path.of(BATCH), Path.of("rules"));
        try (ReviewStore store = ReviewStore.open(tmp.resolve("review.db"))) {
            Drafts drafts = new Drafts(shipped, rules, store);
            assertFalse(drafts.reload("test"), "the reload is refused");
            assertEquals(shipped.rules().hash(), drafts.current().rules().hash(), "the running rules stay");
            String problems = drafts.state().lastProblems().toString();
            assertTrue(problems.contains(expected) && problems.contains(mend), problems);
        }
    }

    @Test
    void withoutTheDeclaredExceptionAnApplicationWithoutFiguresIsABreach() throws Exception {
        // Given the shipped rules with open_when taken out of precedence.yaml
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Path yaml = rules.resolve("precedence.yaml");
        String text = Files.readString(yaml);
        assertTrue(text.contains("    open_when: [NO_CAPACITY_FIGURES]\n"), "the shipped exception is declared");
        Files.writeString(yaml, text.replace("    open_when: [NO_CAPACITY_FIGURES]\n", ""));

        // When the cases run
        Shell.Result r = shell("test", "--rules", rules.toString());

        // Then the case without capacity figures fails on the silent criterion, with the declaration as the way out
        assertThat(r).exitedWith(1);
        assertTrue(r.out().contains("besluiten geen van beide over OVERSUPPLY")
                && r.out().contains("noem in precedence.yaml onder OVERSUPPLY de bevinding die dat zegt, bv. open_when: [NO_CAPACITY_FIGURES]"), r.out());
    }

    @Test
    void theShippedRulesConcludeExactlyOncePerCodeOverEveryCase() {
        // Given the shipped rules and their cases; When the cases run; Then none breaks the complement check
        Shell.Result r = shell("test");
        assertThat(r).exitedWith(0);
        assertFalse(r.out().contains("besluiten geen van beide") || r.out().contains("besluiten allebei"), r.out());
    }

    @Test
    void anExceptionNamingAnUnknownCodeIsRefusedByValidate() throws Exception {
        // Given precedence.yaml with a misspelt code under open_when
        Path rules = TestRules.copyTo(tmp.resolve("rules"));
        Path yaml = rules.resolve("precedence.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceFirst(java.util.regex.Pattern.quote("\n    open_when: [NO_CAPACITY_FIGURES]"),
                "\n    open_when: [NO_CAPACITY_FIGURE]"));

        // When the rules are validated
        Shell.Result r = shell("validate", "--rules", rules.toString());

        // Then validate refuses it, naming the code and the nearest known one
        assertThat(r).exitedWith(1);
        assertTrue(r.out().contains("precedence.yaml: codes.OVERSUPPLY: open_when noemt de onbekende code 'NO_CAPACITY_FIGURE'; "
                + "bedoelt u 'NO_CAPACITY_FIGURES'?"), r.out());
    }

    @Test
    void theRulesOfEachSideAreKnownFromTheirConsequencesBeforeAnythingRuns() throws Exception {
        // Given the shipped rules, loaded through the door
        var rules = be.serv.advies.rules.RuleSet.load(Path.of("rules"));

        // When the complements are asked for
        var complements = rules.complements();

        // Then each code concluded both ways has its rules, every "cleared" rule of a code included, and a code concluded one way has none
        assertEquals(new be.serv.advies.rules.Complement("OVERSUPPLY", List.of("RegionalOversupplyNegative"),
                List.of("RegionalOversupplyCleared")), complements.get("OVERSUPPLY"));
        assertEquals(List.of("CompetingApplicationsClearedNoLimit", "CompetingApplicationsClearedSectorChooses",
                "CompetingApplicationsClearedWithinRoom"), complements.get("COMPETING_APPLICATIONS").cleared());
        assertFalse(complements.containsKey("HORECA_SCHOOL_UNKNOWN"), complements.toString());
    }
}
