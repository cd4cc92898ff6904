package be.serv.advies.load;

import be.serv.advies.cli.Shell;
import be.serv.advies.model.Batch;
import be.serv.advies.model.PreviousAdvice;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Last year's final annex linked to this year's applications: by institution, campus and
 * trajectory (through the rename table where the catalogue renamed one), nothing guessed, and
 * checked at the same door as the batch.
 */
class PreviousAdviceLinkTest extends OnShippedCopy {
    /** 2223-0001: CDO Scheppers (010748), campus 81789, OK2_HOEKNAADLASSER, not marked as re-application. */
    private static final String HEADER = "id;institution_number;campus_number;trajectory;draft_verdict;draft_reasons;advice;overridden;"
            + "override_reason;expected_students;partner_companies;infrastructure;learning_resources;follow_up\n";

    private Path annex(String... rows) throws Exception {
        Path file = tmp.resolve("final-annex.csv");
        Files.writeString(file, HEADER + String.join("\n", rows) + "\n");
        return file;
    }

    private Batch load(Path annex) throws InvalidInputException {
        return BatchLoader.load(copy.batch, annex);
    }

    @Test
    void anApplicationLinksToLastYearsOfferAtTheSameInstitutionCampusAndTrajectory() throws Exception {
        // Given last year's annex with 2223-0001's offer, the same trajectory at another campus, and another trajectory at its campus
        copy.setApplicationCell("2223-0001", "reapplication", "ja");
        Path annex = annex("V1;010748;81789;OK2_HOEKNAADLASSER;NEGATIVE;INFRASTRUCTURE;NEGATIVE;nee;;5;3;onvoldoende;voldoende;",
                "V2;010748;99999;OK2_HOEKNAADLASSER;POSITIVE;;POSITIVE;nee;;5;3;voldoende;voldoende;ingericht",
                "V3;010748;81789;OK2_KOK;POSITIVE;;POSITIVE;nee;;5;3;voldoende;voldoende;ingericht");
        // When
        Batch batch = load(annex);
        // Then 2223-0001 has V1 with its figures, and no warning is given for it
        PreviousAdvice p = batch.previousAdvice("2223-0001").orElseThrow();
        assertEquals("V1", p.getPreviousId());
        assertEquals(List.of("INFRASTRUCTURE"), p.getReasons());
        assertEquals(5, p.getExpectedStudents());
        assertEquals(PreviousAdvice.NEGATIVE, p.getOutcome());
        assertTrue(batch.getWarnings().stream().noneMatch(w -> w.contains("2223-0001 ")), batch.getWarnings().toString());
        // And 2223-0002 (same institution and campus, other trajectory) has none
        assertTrue(batch.previousAdvice("2223-0002").isEmpty());
    }

    @Test
    void aRenamedTrajectoryLinksThroughTheRenameTable() throws Exception {
        // Given last year's offer under an older code
        copy.setApplicationCell("2223-0001", "reapplication", "ja");
        Path annex = annex("V1;010748;81789;OK2_OUDE_NAAM;POSITIVE;;POSITIVE;nee;;5;3;voldoende;voldoende;niet ingericht");
        // When there is no rename table, then nothing links and the re-application is reported
        Batch without = load(annex);
        assertTrue(without.previousAdvice("2223-0001").isEmpty());
        assertTrue(without.getWarnings().stream().anyMatch(w -> w.startsWith("applications.csv:2: aanvraag 2223-0001 is een her-aanvraag")),
                without.getWarnings().toString());
        // When the batch's rename table says OK2_HOEKNAADLASSER was OK2_OUDE_NAAM
        copy.write("renamed-trajectories.csv", "trajectory;previous_trajectory\nOK2_HOEKNAADLASSER;OK2_OUDE_NAAM\n");
        Batch with = load(annex);
        // Then it links, and the advice keeps last year's code
        assertEquals("OK2_OUDE_NAAM", with.previousAdvice("2223-0001").orElseThrow().getTrajectory());
        assertEquals(PreviousAdvice.NOT_ORGANISED, with.previousAdvice("2223-0001").orElseThrow().getOutcome());
    }

    @Test
    void aLinkedApplicationNotMarkedAsReapplicationIsReportedWithBothRows() throws Exception {
        // Given 2223-0001, not marked as re-application, whose offer is on row 3 of last year's annex
        Path annex = annex("V0;000000;1;OK2_KOK;POSITIVE;;POSITIVE;nee;;5;3;voldoende;voldoende;ingericht",
                "V1;010748;81789;OK2_HOEKNAADLASSER;POSITIVE;;POSITIVE;nee;;5;3;voldoende;voldoende;ingericht");
        // When it is evaluated
        Shell.Result r = assertThat(shell("evaluate", copy.batch.toString(), "--out", copy.out.toString(), "--previous-advice", annex.toString()))
                .succeeded();
        // Then a warning names both rows, and the run goes on
        r.errContains("waarschuwing: applications.csv:2: aanvraag 2223-0001 is niet als her-aanvraag gemarkeerd")
                .errContains(annex + ":3 (aanvraag V1, advies positief)");
    }

