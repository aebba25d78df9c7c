/**
 * The audit log: who changed what among customers, links, users, status mappings, column approvals and API
 * keys, with the values before and after. Features record into it inside their own transactions.
 * <p>
 * It depends on the database only, so every feature may record into it without a cycle.
 */
@ApplicationModule(allowedDependencies = {"db"})
package io.etareport.audit;

import org.springframework.modulith.ApplicationModule;
