package io.etareport.columns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.ColumnPolicy;
import io.etareport.buz.ColumnRegistry;
import io.etareport.buz.SeenColumns;
import io.etareport.db.ReadOnly;
import io.sentry.Sentry;
import io.sentry.SentryLevel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The columns BuzManager sends ({@code buz_column}: names, never values) and what admins decided about them
 * ({@code buz_column_decision}), turned into the {@link ColumnPolicy} every part of the service applies.
 * <p>
 * The policy is kept in memory and rebuilt when a decision is made here; another node's decision is picked up
 * within {@link #RELOAD_AFTER}. Recording what a fetch saw is one statement per fetch, never one per row.
 */
@Service
public class BuzColumns implements ColumnRegistry {

    static final Duration RELOAD_AFTER = Duration.ofSeconds(5);
    static final Duration NEW_FOR = Duration.ofDays(7);
    // Names are the supplier's and may be anything: keep log lines short and on one line.
    private static final int MAX_LOGGED_NAME = 80;
    private static final int ROWS_PER_STATEMENT = 200;

    private static final Logger log = LoggerFactory.getLogger(BuzColumns.class);

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final ColumnsProperties properties;
    private final Clock clock;
    private final Object lock = new Object();

    private volatile ColumnPolicy policy;
    private volatile Instant loadedAt = Instant.MIN;
    private Set<String> knownNames;

    public BuzColumns(JdbcClient writes, @ReadOnly JdbcClient reads, ColumnsProperties properties, Clock clock) {
        this.writes = writes;
        this.reads = reads;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ColumnPolicy policy() {
        ColumnPolicy current = policy;
        if (current == null || clock.instant().isAfter(loadedAt.plus(RELOAD_AFTER))) {
            current = reload();
        }
        return current;
    }

    /** Records the names a fetch returned; a column never seen before is logged once and sent to Sentry. */
    @Override
    public void seen(SeenColumns seen) {
        if (seen.kinds().isEmpty()) {
            return;
        }
        try {
            List<String> fresh = new ArrayList<>();
            synchronized (lock) {
                Set<String> known = knownNames();
                for (String name : seen.kinds().keySet()) {
                    if (known.add(name)) {
                        fresh.add(name);
                    }
                }
                upsert(seen, clock.millis());
            }
            for (String name : fresh) {
                announce(seen, name);
            }
            if (!fresh.isEmpty() || kindsChanged(seen)) {
                reload();
            }
        } catch (DataAccessException e) {
            // Recording is for staff; a fetch that worked must not fail because of it.
            log.warn("Could not record the columns BuzManager {} sent: {}", seen.instance(), e.getClass().getSimpleName());
        }
    }

    /** Every column seen, with its state, sorted by name, then instance and entity set. */
    public List<SeenColumn> list() {
        ColumnPolicy current = reload();
        Map<String, Boolean> decisions = decisions();
        Instant newSince = clock.instant().minus(NEW_FOR);
        List<SeenColumn> columns = reads.sql("SELECT instance, entity_set, name, kind, first_seen, last_seen"
                        + " FROM buz_column")
                .query((row, n) -> {
                    String name = row.getString("name");
                    Instant firstSeen = Instant.ofEpochMilli(row.getLong("first_seen"));
                    return new SeenColumn(row.getString("instance"), row.getString("entity_set"), name,
                            ColumnKind.parse(row.getString("kind")), firstSeen,
                            Instant.ofEpochMilli(row.getLong("last_seen")), state(name, current, decisions),
                            firstSeen.isAfter(newSince));
                }).list();
        return columns.stream().sorted(Comparator.comparing(SeenColumn::name).thenComparing(SeenColumn::instance)
                .thenComparing(SeenColumn::entitySet)).toList();
    }

    /**
     * Lets a column through from the next fetch on.
     *
     * @throws IllegalArgumentException when the name looks sensitive: such a column can never be approved
     */
    public void approve(String name, String decidedBy) {
        if (!ColumnPolicy.canApprove(name)) {
            throw new IllegalArgumentException("not approvable");
        }
        decide(name, true, decidedBy);
    }

    /**
     * Stops a column at once: from everything served, and from every stored copy and report. Inside a transaction
     * (the decision and its audit row are one change), the copies are stripped once it commits.
     */
    public void holdBack(String name, String decidedBy) {
        decide(name, false, decidedBy);
        afterCommit(() -> {
            StoredCopies.Stripped stripped = new StoredCopies(writes).strip(reload());
            log.info("A column was held back; removed it from {} stored copies and {} stored reports",
                    stripped.cacheCopies(), stripped.reportResults());
        });
    }

    private void decide(String name, boolean approved, String decidedBy) {
        writes.sql("INSERT INTO buz_column_decision (name, approved, decided_at, decided_by) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET approved = excluded.approved,"
                        + " decided_at = excluded.decided_at, decided_by = excluded.decided_by")
                .params(name, approved ? 1 : 0, clock.millis(), decidedBy)
                .update();
        // The policy is read on the reading connections: they see the decision only once it is committed.
        afterCommit(this::reload);
    }

    private static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }

    private SeenColumn.State state(String name, ColumnPolicy current, Map<String, Boolean> decisions) {
        if (ColumnPolicy.REQUIRED.contains(name)) {
            return SeenColumn.State.REQUIRED;
        }
        if (!ColumnPolicy.canApprove(name)) {
            return SeenColumn.State.SENSITIVE;
        }
        if (current.allows(name)) {
            return decisions.containsKey(name) ? SeenColumn.State.APPROVED : SeenColumn.State.APPROVED_BY_DEFAULT;
        }
        return decisions.containsKey(name) ? SeenColumn.State.HELD_BACK : SeenColumn.State.NOT_APPROVED;
    }

    private ColumnPolicy reload() {
        Map<String, ColumnKind> kinds = new HashMap<>();
        reads.sql("SELECT name, kind FROM buz_column WHERE kind IS NOT NULL ORDER BY last_seen")
                .query((row, n) -> kinds.put(row.getString("name"), ColumnKind.parse(row.getString("kind")))).list();
        ColumnPolicy fresh = ColumnPolicy.of(properties.approved(), decisions(), kinds);
        policy = fresh;
        loadedAt = clock.instant();
        return fresh;
    }

    private Map<String, Boolean> decisions() {
        Map<String, Boolean> decisions = new HashMap<>();
        reads.sql("SELECT name, approved FROM buz_column_decision")
                .query((row, n) -> decisions.put(row.getString("name"), row.getInt("approved") == 1)).list();
        return decisions;
    }

    private boolean kindsChanged(SeenColumns seen) {
        ColumnPolicy current = policy;
        if (current == null) {
            return true;
        }
        for (Map.Entry<String, ColumnKind> column : seen.kinds().entrySet()) {
            if (column.getValue() != null && current.kindOf(column.getKey()) != column.getValue()) {
                return true;
            }
        }
        return false;
    }

    private Set<String> knownNames() {
        if (knownNames == null) {
            knownNames = new HashSet<>(reads.sql("SELECT DISTINCT name FROM buz_column").query(String.class).list());
        }
        return knownNames;
    }

    private void upsert(SeenColumns seen, long now) {
        List<Map.Entry<String, ColumnKind>> columns = new ArrayList<>(seen.kinds().entrySet());
        for (int from = 0; from < columns.size(); from += ROWS_PER_STATEMENT) {
            List<Map.Entry<String, ColumnKind>> chunk =
                    columns.subList(from, Math.min(columns.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO buz_column (instance, entity_set, name, kind, first_seen, last_seen) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 6);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
                params.add(seen.instance().name());
                params.add(seen.entitySet());
                params.add(chunk.get(i).getKey());
                params.add(chunk.get(i).getValue() == null ? null : chunk.get(i).getValue().stored());
                params.add(now);
                params.add(now);
            }
            sql.append(" ON CONFLICT (instance, entity_set, name) DO UPDATE SET last_seen = excluded.last_seen,"
                    + " kind = COALESCE(excluded.kind, buz_column.kind)");
            writes.sql(sql.toString()).params(params).update();
        }
    }

    private static void announce(SeenColumns seen, String name) {
        String shown = loggable(name);
        log.warn("BuzManager {} sent a column never seen before: \"{}\" ({}). Customers will not see it unless an"
                + " admin approves it on /columns.", seen.instance(), shown, seen.entitySet());
        if (Sentry.isEnabled()) {
            Sentry.captureMessage("BuzManager sent a new column: " + shown, SentryLevel.WARNING, scope -> {
                scope.setTag("instance", seen.instance().name());
                scope.setTag("entity_set", seen.entitySet());
            });
        }
    }

    /** The name on one line, without control characters, and not longer than a log line should be. */
    static String loggable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(MAX_LOGGED_NAME).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (name.codePointCount(0, name.length()) > MAX_LOGGED_NAME) {
            shown.append('…');
        }
        return shown.toString();
    }
}
