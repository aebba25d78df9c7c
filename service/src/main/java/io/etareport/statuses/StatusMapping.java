package io.etareport.statuses;

/** One row of {@code status_mapping}: a raw BuzManager status and the name customers see instead. */
public record StatusMapping(long id, String odataStatus, String customStatus, boolean active) {
}
