package io.etareport.jobs;

import io.etareport.OnPostgres;

/** {@link JobLeaseIntegrationTest}, on PostgreSQL. */
@OnPostgres
class JobLeaseOnPostgresIntegrationTest extends JobLeaseIntegrationTest {
}
