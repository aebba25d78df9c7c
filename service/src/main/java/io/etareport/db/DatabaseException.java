package io.etareport.db;

/** A database problem an operator can act on; its message is shown to them as it is. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
