package io.etareport.db;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the SQLite file lives and how we talk to it.
 *
 * @param path           the database file ({@code DATABASE}); its folder is created when missing
 * @param readPoolSize   connections for reads; writes always go through one connection
 * @param busyTimeout    how long a statement waits for another process's write lock
 * @param migrateOnStart migrate the schema when the service starts (commands decide for themselves)
 */
@ConfigurationProperties("eta.database")
@Validated
public record DatabaseProperties(
        String path,
        @DefaultValue("4") @Positive int readPoolSize,
        @DefaultValue("10s") @DurationMin(nanos = 0) Duration busyTimeout,
        @DefaultValue("true") boolean migrateOnStart) {

    public Path file() {
        if (path == null || path.isBlank()) {
            throw new DatabaseException("No database file is configured: set DATABASE to the SQLite file's path.");
        }
        return Path.of(path).toAbsolutePath().normalize();
    }
}
