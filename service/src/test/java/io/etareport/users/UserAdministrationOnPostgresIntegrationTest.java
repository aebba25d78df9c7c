package io.etareport.users;

import io.etareport.OnPostgres;

/** {@link UserAdministrationIntegrationTest}, on PostgreSQL. */
@OnPostgres
class UserAdministrationOnPostgresIntegrationTest extends UserAdministrationIntegrationTest {
}
