package io.etareport.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test run (started on first use, on a free port, stopped with the
 * JVM); every caller gets a database of its own on it, so tests never see each other's rows.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new, empty database; its JDBC URL (user {@code postgres}, no password). */
    public static synchronized String newDatabase() {
        String name = "eta_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database", e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** Settings that put a service context on a new database. */
    public static String[] settingsForNewDatabase() {
        return new String[] {"eta.database.url=" + newDatabase(), "eta.database.username=postgres"};
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's folder is temporary
                }
            }));
        }
        return server;
    }
}
