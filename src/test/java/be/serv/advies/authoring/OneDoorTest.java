package be.serv.advies.authoring;

import be.serv.advies.cli.Shell;
import be.serv.advies.load.Problem;
import be.serv.advies.pipeline.DraftRun;
import be.serv.advies.review.ReviewStore;
import be.serv.advies.server.Drafts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One door for the rules: each kind of mistake, applied to a copy of the shipped rules, is refused
 * by every command that loads rules (validate, evaluate, explain, report, diff on either side, test)
 * and by the review server's reload, each with the same Dutch {@code file:line} message that validate
 * gives, exit 1, and nothing written.
 */
class OneDoorTest {
    private static final String BATCH = "fixtures/2022-2023";
    private static final String APPLICATION = "2223-0005";
    private static final String HEAD = "package advies.extra\n\nimport be.serv.advies.model.*;\n\n";

    @TempDir
    static Path tmp;

    private static DraftRun shippedRun;

    @BeforeAll
    static void shipped() throws Exception {
        shippedRun = DraftRun.of(Path.of(BATCH), Path.of("rules"));
    }

    /** A rule that is correct and concludes nothing on the shipped batch; the mistakes are put around or into it. */
    private static String rule(String name, String when, String then) {
        return "rule \"" + name + "\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static final String NOWHERE = "$a : Application(id == \"nergens\")";
    private static final String FINDING = "insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\", \"tekst\"));";

    private static Consumer<Path> file(String name, String text) {
        return dir -> write(dir.resolve(name), text);
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Consumer<Path> appendThreshold(String row) {
        return dir -> {
            try {
                Path t = dir.resolve("thresholds.csv");
                String text = Files.readString(t);
                Files.writeString(t, (text.endsWith("\n") ? text : text + "\n") + row + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** name, the mistake, the start of validate's first error, whether it needs the batch to be seen. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a code precedence.yaml does not know",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", NOWHERE,
                                "insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWM\", \"tekst\"));")),
                        "sectors/extra.drl:9:32: regel 'ExtraRemark': redencode 'HORECA_SCHOOL_UNKNOWM' staat niet in precedence.yaml; "
                                + "bedoelt u 'HORECA_SCHOOL_UNKNOWN'?", false),
                Arguments.of("a rule file in capitals", file("sectors/extra.DRL", HEAD + rule("ExtraRemark", NOWHERE, FINDING)),
                        "sectors/extra.DRL: blokkeert elk commando", false),
                Arguments.of("a rule file with a second extension", file("sectors/extra.drl.txt", HEAD + rule("ExtraRemark", NOWHERE, FINDING)),
                        "sectors/extra.drl.txt: blokkeert elk commando", false),
                Arguments.of("a thresholds row for a partnership that does not exist", appendThreshold("BOUWW;*;*;;;;;;;;;;tikfout"),
                        "thresholds.csv:9: partnership: partnerschap 'BOUWW' bestaat niet in de batch (partnerships); bedoelt u 'BOUW'?", true),
                Arguments.of("a thresholds row for a trajectory that does not exist", appendThreshold("*;OK2_BANDENMONTEUS;*;;;;;;;;;;tikfout"),
                        "thresholds.csv:9: trajectory: traject 'OK2_BANDENMONTEUS' bestaat niet in de batch (trajectories); "
                                + "bedoelt u 'OK2_BANDENMONTEUR'?", true),
                Arguments.of("a number compared with text",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", "$a : Application(expectedStudents > \"acht\")", FINDING)),
                        "sectors/extra.drl:7:39: regel 'ExtraRemark': vergelijkt een getal (expectedStudents) met tekst", false),
                Arguments.of("one rule name in two packages", (Consumer<Path>) dir -> {
                    write(dir.resolve("sectors/extra.drl"), HEAD + rule("Dubbel", NOWHERE, FINDING));
                    write(dir.resolve("signals/extra.drl"), HEAD.replace("advies.extra", "advies.andere") + rule("Dubbel", NOWHERE, FINDING));
                }, "sectors/extra.drl:5:1: de regelnaam 'Dubbel' komt meer dan eens voor (ook in signals/extra.drl:5)", false),
                Arguments.of("one rule name twice in one package", (Consumer<Path>) dir -> {
                    write(dir.resolve("sectors/extra.drl"), HEAD + rule("Dubbel", NOWHERE, FINDING));
                    write(dir.resolve("signals/extra.drl"), HEAD + rule("Dubbel", NOWHERE, FINDING));
                }, "sectors/extra.drl:5:1: de regelnaam 'Dubbel' komt meer dan eens voor (ook in signals/extra.drl:5)", false),
                Arguments.of("a rule that modifies a fact",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", NOWHERE, "modify($a) { setExpectedStudents(3) }\n    " + FINDING)),
                        "sectors/extra.drl:9:5: regel 'ExtraRemark': 'modify' wijzigt of verwijdert een feit", false),
                Arguments.of("a syntax error", file("sectors/extra.drl", HEAD + "rule \"Kapot\"\nwhen\n    Application(\nthen\nend\n"),
                        "sectors/extra.drl:", false),
                Arguments.of("a field the fact does not have",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", "$a : Application(expectedStudens > 3)", FINDING)),
                        "sectors/extra.drl:7:22: regel 'ExtraRemark': onbekend veld 'expectedStudens'", false),
                Arguments.of("a finding without its text",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", NOWHERE, "insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\"));")),
                        "sectors/extra.drl:9:12: regel 'ExtraRemark': bevinding zonder reden", false),
                Arguments.of("a case file that does not read", (Consumer<Path>) dir -> {
                    write(dir.resolve("sectors/extra.drl"), HEAD + rule("ExtraRemark", NOWHERE, FINDING));
                    write(dir.resolve("sectors/extra.cases.yaml"), "cases:\n  - note: kapot\n    application: {expected_studens: 3}\n"
                            + "    want: {verdict: positief}\n");
                }, "sectors/extra.cases.yaml:3:19: geval 1 ('kapot'): onbekend veld 'application.expected_studens'", false),
                Arguments.of("both thresholds.csv and thresholds.xlsx", (Consumer<Path>) dir ->
                                RulesCopy.csvToXlsx(dir.resolve("thresholds.csv"), dir.resolve("thresholds.xlsx"), "Drempels", rows -> rows),
                        "thresholds.xlsx: zowel thresholds.csv als thresholds.xlsx bestaan", false),
                Arguments.of("a fact not tied to the application",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", NOWHERE + "\n    Trajectory(partnership == \"BOUW\")", FINDING)),
                        "sectors/extra.drl:8:5: regel 'ExtraRemark': dit feit is niet aan de aanvraag gekoppeld: de regel combineert elke "
                                + "aanvraag met elk feit Trajectory dat past, ook dat van andere aanvragen; "
                                + "schrijf Trajectory(code == $a.trajectory, partnership == \"BOUW\")", false),
                Arguments.of("a partnership code the batch does not know",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", NOWHERE
                                + "\n    TrajectoryInProvince(key == $a.trajectoryInProvince, $t : trajectory, $t.partnership == \"BOUWW\")", FINDING)),
                        "sectors/extra.drl:8:93: regel 'ExtraRemark': partnerschap 'BOUWW' bestaat niet in de batch (partnerships), "
                                + "dus deze voorwaarde past op geen enkele aanvraag; bedoelt u 'BOUW'?", true),
                Arguments.of("a reason code in a condition that precedence.yaml does not know",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", NOWHERE + "\n    Finding(applicationId == $a.id, code == \"SAME_TXET\")", FINDING)),
                        "sectors/extra.drl:8:45: regel 'ExtraRemark': redencode 'SAME_TXET' staat niet in precedence.yaml, dus deze "
                                + "voorwaarde past op geen enkele bevinding; bedoelt u 'SAME_TEXT'?", false),
                Arguments.of("a thresholds row for another partnership's trajectory", appendThreshold("BOUW;OK3_RESTAURANT_KEUKEN;*;;;;;;;;;;ander"),
                        "thresholds.csv:9: trajectory: traject 'OK3_RESTAURANT_KEUKEN' hoort bij partnerschap 'HORECA', niet bij 'BOUW'", true),
                Arguments.of("a case naming a code that does not exist", (Consumer<Path>) dir -> {
                    write(dir.resolve("sectors/extra.drl"), HEAD + rule("ExtraRemark", NOWHERE, FINDING));
                    write(dir.resolve("sectors/extra.cases.yaml"), "cases:\n  - note: tikfout\n    want: {verdict: positief, not_found: [SAME_TXET]}\n");
                }, "sectors/extra.cases.yaml:3:43: geval ('tikfout'): want.not_found noemt code 'SAME_TXET', die niet in precedence.yaml staat", false),
                Arguments.of("a matches pattern that can search for ever",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", "$a : Application(id == \"nergens\", applicationText matches \"(.*a){25}b\")", FINDING)),
                        "sectors/extra.drl:7:55: regel 'ExtraRemark': het patroon \"(.*a){25}b\" van 'matches' herhaalt een groep", false),
                Arguments.of("a consequence that ends the process",
                        file("sectors/extra.drl", HEAD + rule("ExtraRemark", NOWHERE, "System.exit(0);\n    " + FINDING)),
                        "sectors/extra.drl:9:5: regel 'ExtraRemark': 'System' is niet toegestaan in het then-deel", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void everyCommandRefusesWithTheSameMessage(String name, Consumer<Path> mistake, String expected, boolean needsBatch) throws Exception {
        // Given a copy of the shipped rules with one mistake
        Path rules = RulesCopy.shipped();
        mistake.accept(rules);
        Path out = Files.createTempDirectory(tmp, "out");
        Files.delete(out);

        // When validate looks at it (with the batch), its first error is the message every command must give
        Shell.Result validate = shell("validate", "--rules", rules.toString(), "--batch", BATCH);
        assertThat(validate).exitedWith(1);
        String message = validate.out().lines().filter(l -> !l.contains("waarschuwing:")).findFirst().orElse("");
        assertTrue(message.startsWith(expected), "validate's first error\n  " + message + "\nstarts with\n  " + expected
                + "\n--- all:\n" + validate.out());

        // Then every command that loads these rules refuses with it, exit 1, nothing written
        List<Shell.Result> results = new ArrayList<>();
        results.add(shell("evaluate", BATCH, "--rules", rules.toString(), "--out", out.resolve("evaluate").toString()));
        results.add(shell("explain", BATCH, APPLICATION, "--rules", rules.toString()));
        results.add(shell("report", BATCH, "--rules", rules.toString(), "--out", out.resolve("report").toString()));
        results.add(shell("diff", BATCH, "--rules", rules.toString(), "--against", "rules"));
        results.add(shell("diff", BATCH, "--rules", "rules", "--against", rules.toString()));
        if (!needsBatch) results.add(shell("test", "--rules", rules.toString()));
        for (Shell.Result r : results) {
            assertEquals(1, r.exitCode(), r.command() + "\n" + r.out() + r.err());
            assertTrue((r.out() + r.err()).contains(message), r.command() + " says\n" + r.out() + r.err() + "\nnot\n" + message);
            plainDutch(r.out() + r.err(), r.command());
        }
        assertFalse(Files.exists(out), "nothing written");

        // And the review server's reload keeps the rules in force and shows the same message
        try (ReviewStore store = ReviewStore.open(tmp.resolve(name.replaceAll("\\W", "_") + ".db"))) {
            Drafts drafts = new Drafts(shippedRun, rules, store);
            assertFalse(drafts.reload("test"), "the reload is refused");
            assertEquals(shippedRun.rules().hash(), drafts.current().rules().hash(), "the running rules stay");
            List<String> shown = drafts.state().lastProblems().stream().map(Problem::toString).toList();
            assertTrue(shown.contains(message), "the work list shows\n" + shown + "\nnot\n" + message);
            shown.forEach(s -> plainDutch(s, "server"));
        }
    }

    static void plainDutch(String text, String where) {
        for (String javaText : new String[]{"Exception", "Error:", "\tat ", "mvel", "[Near", "Throwable", "Drools meldt", "Unable to"}) {
            assertFalse(text.contains(javaText), where + ": no Java, Drools or mvel text (" + javaText + ") in:\n" + text);
        }
    }
}
