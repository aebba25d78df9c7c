package io.etareport.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;

class PayloadCodecTest {

    private final PayloadCodec codec = new PayloadCodec();

    @Test
    void orderLinesComeBackEqualWithDatesNullsAndColumnOrder() {
        Map<String, String> other = new LinkedHashMap<>();
        other.put("OrderStatus", "Work in Progress");
        other.put("Customer", null);
        other.put("Width", "1200");
        List<OrderLine> lines = List.of(
                new OrderLine(Instance.CBR, "12345", "Kitchen", LocalDate.of(2025, 1, 5), "Rollers", "Blockout",
                        "Cutting", "2", other),
                new OrderLine(Instance.DD, "9", null, null, null, null, null, null, Map.of()));

        String json = codec.encode(lines);
        List<OrderLine> back = codec.decode(json, new TypeReference<List<OrderLine>>() {
        });

        assertThat(json).contains("\"dateScheduled\":\"2025-01-05\"");
        assertThat(back).isEqualTo(lines);
        assertThat(back.get(0).otherColumns().keySet()).containsExactly("OrderStatus", "Customer", "Width");
    }

    @Test
    void rawRowsComeBackWithTheNumberTypesTheBuzClientReads() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("RefNo", "90001");
        row.put("LinesTotal", 4);
        row.put("Big", 12_345_678_901L);
        row.put("Width", new java.math.BigDecimal("1200.50"));
        row.put("Urgent", true);
        row.put("Notes", null);
        List<Map<String, Object>> rows = List.of(row);

        List<Map<String, Object>> back = codec.decode(codec.encode(rows), new TypeReference<>() {
        });

        assertThat(back).isEqualTo(rows);
    }

    @Test
    void aFieldNoLongerInTheRecordDoesNotLoseTheCopy() {
        String stored = "[{\"instance\":\"DD\",\"refNo\":\"1\",\"removedLater\":\"x\",\"otherColumns\":{}}]";

        List<OrderLine> back = codec.decode(stored, new TypeReference<List<OrderLine>>() {
        });

        assertThat(back).singleElement().extracting(OrderLine::refNo).isEqualTo("1");
    }

    @Test
    void rowsAreTheSizeOfAListOrOne() {
        assertThat(PayloadCodec.rows(List.of("a", "b"))).isEqualTo(2);
        assertThat(PayloadCodec.rows(List.of())).isZero();
        assertThat(PayloadCodec.rows("one")).isEqualTo(1);
        assertThat(PayloadCodec.rows(null)).isZero();
    }
}
