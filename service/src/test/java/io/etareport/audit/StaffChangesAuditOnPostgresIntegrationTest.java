package io.etareport.audit;

import io.etareport.OnPostgres;

/** {@link StaffChangesAuditIntegrationTest}, on PostgreSQL. */
@OnPostgres
class StaffChangesAuditOnPostgresIntegrationTest extends StaffChangesAuditIntegrationTest {
}
