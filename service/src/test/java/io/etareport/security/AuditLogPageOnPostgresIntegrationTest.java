package io.etareport.security;

import io.etareport.OnPostgres;

/** {@link AuditLogPageIntegrationTest}, on PostgreSQL. */
@OnPostgres
class AuditLogPageOnPostgresIntegrationTest extends AuditLogPageIntegrationTest {
}
