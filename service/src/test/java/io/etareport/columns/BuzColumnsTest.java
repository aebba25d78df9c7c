package io.etareport.columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.Instance;
import io.etareport.buz.SeenColumns;
import io.etareport.cache.MutableClock;
import io.etareport.db.DatabaseBackup;
import io.etareport.db.DatabaseMigrator;
import io.etareport.db.DatabaseProperties;
import io.sentry.NoOpTransportFactory;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What staff learn about the columns BuzManager sends, and what their decisions do. */
class BuzColumnsTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T01:00:00Z"));
    private final List<SentryEvent> sentToSentry = new ArrayList<>();
    private JdbcClient db;
    private BuzColumns columns;

    @BeforeEach
    void database() {
        Path file = dir.resolve("eta.db");
        DatabaseProperties properties = new DatabaseProperties(file.toString(), 2, Duration.ofSeconds(5), true);
        new DatabaseMigrator(properties, new DatabaseBackup(properties, clock, ZoneId.of("Australia/Sydney"))).migrate();
        db = JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + file + "?busy_timeout=5000"));
        columns = new BuzColumns(db, db, new ColumnsProperties(List.of("Width", "Drop")), clock);
        // Events stop in beforeSend, and there is no transport: nothing leaves the machine.
        Sentry.init(options -> {
            options.setDsn("https://key@sentry.invalid/1");
            options.setTransportFactory(NoOpTransportFactory.getInstance());
            options.setSendClientReports(false);
            options.setBeforeSend((event, hint) -> {
                sentToSentry.add(event);
                return null;
            });
        });
    }

    @AfterEach
    void closeSentry() {
        Sentry.close();
    }

    @Test
    void aNewColumnIsRecordedByNameAndSentToSentryOnceWhateverHowOftenItComes() {
        SeenColumns fetch = seen(Instance.DD, "LineValue", ColumnKind.NUMBER, "Width", ColumnKind.NUMBER);

        columns.seen(fetch);
        clock.advance(Duration.ofMinutes(5));
        columns.seen(fetch);
        columns.seen(seen(Instance.CBR, "LineValue", ColumnKind.NUMBER));

        assertThat(sentToSentry).hasSize(2);
        assertThat(sentToSentry).extracting(event -> event.getMessage().getFormatted())
                .containsExactlyInAnyOrder("BuzManager sent a new column: LineValue",
                        "BuzManager sent a new column: Width");
        assertThat(sentToSentry).allMatch(event -> event.getLevel() == SentryLevel.WARNING
                && "DD".equals(event.getTag("instance")));
        assertThat(db.sql("SELECT first_seen, last_seen FROM buz_column WHERE instance = 'DD' AND name = 'LineValue'")
                .query((row, n) -> List.of(row.getLong(1), row.getLong(2))).single())
                .containsExactly(Instant.parse("2026-03-04T01:00:00Z").toEpochMilli(),
                        Instant.parse("2026-03-04T01:05:00Z").toEpochMilli());
        assertThat(db.sql("SELECT COUNT(*) FROM buz_column").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void thePageSaysWhoSeesEachColumnAndWhatIsNewThisWeek() {
        columns.seen(seen(Instance.DD, "Drop", ColumnKind.NUMBER, "UnitCost", ColumnKind.NUMBER));
        clock.advance(Duration.ofDays(8));
        columns.seen(seen(Instance.DD, "RefNo", ColumnKind.TEXT, "Width", ColumnKind.NUMBER, "LineValue",
                ColumnKind.NUMBER, "Location", ColumnKind.TEXT));
        columns.approve("Location", "admin@staff.test");
        columns.holdBack("Drop", "admin@staff.test");

        Map<String, SeenColumn> byName = new LinkedHashMap<>();
        columns.list().forEach(column -> byName.put(column.name(), column));

        assertThat(byName.keySet()).containsExactly("Drop", "LineValue", "Location", "RefNo", "UnitCost", "Width");
        assertThat(byName.get("RefNo").state()).isEqualTo(SeenColumn.State.REQUIRED);
        assertThat(byName.get("Width").state()).isEqualTo(SeenColumn.State.APPROVED_BY_DEFAULT);
        assertThat(byName.get("Location").state()).isEqualTo(SeenColumn.State.APPROVED);
        assertThat(byName.get("Drop").state()).isEqualTo(SeenColumn.State.HELD_BACK);
        assertThat(byName.get("LineValue").state()).isEqualTo(SeenColumn.State.NOT_APPROVED);
        assertThat(byName.get("UnitCost").state()).isEqualTo(SeenColumn.State.SENSITIVE);
        assertThat(byName.get("LineValue").isNew()).isTrue();
        assertThat(byName.get("Drop").isNew()).as("first seen 8 days ago").isFalse();
        assertThat(byName.get("Width").kind()).isEqualTo(ColumnKind.NUMBER);
        assertThat(columns.policy().allows("Location")).isTrue();
        assertThat(columns.policy().allows("Drop")).isFalse();
        assertThat(columns.policy().allows("LineValue")).isFalse();
    }

    @Test
    void aSensitiveLookingColumnCannotBeApproved() {
        assertThatThrownBy(() -> columns.approve("Unit_Cost", "admin@staff.test"))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(db.sql("SELECT COUNT(*) FROM buz_column_decision").query(Integer.class).single()).isZero();
        assertThat(columns.policy().allows("Unit_Cost")).isFalse();
    }

    @Test
    void aColumnWhoseValuesWereAllEmptyKeepsTheKindSeenBefore() {
        columns.seen(seen(Instance.DD, "DateOrdered", ColumnKind.DATE));
        columns.seen(seen(Instance.DD, "DateOrdered", null));

        assertThat(columns.policy().kindOf("DateOrdered")).isEqualTo(ColumnKind.DATE);
    }

    @Test
    void aLoggedNameIsOneShortLine() {
        assertThat(BuzColumns.loggable("a\nb\u0000c")).isEqualTo("a?b?c");
        assertThat(BuzColumns.loggable("x".repeat(300))).isEqualTo("x".repeat(80) + "…");
        assertThat(BuzColumns.loggable("Größe")).isEqualTo("Größe");
    }

    private static SeenColumns seen(Instance instance, Object... namesAndKinds) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            kinds.put((String) namesAndKinds[i], (ColumnKind) namesAndKinds[i + 1]);
        }
        return new SeenColumns(instance, "JobsScheduleDetailed", kinds);
    }
}
