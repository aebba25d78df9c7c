package io.etareport.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.etareport.audit.AuditLog;
import io.etareport.customers.CustomerRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering, rotating, switching on and removing endpoints, for the staff page and the JSON API alike; every
 * change is in the audit log (never the secret).
 */
@Service
public class Webhooks {

    static final String AUDIT_ENTITY = "webhook";
    /** The delivery log shows at most this many of an endpoint's deliveries. */
    static final int LOG_ROWS = 200;

    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final AddressGuard guard;
    private final CustomerRepository customers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebhookProperties properties;

    Webhooks(Endpoints endpoints, Deliveries deliveries, AddressGuard guard, CustomerRepository customers,
             AuditLog audit, TransactionTemplate transactions, Clock clock, WebhookProperties properties) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.customers = customers;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A registration or rotation that was not allowed, said plainly. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A new endpoint, or one with a new secret: the secret is in this answer and nowhere else. */
    public record Created(Endpoint endpoint, String secret) {
    }

    /**
     * @param events      event type codes ({@code order.ready}, ...)
     * @param customerIds the customers to follow; ignored when {@code allCustomers}
     */
    public Created register(String url, Collection<String> events, boolean allCustomers,
                            Collection<Long> customerIds, String actor) {
        String checked;
        try {
            checked = guard.check(url).toString();
        } catch (AddressGuard.Refused refused) {
            throw new Refused(refused.getMessage());
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (String event : events == null ? List.<String>of() : events) {
            types.add(EventType.of(event).orElseThrow(() -> new Refused("Unknown event: " + event
                    + ". Choose from order.date_changed, order.ready, order.overdue and order.finished.")));
        }
        if (types.isEmpty()) {
            throw new Refused("Choose at least one event.");
        }
        Set<Long> followed = new LinkedHashSet<>(customerIds == null ? List.of() : customerIds);
        if (!allCustomers) {
            if (followed.isEmpty()) {
                throw new Refused("Choose all customers or at least one customer.");
            }
            for (long id : followed) {
                if (customers.findById(id).isEmpty()) {
                    throw new Refused("No customer has the id " + id + ".");
                }
            }
        }
        String secret = WebhookSecret.generate();
        return transactions.execute(status -> {
            long id = endpoints.add(checked, types, allCustomers, followed, secret, clock.instant(), actor);
            Endpoint endpoint = endpoints.find(id).orElseThrow();
            audit.record(actor, AUDIT_ENTITY, id, "add", null, snapshot(endpoint));
            return new Created(endpoint, secret);
        });
    }

    public List<Endpoint> list() {
        return endpoints.all();
    }

    public Optional<Endpoint> find(long id) {
        return endpoints.find(id);
    }

    /** A new secret; the old one stops signing at once. */
    public Optional<Created> rotateSecret(long id, String actor) {
        String secret = WebhookSecret.generate();
        return transactions.execute(status -> {
            if (!endpoints.rotateSecret(id, secret)) {
                return Optional.<Created>empty();
            }
            audit.record(actor, AUDIT_ENTITY, id, "rotate secret", null, null);
            return endpoints.find(id).map(endpoint -> new Created(endpoint, secret));
        });
    }

    /** Switches an endpoint that was switched off back on; its failing time starts again. */
    public boolean switchOn(long id, String actor) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Endpoint> before = endpoints.find(id);
            if (before.isEmpty() || !endpoints.switchOn(id)) {
                return false;
            }
            audit.record(actor, AUDIT_ENTITY, id, "switch on", snapshot(before.get()),
                    snapshot(endpoints.find(id).orElseThrow()));
            return true;
        }));
    }

    /** Removes an endpoint with its delivery log. */
    public boolean delete(long id, String actor) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Endpoint> before = endpoints.find(id);
            if (before.isEmpty() || !endpoints.delete(id)) {
                return false;
            }
            audit.record(actor, AUDIT_ENTITY, id, "delete", snapshot(before.get()), null);
            return true;
        }));
    }

    /** An endpoint's delivery log, newest first (kept {@code eta.webhooks.keep-deliveries}). */
    public List<Delivery> deliveries(long endpointId) {
        return deliveries.log(endpointId, LOG_ROWS);
    }

    /** Delivery records older than {@code eta.webhooks.keep-deliveries}: counted, or deleted when {@code delete}. */
    public int purgeDeliveries(boolean delete) {
        return deliveries.purge(properties.keepDeliveries(), delete);
    }

    public Duration keepDeliveries() {
        return properties.keepDeliveries();
    }

    private static Map<String, Object> snapshot(Endpoint endpoint) {
        List<String> events = new ArrayList<>(endpoint.events().stream().map(EventType::code).toList());
        return AuditLog.fields("url", endpoint.url(), "events", events,
                "customers", endpoint.allCustomers() ? "all" : endpoint.customerIds(),
                "enabled", endpoint.enabled());
    }
}
