package io.etareport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are Spring Modulith application modules: no cycles between them, and no module reaches
 * into another's internals (only a module's top-level public types, or the named interfaces it declares in its
 * {@code package-info.java}, may be used from outside).
 */
class ModularityTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(EtaReportApplication.class).verify();
    }
}
