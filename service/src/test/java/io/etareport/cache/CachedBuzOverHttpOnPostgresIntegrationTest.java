package io.etareport.cache;

import io.etareport.OnPostgres;

/** {@link CachedBuzOverHttpIntegrationTest}, on PostgreSQL. */
@OnPostgres
class CachedBuzOverHttpOnPostgresIntegrationTest extends CachedBuzOverHttpIntegrationTest {
}
