package io.etareport.webhooks;

import io.etareport.OnPostgres;

/** {@link WebhooksIntegrationTest}, on PostgreSQL. */
@OnPostgres
class WebhooksOnPostgresIntegrationTest extends WebhooksIntegrationTest {
}
