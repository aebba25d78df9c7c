/**
 * One customer's report: the pure builder (finished orders, status mapping, grouping), filters, and the service
 * that fetches both instances.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {"buz", "cache", "customers", "db", "statuses"})
package io.etareport.report;

import org.springframework.modulith.ApplicationModule;
