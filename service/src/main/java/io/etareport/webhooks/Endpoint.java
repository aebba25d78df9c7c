package io.etareport.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A registered endpoint, without its secret (shown once, when made or rotated).
 *
 * @param customerIds  the customers it follows; empty when it follows all
 * @param enabled      false once it failed for {@code eta.webhooks.disable-after} (an admin can switch it on)
 * @param failingSince the first failed attempt since its last success, or null
 */
public record Endpoint(long id, String url, List<EventType> events, boolean allCustomers, List<Long> customerIds,
                       boolean enabled, Instant failingSince, Instant disabledAt, Instant createdAt,
                       String createdBy) {

    public Endpoint {
        events = List.copyOf(events);
        customerIds = List.copyOf(customerIds);
    }

    public boolean wants(EventType type, long customerId) {
        return enabled && events.contains(type) && (allCustomers || customerIds.contains(customerId));
    }
}
