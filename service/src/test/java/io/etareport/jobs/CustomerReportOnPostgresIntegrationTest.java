package io.etareport.jobs;

import io.etareport.OnPostgres;

/** {@link CustomerReportIntegrationTest}, on PostgreSQL. */
@OnPostgres
class CustomerReportOnPostgresIntegrationTest extends CustomerReportIntegrationTest {
}
