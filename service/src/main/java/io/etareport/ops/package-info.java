/**
 * Start-up checks, the profile from APP_ENV, the clock and time zone, Sentry and health.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {"db"})
package io.etareport.ops;

import org.springframework.modulith.ApplicationModule;
