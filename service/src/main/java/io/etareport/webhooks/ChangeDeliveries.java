package io.etareport.webhooks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.etareport.buz.InstanceNames;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.notify.OrderChangesRecorded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a delivery for each recorded change and each endpoint that wants it, inside the transaction that records
 * the changes ({@code notify} publishes them there), so a change is never told to an endpoint twice or lost.
 * Changes are only recorded from live data: a report served from a stored copy sends nothing.
 */
@Component
class ChangeDeliveries {

    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final CustomerRepository customers;
    private final InstanceNames factories;
    private final Clock clock;

    ChangeDeliveries(Endpoints endpoints, Deliveries deliveries, CustomerRepository customers,
                     InstanceNames factories, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.customers = customers;
        this.factories = factories;
        this.clock = clock;
    }

    @EventListener
    void on(OrderChangesRecorded recorded) {
        List<Endpoint> all = endpoints.all();
        if (all.stream().noneMatch(Endpoint::enabled)) {
            return;
        }
        Optional<Customer> customer = customers.findById(recorded.customerId());
        if (customer.isEmpty()) {
            return;
        }
        for (OrderChangesRecorded.OrderChange change : recorded.changes()) {
            Optional<EventType> type = EventType.ofChange(change.kind());
            if (type.isEmpty()) {
                continue;
            }
            String payload = null;
            for (Endpoint endpoint : all) {
                if (endpoint.wants(type.get(), recorded.customerId())) {
                    payload = payload != null ? payload : payload(type.get(), customer.get(), change);
                    deliveries.add(endpoint.id(), WebhookSecret.messageId(), type.get(), payload);
                }
            }
        }
    }

    /**
     * The Standard Webhooks payload: {@code type}, {@code timestamp} (when the change was found) and {@code data},
     * order facts from the order model only.
     */
    String payload(EventType type, Customer customer, OrderChangesRecorded.OrderChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer_id", customer.id());
        data.put("customer_name", customer.name());
        data.put("order_number", change.refNo());
        data.put("reference", change.reference());
        data.put("factory", factories.of(change.instance()));
        data.put("state", change.state());
        data.put("overdue", change.overdue());
        if (type == EventType.DATE_CHANGED) {
            data.put("old_date", text(change.oldDate()));
            data.put("new_date", text(change.newDate()));
        } else {
            data.put("expected_date", text(change.newDate()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.code());
        payload.put("timestamp", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        payload.put("data", data);
        return JsonMapper.shared().writeValueAsString(payload);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
