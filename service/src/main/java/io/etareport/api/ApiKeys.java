package io.etareport.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.etareport.audit.AuditLog;
import io.etareport.db.ReadOnly;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that may call {@code /api/v1}: the original's single {@code BUZ_API_KEY}, and named keys
 * that admins create and revoke. A named key is 256 random bits; only its SHA-256 hash is stored,
 * so a copy of the database opens nothing. A key is looked up by its hash, which tells an attacker
 * nothing about the key; the single key is compared in constant time.
 */
@Service
public class ApiKeys {

    static final String AUDIT_ENTITY = "api key";

    /** Letters, digits, spaces, dots, dashes and underscores: names show up in logs and metrics. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,59}");
    private static final String KEY_PREFIX = "eta_";
    private static final int PREFIX_SHOWN = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, key_prefix, per_minute, created_at, created_by, revoked_at";

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final ApiProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    ApiKeys(JdbcClient writes, @ReadOnly JdbcClient reads, ApiProperties properties, Clock clock, AuditLog audit,
            TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
        this.writes = writes;
        this.reads = reads;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a presented {@code X-API-Key} header is worth. */
    public sealed interface Verdict {
        record Missing() implements Verdict {
        }

        record Invalid() implements Verdict {
        }

        record Accepted(ApiCaller caller) implements Verdict {
        }
    }

    public Verdict check(String presented) {
        if (presented == null || presented.isBlank()) {
            return new Verdict.Missing();
        }
        String single = properties.key();
        if (single != null && !single.isBlank() && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), single.getBytes(StandardCharsets.UTF_8))) {
            return new Verdict.Accepted(new ApiCaller(ApiProperties.ENVIRONMENT_KEY_NAME,
                    properties.requestsPerMinute()));
        }
        // Read on every call, never cached: a revoked key stops working at once.
        return reads.sql("SELECT name, per_minute FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash(presented))
                .query((row, n) -> (Verdict) new Verdict.Accepted(new ApiCaller(row.getString(1), row.getInt(2))))
                .optional()
                .orElseGet(Verdict.Invalid::new);
    }

    /** A new key and the only time its text is seen. */
    public record Created(ApiKey key, String secret) {
    }

    /** Why a key was not created. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Creates a named key; {@code perMinute} of 0 or less takes the default.
     *
     * @throws Refused for a name that is malformed or taken
     */
    public Created create(String name, int perMinute, String createdBy) {
        String trimmed = name == null ? "" : name.trim();
        if (!NAME.matcher(trimmed).matches()) {
            throw new Refused("A key name is 1 to 60 letters, digits, spaces, dots, dashes or underscores.");
        }
        if (trimmed.equalsIgnoreCase(ApiProperties.ENVIRONMENT_KEY_NAME)) {
            throw new Refused("That name is kept for the BUZ_API_KEY setting.");
        }
        int limit = perMinute > 0 ? perMinute : properties.requestsPerMinute();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (find(trimmed).isPresent()) {
            throw taken(trimmed);
        }
        String prefix = secret.substring(0, PREFIX_SHOWN);
        try {
            transactions.executeWithoutResult(status -> {
                writes.sql("INSERT INTO api_key (name, key_hash, key_prefix, per_minute, created_at, created_by)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")
                        .params(trimmed, hash(secret), prefix, limit, clock.millis(), createdBy)
                        .update();
                // The key itself never enters the log: only what the key page shows of it.
                audit.record(createdBy, AUDIT_ENTITY, trimmed, "create", null,
                        AuditLog.fields("name", trimmed, "prefix", prefix, "per_minute", limit, "active", true));
            });
        } catch (DataIntegrityViolationException e) {
            throw taken(trimmed);
        }
        return new Created(find(trimmed).orElseThrow(), secret);
    }

    private static Refused taken(String name) {
        return new Refused("A key named " + name + " exists already (revoked keys keep their names).");
    }

    /** Revokes a key at once; false when no active key has that name. */
    public boolean revoke(String name, String actor) {
        String trimmed = name == null ? "" : name.trim();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean revoked = writes.sql("UPDATE api_key SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")
                    .params(clock.millis(), trimmed).update() == 1;
            if (revoked) {
                audit.record(actor, AUDIT_ENTITY, trimmed, "revoke", AuditLog.fields("active", true),
                        AuditLog.fields("active", false));
            }
            return revoked;
        }));
    }

    /** Active keys first, then by name. */
    public List<ApiKey> list() {
        return reads.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY revoked_at IS NOT NULL, lower(name)")
                .query(ApiKeys::map).list();
    }

    public Optional<ApiKey> find(String name) {
        return writes.sql("SELECT " + COLUMNS + " FROM api_key WHERE name = ?").param(name)
                .query(ApiKeys::map).optional();
    }

    /** Whether the single key of the original is set. */
    public boolean environmentKeySet() {
        return properties.key() != null && !properties.key().isBlank();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ApiKey map(ResultSet row, int n) throws SQLException {
        long revoked = row.getLong("revoked_at");
        Instant revokedAt = row.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new ApiKey(row.getLong("id"), row.getString("name"), row.getString("key_prefix"),
                row.getInt("per_minute"), Instant.ofEpochMilli(row.getLong("created_at")),
                row.getString("created_by"), revokedAt);
    }
}
