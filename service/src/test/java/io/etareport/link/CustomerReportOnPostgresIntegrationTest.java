package io.etareport.link;

import io.etareport.OnPostgres;

/** {@link CustomerReportIntegrationTest}, on PostgreSQL. */
@OnPostgres
class CustomerReportOnPostgresIntegrationTest extends CustomerReportIntegrationTest {
}
