package io.etareport.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.LinkMail;
import io.etareport.customers.LinkOpens;
import io.etareport.jobs.ReportJobs;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderModels;
import io.etareport.report.ReportDisplay;
import io.etareport.report.Stages;

import org.springframework.stereotype.Service;

/**
 * Gathers the desk from what is stored: the customers, each one's newest stored report ({@link ReportJobs}), the
 * order model of each, and their link opens. Never calls the supplier.
 */
@Service
class DeskData {

    static final Duration OPENS_WINDOW = Duration.ofDays(30);

    private final CustomerRepository customers;
    private final CustomerLinks links;
    private final ReportJobs jobs;
    private final OrderModels models;
    private final ReportDisplay display;
    private final LinkOpens opens;
    private final Clock clock;
    private final LinkMail mail;

    DeskData(CustomerRepository customers, CustomerLinks links, ReportJobs jobs, OrderModels models,
             ReportDisplay display, LinkOpens opens, Clock clock, LinkMail mail) {
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
        Map<Long, ReportJobs.StoredReport> newest = new HashMap<>();
        jobs.newestReports().forEach(stored -> newest.put(stored.customerId(), stored));
        Set<Long> paused = links.pausedCustomerIds();
        var lastOpened = opens.lastOpened();
        var recentOpens = opens.countsSince(clock.instant().minus(OPENS_WINDOW));
        // One day and one set of stages for every customer: the same model the customer page builds per report.
        LocalDate today = display.today();
        Stages stages = models.stages();
        List<Desk.Source> sources = new ArrayList<>();
        for (Customer customer : customers.findAll()) {
            ReportJobs.StoredReport stored = newest.get(customer.id());
            String link = linkFor.apply(customer);
            OrderModel model = stored == null ? null
                    : new OrderModel(stored.report(), today, stages, display.showMovesFor());
            sources.add(new Desk.Source(customer.id(), customer.name(), paused.contains(customer.id()),
                    stored == null ? null : stored.storedAt(), stored == null ? null : stored.report(), model,
                    lastOpened.get(customer.id()), recentOpens.getOrDefault(customer.id(), 0), link,
                    mail.mailto(customer, link)));
        }
        return Desk.of(sources);
    }
}
