package io.etareport.statuses;

import io.etareport.OnPostgres;

/** {@link StatusMappingsIntegrationTest}, on PostgreSQL. */
@OnPostgres
class StatusMappingsOnPostgresIntegrationTest extends StatusMappingsIntegrationTest {
}
