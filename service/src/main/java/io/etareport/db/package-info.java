/**
 * The data source, migrations and backups.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {})
package io.etareport.db;

import org.springframework.modulith.ApplicationModule;
