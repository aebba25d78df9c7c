package io.etareport.columns;

import io.etareport.OnPostgres;

/** {@link ColumnAllowlistIntegrationTest}, on PostgreSQL. */
@OnPostgres
class ColumnAllowlistOnPostgresIntegrationTest extends ColumnAllowlistIntegrationTest {
}
