package io.etareport.audit;

import java.time.LocalDate;

/**
 * What an admin asks of the audit log; every part optional (null or blank: no filter).
 *
 * @param actor  the person's email, ignoring case
 * @param entity the kind of entity, as recorded
 * @param from   first day, Sydney time, inclusive
 * @param to     last day, Sydney time, inclusive
 */
public record AuditQuery(String actor, String entity, LocalDate from, LocalDate to) {
}
