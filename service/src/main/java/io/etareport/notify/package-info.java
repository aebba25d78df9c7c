/**
 * Telling customers when their orders move: subscriptions to a customer's link (double opt-in), the changes found
 * in live reports through the order model, and the outbox of mails a sender delivers once per cluster.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {"audit", "buz", "cache", "customers", "db", "report"})
package io.etareport.notify;

import org.springframework.modulith.ApplicationModule;
