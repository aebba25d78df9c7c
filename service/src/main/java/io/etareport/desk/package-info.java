/**
 * The staff service desk: across customers, the orders that need a person today (overdue, dates moved, ready and
 * waiting, on hold), read from each customer's newest stored report through the order model (never a call to the
 * supplier when opened, never an order fact of its own), and the customers at a glance (counts, link opens).
 */
@ApplicationModule(allowedDependencies = {"buz", "customers", "export", "jobs", "report"})
package io.etareport.desk;

import org.springframework.modulith.ApplicationModule;
