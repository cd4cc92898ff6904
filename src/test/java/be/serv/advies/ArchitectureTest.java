package be.serv.advies;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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

    /**
     * No two packages import each other, directly or round a loop. One known crossing is left out
     * until it is removed, so that any new cycle fails here now: the rule checks using the
     * authoring tools' case-file reader.
     */
    @Test
    void noPackageCycles() {
        // Given the production classes, without the known crossing named here
        // When the packages are taken as slices
        // Then no slice reaches itself through the others
        slices().matching("be.serv.advies.(*)..").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("be.serv.advies.rules.."), resideInAPackage("be.serv.advies.authoring.."))
                .check(MAIN);
    }
}
