/**
 * Mappings of raw production statuses to the names customers see, refreshed from BuzManager.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {"audit", "buz", "cache", "db"})
package io.etareport.statuses;

import org.springframework.modulith.ApplicationModule;
