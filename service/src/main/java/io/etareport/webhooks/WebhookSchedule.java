package io.etareport.webhooks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.notify.Updates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The webhooks' scheduled tasks; {@code schedule.ScheduledWork} (the one home of scheduled work) runs them once per
 * cluster.
 */
@Component
@ConditionalOnWebApplication
public class WebhookSchedule {

    private static final Logger log = LoggerFactory.getLogger(WebhookSchedule.class);

    private final Endpoints endpoints;
    private final WebhookSender sender;
    private final CustomerRepository customers;
    private final CustomerLinks links;
    private final Updates updates;

    WebhookSchedule(Endpoints endpoints, WebhookSender sender, CustomerRepository customers, CustomerLinks links,
                    Updates updates) {
        this.endpoints = endpoints;
        this.sender = sender;
        this.customers = customers;
        this.links = links;
        this.updates = updates;
    }

    /**
     * Fetches live the customers that switched-on endpoints follow, so their changes are recorded (and delivered
     * by the listener) even when nobody subscribed to their mails. Paused customers are skipped, as everywhere.
     * Answers how many customers had live data.
     */
    public int check() {
        List<Endpoint> on = endpoints.all().stream().filter(Endpoint::enabled).toList();
        if (on.isEmpty()) {
            return 0;
        }
        Set<Long> paused = links.pausedCustomerIds();
        Set<Long> followed = new LinkedHashSet<>();
        on.forEach(endpoint -> followed.addAll(endpoint.customerIds()));
        boolean all = on.stream().anyMatch(Endpoint::allCustomers);
        int live = 0;
        int checked = 0;
        for (Customer customer : customers.findAll()) {
            if ((all || followed.contains(customer.id())) && !paused.contains(customer.id())) {
                checked++;
                live += updates.checkLive(customer) ? 1 : 0;
            }
        }
        log.info("Webhooks check: {} customers checked, {} with live data", checked, live);
        return live;
    }

    public void send() {
        sender.deliverDue();
    }
}
