package io.etareport.simulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** The simulator stands in for a foreign system: nothing of ours, and nothing Spring could pick up. */
class SimulatorIsolationTest {

    static final JavaClasses CLASSES = importOwnClassesOnly();

    /** Referenced classes (Olingo, Tomcat, Jackson) stay stubs: their names are all these rules look at. */
    private static JavaClasses importOwnClassesOnly() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.etareport.simulator");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void dependsOnNoOtherPackageOfOurs() {
        noClasses().that().resideInAPackage("io.etareport.simulator..")
                .should().dependOnClassesThat(resideInAPackage("io.etareport..")
                        .and(resideOutsideOfPackage("io.etareport.simulator..")))
                .check(CLASSES);
    }

    @Test
    void isInvisibleToComponentScanning() {
        noClasses().that().resideInAPackage("io.etareport.simulator..")
                .should().beMetaAnnotatedWith("org.springframework.stereotype.Component")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(CLASSES);
    }
}
