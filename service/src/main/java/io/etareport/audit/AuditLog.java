package io.etareport.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.etareport.db.ReadOnly;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, and when: the one place every staff change is written down. Callers record
 * inside the transaction of their change (the writer connection), so a change that is rolled back
 * leaves no row and a recorded change cannot be lost. Snapshots are what staff see of an entity,
 * never secrets: callers choose the fields.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
public class AuditLog {

    /** The actor of changes no signed-in person made (start-up seeding, operator commands). */
    public static final String SYSTEM = "system";

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final Clock clock;
    private final AuditProperties properties;

    AuditLog(JdbcClient writes, @ReadOnly JdbcClient reads, Clock clock, AuditProperties properties) {
        this.writes = writes;
        this.reads = reads;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Records a change made by {@code actor}.
     *
     * @param entity   what kind of thing changed, e.g. {@code customer}, {@code user}
     * @param entityId its id, or null (e.g. a refresh of a whole table)
     * @param action   what happened, e.g. {@code add}, {@code edit}, {@code delete}
     * @param before   the entity's fields before the change; null when it did not exist
     * @param after    the fields after the change; null when it no longer exists
     */
    public void record(String actor, String entity, Object entityId, String action, Map<String, ?> before,
                       Map<String, ?> after) {
        writes.sql("INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(clock.millis(), actor == null || actor.isBlank() ? SYSTEM : actor.trim(), entity,
                        entityId == null ? null : entityId.toString(), action, json(before), json(after))
                .update();
    }

    /** Records a change made by whoever is signed in on this thread ({@link #SYSTEM} when nobody is). */
    public void record(String entity, Object entityId, String action, Map<String, ?> before, Map<String, ?> after) {
        record(currentActor(), entity, entityId, action, before, after);
    }

    /** The email of the member of staff signed in on this thread, or {@link #SYSTEM}. */
    public static String currentActor() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || signedIn instanceof AnonymousAuthenticationToken || !signedIn.isAuthenticated()
                || signedIn.getName() == null || signedIn.getName().isBlank()) {
            return SYSTEM;
        }
        return signedIn.getName();
    }

    /** An ordered snapshot that, unlike {@code Map.of}, allows null values: {@code fields("name", n, "id", i)}. */
    public static Map<String, Object> fields(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name, value pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return fields;
    }

    /**
     * A link id as the log shows it: enough to tell links apart, not enough to open one (a link is
     * the customer's only key, and the log is downloadable).
     */
    public static String linkFingerprint(String obfuscatedId) {
        if (obfuscatedId == null || obfuscatedId.length() < 8) {
            return obfuscatedId;
        }
        return obfuscatedId.substring(0, 6) + "…";
    }

    /** Entries older than the retention ({@code eta.audit.keep}): counted, or deleted when {@code delete}. */
    public int purgeExpired(boolean delete) {
        long cutoff = clock.instant().minus(properties.keep()).toEpochMilli();
        if (!delete) {
            return reads.sql("SELECT count(*) FROM audit_log WHERE at < ?").param(cutoff).query(Integer.class)
                    .single();
        }
        return writes.sql("DELETE FROM audit_log WHERE at < ?").param(cutoff).update();
    }

    /** How long entries are kept. */
    public Duration keep() {
        return properties.keep();
    }


    private static String json(Map<String, ?> values) {
        return values == null ? null : JsonMapper.shared().writeValueAsString(values);
    }
}
