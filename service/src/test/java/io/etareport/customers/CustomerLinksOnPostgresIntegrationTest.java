package io.etareport.customers;

import io.etareport.OnPostgres;

/** {@link CustomerLinksIntegrationTest}, on PostgreSQL. */
@OnPostgres
class CustomerLinksOnPostgresIntegrationTest extends CustomerLinksIntegrationTest {
}
