package io.etareport.columns;

import java.util.HashMap;
import java.util.Map;

import io.etareport.buz.ColumnPolicy;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Version 5: removes, from copies and results the previous version stored, every column the allowlist does not
 * let through, so an upgrade never goes on serving an old leak from the cache or a finished report. Runs after
 * the usual backup, like every pending migration. A Spring bean, because the allowlist's defaults are
 * configuration.
 */
@Component
class StripUnapprovedColumnsMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(StripUnapprovedColumnsMigration.class);

    private final ColumnsProperties properties;

    StripUnapprovedColumnsMigration(ColumnsProperties properties) {
        this.properties = properties;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "strip unapproved columns from stored copies";
    }

    @Override
    public Integer getChecksum() {
        return 5;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        Map<String, Boolean> decisions = new HashMap<>();
        db.sql("SELECT name, approved FROM buz_column_decision")
                .query((row, n) -> decisions.put(row.getString("name"), row.getInt("approved") == 1)).list();
        ColumnPolicy policy = ColumnPolicy.of(properties.approved(), decisions, Map.of());
        StoredCopies.Stripped stripped = new StoredCopies(db).strip(policy);
        log.info("Removed columns that are not approved from {} stored copies and {} stored reports",
                stripped.cacheCopies(), stripped.reportResults());
    }
}
