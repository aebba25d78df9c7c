package io.etareport.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** DATABASE_URL set: the schema is created on PostgreSQL, kept, and a foreign schema is refused untouched. */
class DatabaseMigratorOnPostgresIntegrationTest {

    @Test
    void createsTheSchemaOnAnEmptyDatabaseAndLeavesItAloneNextTime() {
        DatabaseProperties properties = on(TestPostgres.newDatabase());

        MigrationOutcome first = migrator(properties).migrate();
        MigrationOutcome second = migrator(properties).migrate();

        assertThat(first.kind()).isEqualTo(MigrationOutcome.Kind.CREATED);
        assertThat(first.version()).isEqualTo("18");
        assertThat(first.backup()).isNull();
        assertThat(second.kind()).isEqualTo(MigrationOutcome.Kind.UP_TO_DATE);
        assertThat(second.applied()).isZero();
    }

    @Test
    void refusesASchemaWithTablesThatAreNotOurs() {
        String url = TestPostgres.newDatabase();
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        db.sql("CREATE TABLE invoices (id INTEGER)").update();

        assertThatThrownBy(() -> migrator(on(url)).migrate())
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("invoices")
                .hasMessageContaining("Nothing has been changed");
        assertThat(db.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aUrlForAnotherEngineIsRefusedWithTheSettingsName() {
        DatabaseProperties properties = on("jdbc:mysql://db/eta");

        assertThatThrownBy(properties::postgres).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void backupsAreLeftToPostgresqlsOwnTools() {
        DatabaseProperties properties = on(TestPostgres.newDatabase());

        assertThatThrownBy(() -> new DatabaseBackup(properties, Clock.systemUTC(), java.time.ZoneOffset.UTC).writeInto(null))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("pg_dump");
    }

    private static DatabaseProperties on(String url) {
        return new DatabaseProperties(null, 2, Duration.ofSeconds(5), true, url, "postgres", null, 2, 2);
    }

    private static DatabaseMigrator migrator(DatabaseProperties properties) {
        return new DatabaseMigrator(properties, new DatabaseBackup(properties, Clock.systemUTC(), java.time.ZoneOffset.UTC));
    }
}
