package io.etareport.api;

import io.etareport.OnPostgres;

/** {@link ApiKeysIntegrationTest}, on PostgreSQL. */
@OnPostgres
class ApiKeysOnPostgresIntegrationTest extends ApiKeysIntegrationTest {
}
