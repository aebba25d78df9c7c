package io.etareport.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.LinkMail;
import io.etareport.customers.LinkOpens;
import io.etareport.jobs.ReportJobs;
import io.etareport.report.OrderModels;
import io.etareport.report.ReportDisplay;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Gathers the desk from what is stored: the customers, each one's newest stored report ({@link ReportJobs}), the
 * order model of each (kept between opens by {@link KeptDeskOrders}), and their link opens. Never calls the supplier.
 */
@Service
@EnableConfigurationProperties(DeskProperties.class)
class DeskData {

    static final Duration OPENS_WINDOW = Duration.ofDays(30);

    private final CustomerRepository customers;
    private final CustomerLinks links;
    private final ReportJobs jobs;
    private final KeptDeskOrders kept;
    private final OrderModels models;
    private final ReportDisplay display;
    private final LinkOpens opens;
    private final Clock clock;
    private final LinkMail mail;

    DeskData(CustomerRepository customers, CustomerLinks links, ReportJobs jobs, OrderModels models,
             ReportDisplay display, LinkOpens opens, Clock clock, LinkMail mail, DeskProperties properties) {
        this.kept = new KeptDeskOrders(jobs, properties.keptCustomers());
        this.mail = mail;
        this.customers = customers;
        this.links = links;
        this.jobs = jobs;
        this.models = models;
        this.display = display;
        this.opens = opens;
        this.clock = clock;
    }

    /** @param linkFor a customer's full link (its host may come from the staff member's request) */
    Desk desk(java.util.function.Function<Customer, String> linkFor) {
        Map<Long, KeptDeskOrders.Stored> stored = newestOrders();
        Set<Long> paused = links.pausedCustomerIds();
        var lastOpened = opens.lastOpened();
        var recentOpens = opens.countsSince(clock.instant().minus(OPENS_WINDOW));
        List<Desk.Source> sources = new ArrayList<>();
        for (Customer customer : customers.findAll()) {
            KeptDeskOrders.Stored newest = stored.get(customer.id());
            String link = linkFor.apply(customer);
            sources.add(new Desk.Source(customer.id(), customer.name(), paused.contains(customer.id()),
                    newest == null ? null : newest.job().storedAt(), newest == null ? null : newest.orders(),
                    lastOpened.get(customer.id()), recentOpens.getOrDefault(customer.id(), 0), link,
                    mail.mailto(customer, link)));
        }
        return Desk.of(sources);
    }

    /** Reads and keeps what every customer's newest stored report puts on the desk, so the next open need not. */
    int warm() {
        return newestOrders().size();
    }

    /** What the desk keeps in memory now: the job each customer's desk orders were built from, by customer id. */
    Map<Long, String> keptJobIds() {
        return kept.keptJobIds();
    }

    private Map<Long, KeptDeskOrders.Stored> newestOrders() {
        // One day and one set of stages for every customer: the same model the customer page builds per report.
        KeptDeskOrders.Basis basis = new KeptDeskOrders.Basis(display.today(), models.stages(),
                display.showMovesFor());
        return kept.of(jobs.newestStored(), basis);
    }
}
