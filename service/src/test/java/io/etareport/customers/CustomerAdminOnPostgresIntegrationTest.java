package io.etareport.customers;

import io.etareport.OnPostgres;

/** {@link CustomerAdminIntegrationTest}, on PostgreSQL. */
@OnPostgres
class CustomerAdminOnPostgresIntegrationTest extends CustomerAdminIntegrationTest {
}
