package be.serv.advies;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The walls between the packages, checked on the compiled classes: facts know nothing of files or
 * places to look up, the gazetteer reads no batch files, and no two packages lean on each other.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("be.serv.advies");

    @Test
    void factsHoldResolvedValuesAndKnowNoOtherPackage() {
        // Given the production classes
        // When the facts' package is read
        // Then it uses nothing of the loader, the gazetteer, the drafter or any step after them
        noClasses().that().resideInAPackage("be.serv.advies.model..")
                .should().dependOnClassesThat().resideInAnyPackage("be.serv.advies.geo..", "be.serv.advies.load..",
                        "be.serv.advies.verdict..", "be.serv.advies.rules..", "be.serv.advies.engine..")
                .check(MAIN);
    }

    @Test
    void theGazetteerReadsNoBatchFiles() {
        // Given the production classes
        // When the gazetteer's package is read
        // Then it uses nothing of the loader (the loader uses the gazetteer, not the other way)
        noClasses().that().resideInAPackage("be.serv.advies.geo..")
                .should().dependOnClassesThat().resideInAPackage("be.serv.advies.load..")
                .check(MAIN);
    }

    /** No two packages import each other, directly or round a loop. */
    @Test
    void noPackageCycles() {
        // Given the production classes
        // When the packages are taken as slices
        // Then no slice reaches itself through the others
        slices().matching("be.serv.advies.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theRuleChecksUseNoAuthoringTools() {
        // Given the production classes
        // When the rules package is read
        // Then it uses nothing of the authoring tools (they provide the case-file check as a service)
        noClasses().that().resideInAPackage("be.serv.advies.rules..")
                .should().dependOnClassesThat().resideInAPackage("be.serv.advies.authoring..")
                .check(MAIN);
    }
}