    @Test
    void lastYearsOverriddenAdviceIsWhatTheFactHoldsNotTheDraft() throws Exception {
        // Given a negative draft that the reviewer changed to positive
        copy.setApplicationCell("2223-0001", "reapplication", "ja");
        Path annex = annex("V1;010748;81789;OK2_HOEKNAADLASSER;NEGATIVE;INFRASTRUCTURE;POSITIVE;ja;bijkomende stukken;5;3;onvoldoende;voldoende;niet ingericht");
        // When
        PreviousAdvice p = load(annex).previousAdvice("2223-0001").orElseThrow();
        // Then the fact says positive (overridden), and the re-application is one of an offer not organised
        assertEquals("POSITIVE", p.getAdvice());
        assertEquals("NEGATIVE", p.getDraftVerdict());
        assertTrue(p.isOverridden());
        assertFalse(p.isNegative());
        assertEquals(PreviousAdvice.NOT_ORGANISED, p.getOutcome());
        // And the shipped signal rule reads the same: no "after a negative advice" signal
        Shell.Result r = assertThat(shell("explain", copy.batch.toString(), "2223-0001", "--previous-advice", annex.toString())).succeeded();
        r.outContains("Advies: positief (gewijzigd; ontwerp: negatief; reden: bijkomende stukken)")
                .outContains("her-aanvraag van een goedgekeurd aanbod dat niet ingericht werd");
        assertFalse(r.out().contains("Vorig jaar negatief"), r.out());
    }

    @Test
    void anEarlierRunsAnnexJsonLinksWithItsDraftAsTheAdvice() throws Exception {
        // Given annex.json of an earlier evaluate: drafts only, reasons as a list
        copy.setApplicationCell("2223-0001", "reapplication", "ja");
        Path annex = tmp.resolve("annex.json");
        Files.writeString(annex, "{\"school_year\": \"2021-2022\", \"applications\": [{\"id\": \"V1\", \"institution_number\": \"010748\", "
                + "\"campus_number\": \"81789\", \"trajectory\": \"OK2_HOEKNAADLASSER\", \"verdict\": \"NEGATIVE\", "
                + "\"reasons\": [\"OVERSUPPLY\", \"INFRASTRUCTURE\"]}]}\n");
        // When
        PreviousAdvice p = load(annex).previousAdvice("2223-0001").orElseThrow();
        // Then nobody decided it, so the draft stands, with both reasons
        assertEquals("NEGATIVE", p.getAdvice());
        assertFalse(p.isDecided());
        assertEquals(List.of("OVERSUPPLY", "INFRASTRUCTURE"), p.getReasons());
        // And this year's annex carries it beside the draft
        assertThat(shell("evaluate", copy.batch.toString(), "--out", copy.out.toString(), "--previous-advice", annex.toString())).succeeded();
        String csv = Files.readString(copy.out.resolve("annex.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("2223-0001;") && l.contains(";V1;negatief;")), csv.lines().limit(3).toList().toString());
    }

    @Test
    void aBadAnnexIsRefusedAtItsCellAndNothingIsWritten() throws Exception {
        // Given an annex with an unknown advice on row 2
        Path annex = annex("V1;010748;81789;OK2_HOEKNAADLASSER;NEGATIVE;;misschien;nee;;5;3;voldoende;voldoende;");
        // When / Then exit 2, file:row:column, nothing written
        Shell.Result r = assertThat(shell("evaluate", copy.batch.toString(), "--out", copy.out.toString(), "--previous-advice", annex.toString()))
                .exitedWith(2);
        r.errContains(annex + ":2:7: advice: onbekend advies 'misschien'").errContains("er is niets geschreven");
        assertFalse(Files.exists(copy.out));
    }

    @Test
    void aFileWithoutTheLinkColumnsIsNoAnnex() throws Exception {
        // Given last year's applications.csv instead of its annex
        Path notAnnex = tmp.resolve("applications-2021.csv");
        Files.writeString(notAnnex, "id;institution_name\nV1;School\n");
        // When / Then
        assertThat(shell("evaluate", copy.batch.toString(), "--out", copy.out.toString(), "--previous-advice", notAnnex.toString()))
                .exitedWith(2).errContains(notAnnex + ": is geen annex van advies: kolom(men) institution_number, campus_number, trajectory, "
                        + "draft_verdict (of verdict) ontbreken");
    }

    @Test
    void batchJsonNamesLastYearsAnnexLikeTheOption() throws Exception {
        // Given batch.json's previous entry, relative to the batch folder
        copy.setApplicationCell("2223-0001", "reapplication", "ja");
        Path annex = annex("V1;010748;81789;OK2_HOEKNAADLASSER;NEGATIVE;INFRASTRUCTURE;NEGATIVE;nee;;5;3;onvoldoende;voldoende;");
        copy.write("batch.json", "{\"school_year\": \"2022-2023\", \"previous\": {\"advice\": \"../final-annex.csv\"}}\n");
        // When / Then the same link as with --previous-advice
        assertEquals("V1", BatchLoader.load(copy.batch).previousAdvice("2223-0001").orElseThrow().getPreviousId());
        // And a misspelt field is refused like any other of batch.json
        copy.write("batch.json", "{\"school_year\": \"2022-2023\", \"previous\": {\"advise\": \"../final-annex.csv\"}}\n");
        copy.refused("batch.json: previous: onbekend veld 'advise'; bekende velden: advice");
    }
}
