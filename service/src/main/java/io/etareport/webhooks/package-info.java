/**
 * Webhooks for integrators: endpoints admins register (URL, events, customers, a per-endpoint secret), the
 * deliveries written when {@code notify} records changes from live data, and the sender that signs them per the
 * Standard Webhooks spec and retries them once per cluster.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {"audit", "buz", "customers", "db", "notify"})
package io.etareport.webhooks;

import org.springframework.modulith.ApplicationModule;
