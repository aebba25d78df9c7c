package io.etareport.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Builds a database file the way the original Flask service left it in production. */
public final class OriginalDatabase {

    /** The original's DDL at user_version 7, as SPEC.md gives it. */
    public static final String DDL = """
            CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, dd_name TEXT, cbr_name TEXT,
              obfuscated_id TEXT NOT NULL UNIQUE, field_type TEXT NOT NULL DEFAULT 'Customer Name', display_name TEXT);
            CREATE TRIGGER customers_field_type_insert BEFORE INSERT ON customers
              WHEN NEW.field_type NOT IN ('Customer Name', 'Customer Group')
              BEGIN SELECT RAISE(ABORT, 'invalid field_type'); END;
            CREATE TRIGGER customers_field_type_update BEFORE UPDATE ON customers
              WHEN NEW.field_type NOT IN ('Customer Name', 'Customer Group')
              BEGIN SELECT RAISE(ABORT, 'invalid field_type'); END;
            CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE, name TEXT,
              role TEXT NOT NULL DEFAULT 'user', active INTEGER NOT NULL DEFAULT 1);
            CREATE TABLE status_mapping (id INTEGER PRIMARY KEY AUTOINCREMENT, odata_status TEXT UNIQUE NOT NULL,
              custom_status TEXT, active BOOLEAN NOT NULL DEFAULT TRUE);
            CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, pct INTEGER NOT NULL DEFAULT 0,
              log TEXT NOT NULL DEFAULT '[]', error TEXT, result TEXT,
              created_at DATETIME DEFAULT CURRENT_TIMESTAMP, updated_at DATETIME DEFAULT CURRENT_TIMESTAMP);
            CREATE TABLE cache (cache_key TEXT PRIMARY KEY, payload_json TEXT NOT NULL, updated_at_utc TEXT NOT NULL,
              meta_json TEXT);
            """;

    /** Rows in every table, with the names that break naive code: quotes, ampersands, accents. */
    public static final String ROWS = """
            INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type, display_name) VALUES
              ('O''Malley Blinds', 'O''Malley Blinds', '0123456789abcdef0123456789abcdef', 'Customer Name', NULL),
              ('Smith & Sons', NULL, 'fedcba9876543210fedcba9876543210', 'Customer Name', 'Smith & Sons Pty'),
              (NULL, 'Café Façades Group', 'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb', 'Customer Group', 'Zoë''s Café');
            INSERT INTO users (email, name, role, active) VALUES
              ('admin@example.com', 'Ádmin Ünïcode', 'admin', 1),
              ('old@example.com', 'D''Angelo', 'user', 0);
            INSERT INTO status_mapping (odata_status, custom_status, active) VALUES
              ('In Production', 'Being made', 1),
              ('Awaiting Fabric', 'Waiting on fabric & parts', 0);
            INSERT INTO jobs (id, status, pct, log, result) VALUES ('job-1', 'completed', 100, '["done"]', '{}');
            INSERT INTO cache (cache_key, payload_json, updated_at_utc, meta_json)
              VALUES ('statuses:DD', '["In Production"]', '2025-01-02T00:00:00Z', '{}');
            """;

    private OriginalDatabase() {
    }

    public static void create(Path file, int userVersion) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements(DDL + ROWS)) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = " + userVersion);
        }
    }

    /** Every row of the original's tables, as text, for before/after comparison. */
    public static List<String> dump(Path file) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String table : List.of("customers", "users", "status_mapping", "jobs", "cache")) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= columns; i++) {
                            row.append('|').append(result.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> statements(String script) {
        // Split on semicolons at line ends, keeping trigger bodies (whose inner ';' is mid-line) whole.
        List<String> out = new ArrayList<>();
        for (String part : script.split(";\\s*\\n")) {
            if (!part.isBlank()) {
                out.add(part);
            }
        }
        return out;
    }
}
