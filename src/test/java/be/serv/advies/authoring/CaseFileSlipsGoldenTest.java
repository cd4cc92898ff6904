package be.serv.advies.authoring;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A slip in a cases file is named at the line and column of the wrong word, not at the case's
 * first line: kept in golden/validate/case-slips.txt, so a change of wording or place is a reviewed diff.
 */
class CaseFileSlipsGoldenTest {
    private static final String CASES = "sectors/elektriciens.cases.yaml";

    /** A case written in blocks, one field a line, as an expert copies it from the guide. */
    private static final String BLOCK_CASE = """

              - note: Een geval in blokvorm
                trajectory:
                  code: OK3_ELEKTRISCHE_INSTALLATIES
                  partnership: ELEK
                application:
                  expected_students: 8
                capacity:
                  providers: 3
                  students: 9
                  workplaces: 40
                thresholds: {min_students_per_provider: 5, max_providers: 8, min_free_workplaces: 3}
                want:
                  verdict: positief met bemerkingen
                  reasons: [ELEC_INFLOW_CAPACITY]
                  found:
                    - ELEC_INFLOW_CAPACITY
                  not_found: [OVERSUPPLY, LOW_INFLOW]
            """;

    @Test
    void eachSlipIsNamedAtTheWrongWord() {
        Map<String, UnaryOperator<String>> slips = new LinkedHashMap<>();
        slips.put("zonder fout (het geval in blokvorm)", s -> s);
        slips.put("een onbekend veld in een geval", s -> s.replace("    capacity:\n      providers: 3", "    capaciteit:\n      providers: 3"));
        slips.put("een onbekend veld onder want", s -> s.replace("verdict: positief, not_found", "verdict: positief, not_fond"));
        slips.put("een onbekend veld onder application", s -> s.replace("  expected_students: 8", "  expected_student: 8"));
        slips.put("een woord waar een getal hoort", s -> s.replace("  expected_students: 8", "  expected_students: acht"));
        slips.put("een negatief aantal", s -> s.replace("      students: 9", "      students: -9"));
        slips.put("een onbekende code in found", s -> s.replace("    - ELEC_INFLOW_CAPACITY", "    - ELEC_INFLOW_CAPACITI"));
        slips.put("een onbekende code in not_found", s -> s.replace("[OVERSUPPLY, LOW_INFLOW]", "[OVERSUPPLY, LOW_INFLOWW]"));
        slips.put("een onbekend advies", s -> s.replace("  verdict: positief met bemerkingen\n", "  verdict: positief met opmerkingen\n"));
        slips.put("een drempel met een woord", s -> s.replace("{min_students_per_provider: 5, max_providers: 8, min_free_workplaces: 3}\n    want:\n      verdict",
                "{min_students_per_provider: vijf, max_providers: 8, min_free_workplaces: 3}\n    want:\n      verdict"));
        StringBuilder all = new StringBuilder();
        slips.forEach((name, slip) -> {
            // Given the shipped rules with a case in blocks added, and one slip in it
            Path dir = RulesCopy.shipped();
            RulesCopy.edit(dir, CASES, s -> slip.apply(s + BLOCK_CASE));
            // When they are validated; then the messages are those of the golden file
            all.append(SlipMessagesGoldenTest.validated(name, dir));
        });
        ValidateGoldenTest.compare("case-slips", all.toString());
    }
}
