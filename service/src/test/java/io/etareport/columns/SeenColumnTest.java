package io.etareport.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.etareport.buz.ColumnKind;

import org.junit.jupiter.api.Test;

/** /columns lets a name wrap between its words, never inside one. */
class SeenColumnTest {

    private static SeenColumn named(String name) {
        return new SeenColumn("DD", "JobsScheduleDetailed", name, ColumnKind.TEXT, Instant.EPOCH, Instant.EPOCH,
                SeenColumn.State.NOT_APPROVED, false);
    }

    @Test
    void aNameSplitsAtItsWordsAndJoinsBackToItself() {
        assertThat(named("CustomerName").nameParts()).containsExactly("Customer", "Name");
        assertThat(named("DateScheduledUTC").nameParts()).containsExactly("Date", "Scheduled", "UTC");
        assertThat(named("HTTPStatusCode").nameParts()).containsExactly("HTTP", "Status", "Code");
        assertThat(named("Line_Value2Total").nameParts()).containsExactly("Line_", "Value2", "Total");
        assertThat(named("Width \"inner\" 'cm'").nameParts()).containsExactly("Width \"inner\" 'cm'");
        assertThat(String.join("", named("InventoryItemDescn").nameParts())).isEqualTo("InventoryItemDescn");
    }
}
