package io.etareport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** The feature packages stay a tree that a newcomer can read one package at a time. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.etareport");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.etareport.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSimulatorStandsAloneLikeTheForeignSystemItReplaces() {
        noClasses().that().resideInAPackage("io.etareport.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.etareport.buz..", "io.etareport.cache..", "io.etareport.report..", "io.etareport.jobs..",
                        "io.etareport.export..", "io.etareport.customers..", "io.etareport.users..",
                        "io.etareport.statuses..", "io.etareport.security..", "io.etareport.api..",
                        "io.etareport.ops..", "io.etareport.cli..", "io.etareport.db..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theBuzClientKnowsNothingOfHowItsDataIsUsed() {
        noClasses().that().resideInAPackage("io.etareport.buz..")
                .should().dependOnClassesThat().resideInAnyPackage("io.etareport.cache..", "io.etareport.report..",
                        "io.etareport.jobs..", "io.etareport.export..", "io.etareport.customers..")
                .check(CLASSES);
    }
}
