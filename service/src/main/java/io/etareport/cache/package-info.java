/**
 * Stale-if-error cache of BuzManager's answers: the stored copies, the deadline, one circuit breaker per instance and the daily blackout.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {"buz", "db"})
package io.etareport.cache;

import org.springframework.modulith.ApplicationModule;
