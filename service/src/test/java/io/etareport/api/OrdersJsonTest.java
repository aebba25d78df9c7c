package io.etareport.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.cache.Source;
import io.etareport.report.DateChange;
import io.etareport.report.FilterChoices;
import io.etareport.report.InstanceSource;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.Stages;
import io.etareport.report.Report;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report as the API's {@code /orders} gives it: orders, lines, date moves and where the data came from. */
class OrdersJsonTest {

    private static final Instant NOW = Instant.parse("2025-01-10T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anOrderWhoseDateMovedCarriesThePreviousDateAndWhenTheMoveWasSeen() {
        Order moved = order("300123", LocalDate.of(2025, 2, 3))
                .withDateChange(new DateChange(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 8)));
        Order steady = order("300124", LocalDate.of(2025, 1, 15));

        JsonNode json = json(report(moved, steady));

        JsonNode first = json.get("orders").get(0);
        assertThat(first.get("order_no").asString()).isEqualTo("300123");
        assertThat(first.get("expected").asString()).isEqualTo("2025-02-03");
        assertThat(first.get("previous_expected").asString()).isEqualTo("2025-01-20");
        assertThat(first.get("date_changed_on").asString()).isEqualTo("2025-01-08");
        JsonNode second = json.get("orders").get(1);
        assertThat(second.get("previous_expected").isNull()).isTrue();
        assertThat(second.get("date_changed_on").isNull()).isTrue();
        assertThat(json.get("sources").get(0).get("source").asString()).isEqualTo("cache-503");
        assertThat(json.get("sources").get(0).get("age_seconds").asLong()).isEqualTo(3600);
    }

    @Test
    void eachOrderCarriesItsStateLatenessAndItemCountsAndEachLineItsStage() {
        OrderLine cutting = new OrderLine(Instance.DD, "300125", "Kitchen", null, "Roller Blinds", "Blockout",
                "Cutting", "1", Map.of());
        OrderLine cancelled = new OrderLine(Instance.DD, "300125", "Kitchen", null, "Roller Blinds", "Blockout",
                "Cancelled", "2", Map.of());
        Order late = new Order(Instance.DD, "300125", "Kitchen", LocalDate.of(2025, 1, 3), List.of(cutting, cancelled));

        JsonNode order = json(report(late)).get("orders").get(0);

        assertThat(order.get("state").asString()).isEqualTo("In production");
        assertThat(order.get("overdue").asBoolean()).isTrue();
        assertThat(order.get("ready").asBoolean()).isFalse();
        assertThat(order.get("on_hold").asBoolean()).isFalse();
        assertThat(order.get("business_days_late").asInt()).isEqualTo(5);
        assertThat(order.get("items_ready").asInt()).isZero();
        assertThat(order.get("items_active").asInt()).isEqualTo(1);
        assertThat(order.get("items_cancelled").asInt()).isEqualTo(1);
        assertThat(order.get("lines").get(0).get("stage").asString()).isEqualTo("In production");
        assertThat(order.get("lines").get(0).get("status").asString()).isEqualTo("Cutting");
        assertThat(order.get("lines").get(1).get("stage").asString()).isEqualTo("Cancelled");
    }

    private static JsonNode json(Report report) {
        Stages stages = new Stages(List.of("Received", "In production", "Ready", "Dispatched"), "Ready",
                Map.of("Cutting", "In production", "Cancelled", "Cancelled"));
        OrderModel model = new OrderModel(report, LocalDate.of(2025, 1, 10), stages, Duration.ofDays(30));
        return JSON.valueToTree(OrdersJson.of(report, model, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static Order order(String refNo, LocalDate expected) {
        OrderLine line = new OrderLine(Instance.DD, refNo, "Kitchen", null, "Roller Blinds", "Blockout", "Cutting",
                "1", Map.of());
        return new Order(Instance.DD, refNo, "Kitchen", expected, List.of(line));
    }

    private static Report report(Order... orders) {
        return new Report("Acme", List.of(orders), FilterChoices.none(),
                List.of(new InstanceSource(Instance.DD, Source.CACHE_503, NOW.minusSeconds(3600))), NOW);
    }
}
