package io.etareport.audit;

import java.time.Instant;

/** One row of the audit log: who did what to which entity, with its values before and after (JSON). */
public record AuditEntry(long id, Instant at, String actor, String entity, String entityId, String action,
                         String before, String after) {

    /** "field: before → after", one line per changed field. */
    public java.util.List<String> changes() {
        return AuditChanges.lines(before, after);
    }
}
