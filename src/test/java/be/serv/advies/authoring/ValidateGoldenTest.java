package be.serv.advies.authoring;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static be.serv.advies.cli.Shell.assertThat;
import static be.serv.advies.cli.Shell.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@code advies validate} says about a mistake an author makes, compared with a reviewed
 * golden file under src/test/resources/golden/validate/ ({@code -Dgolden.update=true} rewrites them).
 * Each mistake is made in a temporary copy of the shipped rules.
 */
class ValidateGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/validate");

    @Test
    void shippedRulesAreInOrder() {
        assertThat(shell("validate", "--rules", "rules")).succeeded().outContains("In orde: ");
    }

    @Test
    void syntaxError() {
        // 'then' misspelt: the parser's complaint, in Dutch, at the line and column of the DRL
        golden("syntax-error", dir -> RulesCopy.edit(dir, "sectors/horeca.drl", s -> s.replace("\nthen\n", "\nthn\n")));
    }

    @Test
    void unknownField() {
        golden("unknown-field", dir -> RulesCopy.edit(dir, "sectors/groene-sectoren.drl",
                s -> s.replace("Application(partnerCompaniesOtherSector > 0)", "Application(partnerCompaniesOtherSectr > 0)")));
    }

    @Test
    void numberComparedWithText() {
        // Compiles in classic DRL and would only fail at run time
        golden("number-vs-text", dir -> RulesCopy.edit(dir, "signals/weak-application.drl",
                s -> s.replace("Application(partnerCompanies == 0)", "Application(partnerCompanies < \"two\")")));
    }

    @Test
    void findingWithoutReasonTextOrCode() {
        golden("missing-reason", dir -> {
            RulesCopy.edit(dir, "sectors/horeca.drl", s -> s.replace(
                    "insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\",\n        \"Horeca: %s is onbekend bij de sector (nog geen horecaopleiding); voorwaarde: expertise aantonen\",\n        $a.getInstitutionName()));",
                    "insert(Finding.applies($a, \"HORECA_SCHOOL_UNKNOWN\"));"));
            RulesCopy.edit(dir, "sectors/voedingsnijverheid.drl", s -> s.replace("\"FOOD_GUARANTEES\"", "\"FOOD_GUARANTEE\""));
            RulesCopy.edit(dir, "preferences/new-offer-approve-maximally.drl", s -> s.replace(
                    "    insert(Finding.applies($a, \"NEW_OFFER\",\n        \"%s is een nieuw standaardtraject, dat de SERV maximaal wil goedkeuren\", $t.getName()));",
                    "    System.out.println(\"nieuw\");"));
        });
    }

    @Test
    void ruleThatChangesAFact() {
        // The engine refuses it at run time; validate says so before anything runs
        golden("changes-a-fact", dir -> write(dir, "criteria/meddling.drl", """
                package advies.criteria
                import be.serv.advies.model.*;
                rule "MeddlingRule"
                when
                    $a : Application(id == "A1")
                then
                    update($a);
                end
                """));
    }

    @Test
    void misnamedRuleFilesAndTables() {
        golden("misnamed-files", dir -> {
            move(dir, "sectors/horeca.drl", "sectors/Horeca.DRL");
            move(dir, "sectors/elektriciens.drl", "sectors/elektriciens.drl.txt");
            write(dir, "criteria/drempels-overaanbod.xlsx", "not really a workbook");
            write(dir, "sectors/Thresholds.csv", "partnership;trajectory\n");
        });
    }

    @Test
    void spreadsheetWithABadCell() {
        golden("bad-spreadsheet-cell", dir -> {
            RulesCopy.csvToXlsx(dir.resolve("thresholds.csv"), dir.resolve("thresholds.xlsx"), "Drempels", rows -> {
                rows.get(6).set(3, "acht");
                return rows;
            });
            delete(dir, "thresholds.csv");
        });
    }

    @Test
    void bothThresholdFiles() {
        golden("both-threshold-files", dir -> RulesCopy.csvToXlsx(dir.resolve("thresholds.csv"), dir.resolve("thresholds.xlsx"), "Drempels", rows -> rows));
    }

    private static void golden(String name, Consumer<Path> mistake) {
        // Given a copy of the shipped rules with one kind of mistake
        Path dir = RulesCopy.shipped();
        mistake.accept(dir);
        // When it is validated
        var result = shell("validate", "--rules", dir.toString());
        // Then it fails (exit 1) and says what the golden file says
        assertThat(result).exitedWith(1);
        compare(name, result.out());
    }

    static void compare(String name, String actual) {
        Path file = GOLDEN.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, actual);
                if (!Boolean.getBoolean("golden.update")) throw new AssertionError("golden file " + file + " was missing; written, review it");
            }
            assertEquals(Files.readString(file), actual, "validate output differs from " + file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void move(Path dir, String from, String to) {
        try {
            Files.move(dir.resolve(from), dir.resolve(to));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void write(Path dir, String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void delete(Path dir, String file) {
        try {
            Files.delete(dir.resolve(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
