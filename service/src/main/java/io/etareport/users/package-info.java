/**
 * Staff users and their administration.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {"audit", "db"})
package io.etareport.users;

import org.springframework.modulith.ApplicationModule;
