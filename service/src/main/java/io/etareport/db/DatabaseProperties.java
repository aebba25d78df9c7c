package io.etareport.db;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which database we use and how we talk to it: the SQLite file at {@code path}, or PostgreSQL when
 * {@code url} is set.
 *
 * @param path           the SQLite file ({@code DATABASE}); its folder is created when missing
 * @param readPoolSize   connections for reads; on SQLite writes always go through one connection
 * @param busyTimeout    how long a statement waits for another process's write lock (SQLite)
 * @param migrateOnStart migrate the schema when the service starts (commands decide for themselves)
 * @param url            {@code jdbc:postgresql://...} ({@code DATABASE_URL}): PostgreSQL instead of the file
 * @param username       PostgreSQL user ({@code DATABASE_USERNAME})
 * @param password       PostgreSQL password ({@code DATABASE_PASSWORD})
 * @param poolSize       connections for writes and transactions on PostgreSQL
 * @param lockPoolSize   connections holding the cluster-wide locks of upstream fetches in flight (PostgreSQL): one per
 *                       live fetch, so at least {@code eta.jobs.workers} (a customer on both instances takes two)
 */
@ConfigurationProperties("eta.database")
@Validated
public record DatabaseProperties(
        String path,
        @DefaultValue("4") @Positive int readPoolSize,
        @DefaultValue("10s") @DurationMin(nanos = 0) Duration busyTimeout,
        @DefaultValue("true") boolean migrateOnStart,
        String url,
        String username,
        String password,
        @DefaultValue("10") @Positive int poolSize,
        @DefaultValue("32") @Positive int lockPoolSize) {

    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    @ConstructorBinding
    public DatabaseProperties {
    }

    /** The SQLite settings of a file, as every existing caller and test made them. */
    public DatabaseProperties(String path, int readPoolSize, Duration busyTimeout, boolean migrateOnStart) {
        this(path, readPoolSize, busyTimeout, migrateOnStart, null, null, null, 10, 10);
    }

    /** True when {@code DATABASE_URL} names a PostgreSQL database: the file at {@code DATABASE} is then unused. */
    public boolean postgres() {
        if (url == null || url.isBlank()) {
            return false;
        }
        if (!url.startsWith(POSTGRES_PREFIX)) {
            throw new DatabaseException("DATABASE_URL must start with " + POSTGRES_PREFIX
                    + " (PostgreSQL); leave it empty to use the SQLite file at DATABASE.");
        }
        return true;
    }

    public Path file() {
        if (path == null || path.isBlank()) {
            throw new DatabaseException("No database file is configured: set DATABASE to the SQLite file's path.");
        }
        return Path.of(path).toAbsolutePath().normalize();
    }
}
