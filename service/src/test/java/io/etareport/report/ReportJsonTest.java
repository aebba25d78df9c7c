package io.etareport.report;

import io.etareport.buz.OrderLine;
import io.etareport.cache.Source;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.etareport.buz.Instance.CBR;
import static io.etareport.buz.Instance.DD;
import static org.assertj.core.api.Assertions.assertThat;

/** A report is stored as JSON with its job and read back for the page and the downloads. */
class ReportJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static Report sample() {
        Map<String, String> other = new LinkedHashMap<>();
        other.put("Width", "900");
        other.put("Colour", null);
        other.put("Drop", "1200");
        OrderLine dated = new OrderLine(DD, "SO-1", "Kitchen", LocalDate.of(2025, 1, 5), "Roller Blinds", "Blockout",
                "Cutting", "1", other);
        OrderLine undated = new OrderLine(CBR, "SO-1", null, null, null, null, null, null, Map.of());
        return new Report("O'Malley & Sons",
                List.of(new Order(DD, "SO-1", "Kitchen", LocalDate.of(2025, 1, 5), List.of(dated)),
                        new Order(CBR, "SO-1", null, null, List.of(undated))),
                new FilterChoices(List.of("Cutting"), List.of("Roller Blinds"), List.of("DD", "CBR")),
                List.of(InstanceSource.live(DD, Instant.parse("2025-01-02T03:04:05.123Z")),
                        new InstanceSource(CBR, Source.CACHE_BLACKOUT, Instant.parse("2025-01-01T22:00:00Z"))),
                Instant.parse("2025-01-02T03:04:06Z"));
    }

    @Test
    void aReportReadBackFromJsonEqualsTheOneWritten() {
        Report report = sample();

        Report readBack = json.readValue(json.writeValueAsString(report), Report.class);

        assertThat(readBack).isEqualTo(report);
        assertThat(readBack.orders().get(0).lines().get(0).otherColumns().keySet())
                .containsExactly("Width", "Colour", "Drop");
    }

    @Test
    void whetherTheReportIsEmptyIsDerivedNotStored() {
        // isEmpty() looks like a property to Jackson; fromCache(), lineCount() and showStatuses() do not.
        String stored = json.writeValueAsString(sample());

        assertThat(stored).doesNotContain("\"empty\"");
    }
}
