package io.etareport.notify;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading columns the same way on SQLite and PostgreSQL. */
final class Db {

    private Db() {
    }

    /** A nullable integer column: SQLite's driver cannot read NULL as {@code getObject(i, Long.class)}. */
    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
