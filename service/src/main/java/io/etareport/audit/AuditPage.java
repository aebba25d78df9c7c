package io.etareport.audit;

import java.util.List;

/** One page of entries, newest first. {@code page} counts from 1. */
public record AuditPage(List<AuditEntry> entries, int page, int pageSize, long total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
