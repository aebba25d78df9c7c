package io.etareport.jobs;

import java.nio.charset.StandardCharsets;

import io.etareport.OnPostgres;

/** {@link JobSharingIntegrationTest}, on PostgreSQL. */
@OnPostgres
class JobSharingOnPostgresIntegrationTest extends JobSharingIntegrationTest {

    /** Such rows reach PostgreSQL only through copy-db, which stores the JSON text's bytes. */
    @Override
    Object storedBeforeCompression(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
