/**
 * The report job engine: the job store, leases and heartbeats, the worker pool, progress and kept results. No web
 * code: the customer's routes that start and follow jobs live in {@code link}, the API's in {@code api}.
 */
@ApplicationModule(allowedDependencies = {"buz", "cache", "customers", "db", "ops", "report"})
package io.etareport.jobs;

import org.springframework.modulith.ApplicationModule;
