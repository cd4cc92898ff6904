package be.serv.advies.explain;

import be.serv.advies.support.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;

/** The explanation of a few applications of the shipped batch, kept as golden files. */
class ExplainGoldenTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "2223-0044, full,    regional oversupply (negative)",
            "2223-0137, full,    competing applications (no advice)",
            "2223-0042, full,    Se-n-Se lifts low inflow (positive)",
            "2223-0120, full,    shortage in every province confirmed in Limburg (positive with remarks)",
            "2223-0136, why-not, workplace shortage (negative)",
            "2223-0198, fired,   Horeca school unknown (remark)",
    })
    void explanationMatchesTheGoldenFile(String id, String view, String what) {
        // Given the shipped batch and rules / When
        var result = assertThat(shell("explain", "fixtures/2022-2023", id, "--view", view)).succeeded();
        // Then
        Golden.assertMatches("explain/" + id + "-" + view + ".txt", result.out());
    }

    @ParameterizedTest(name = "{0} as JSON")
    @CsvSource({"2223-0044", "2223-0042"})
    void explanationAsJsonMatchesTheGoldenFile(String id) {
        var result = assertThat(shell("explain", "fixtures/2022-2023", id, "--json")).succeeded();
        Golden.assertMatches("explain/" + id + ".json", result.out());
    }

    @org.junit.jupiter.api.Test
    void aReapplicationAfterANegativeAdviceShowsLastYearsReasonAndBothYearsFigures() {
        // Given the shipped batch with last year's final annex; 2223-0268 was refused last year for its infrastructure
        String[] args = {"explain", "fixtures/2022-2023", "2223-0268", "--previous-advice", "fixtures/2021-2022/final-annex.csv"};
        // When
        var text = assertThat(shell(args)).succeeded();
        var json = assertThat(shell(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--json"))
                .toArray(String[]::new))).succeeded();
        // Then last year's advice stands under its own heading, and the signal names last year's reason and both years' figures
        text.outContains("Advies vorig jaar (aanvraag ").outContains("Vorig jaar negatief wegens onvoldoende infrastructuur");
        Golden.assertMatches("explain/2223-0268-previous-advice.txt", text.out());
        Golden.assertMatches("explain/2223-0268-previous-advice.json", json.out());
    }

    @org.junit.jupiter.api.Test
    void anUnknownApplicationIsABadInputWithAClearMessage() {
        assertThat(shell("explain", "fixtures/2022-2023", "2223-9999"))
                .exitedWith(2).errContains("aanvraag '2223-9999' staat niet in fixtures/2022-2023");
    }
}
