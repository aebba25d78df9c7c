/**
 * Customers, their private links, and the staff pages that manage them.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {"audit", "buz", "db"})
package io.etareport.customers;

import org.springframework.modulith.ApplicationModule;
