package io.etareport.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.etareport.buz.Instance;
import io.etareport.buz.InstanceNames;
import io.etareport.cache.Source;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.report.OrderModels;
import io.etareport.report.OrderView;
import io.etareport.report.Progress;
import io.etareport.report.Report;
import io.etareport.report.ReportService;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns live reports into mails: fetches a subscribed customer's orders live, records what changed since its
 * subscribers were last told (through the order model, so a mail says what the page says), and in the same
 * transaction writes the mails that are due into the outbox. A stored copy is never compared, and nothing
 * changed means no mail. Paused links get nothing; replaced links end their subscriptions first.
 */
@Component
public class Updates {

    private static final Logger log = LoggerFactory.getLogger(Updates.class);
    /** "As it happens" subscribers get at most one mail in this long. */
    static final Duration IMMEDIATE_AT_MOST_EVERY = Duration.ofHours(1);

    private final ReportService reports;
    private final OrderModels models;
    private final CustomerRepository customers;
    private final CustomerLinks links;
    private final Subscriptions subscriptions;
    private final ChangeLog changes;
    private final Outbox outbox;
    private final MailComposer composer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OutboxSender sender;
    private final InstanceNames instanceNames;
    private final ApplicationEventPublisher events;
    /** Baselines taken after a sign-up, one at a time, off the request's thread. */
    private final ExecutorService baselines = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "update-baseline");
        thread.setDaemon(true);
        return thread;
    });

    Updates(ReportService reports, OrderModels models, CustomerRepository customers, CustomerLinks links,
            Subscriptions subscriptions, ChangeLog changes, Outbox outbox, MailComposer composer,
            TransactionTemplate transactions, Clock clock, OutboxSender sender, InstanceNames instanceNames,
            ApplicationEventPublisher events) {
        this.sender = sender;
        this.instanceNames = instanceNames;
        this.events = events;
        this.reports = reports;
        this.models = models;
        this.customers = customers;
        this.links = links;
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.outbox = outbox;
        this.composer = composer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How a run went: customers checked, of them live, changes found, mails written. */
    public record Summary(int customers, int live, int changes, int mails) {

        public String describe() {
            return customers + " customers checked (" + live + " with live data), " + changes + " changes found, "
                    + mails + " mails written.";
        }
    }

    /**
     * Checks every customer with subscribers and writes their due mails.
     *
     * @param digest whether daily-digest subscribers are due too (the digest's time, or an operator's command)
     * @param lines  one line per customer, naming it: for an operator's terminal only, never for the log
     */
    public Summary run(boolean digest, Consumer<String> lines) {
        if (digest) {
            // Until the daily run after a link was replaced, staff may move its subscribers to the new link.
            subscriptions.endReplacedLinks(customers::findById);
        }
        List<Long> ids = subscriptions.customersWithSubscribers(digest ? null : Subscriptions.Cadence.IMMEDIATE);
        Set<Long> paused = links.pausedCustomerIds();
        int live = 0;
        int found = 0;
        int mails = 0;
        for (long id : ids) {
            Optional<Customer> customer = customers.findById(id);
            if (customer.isEmpty() || paused.contains(id)) {
                continue;
            }
            Checked checked = check(customer.get(), digest);
            live += checked.live() ? 1 : 0;
            found += checked.changes();
            mails += checked.mails();
            lines.accept("#" + id + " " + customer.get().name() + ": " + (checked.live() ? "live" : "no live data")
                    + ", " + checked.changes() + " changes, " + checked.mails() + " mails");
        }
        return new Summary(ids.size(), live, found, mails);
    }

    /**
     * Soon after someone signs up for a customer nobody follows, takes the customer's orders as they are now from
     * live data, so the first change after it is news (changes are only found against what was seen). What was
     * seen while an earlier subscriber followed is out of date once nobody does: what changed since is not news
     * for the newcomer (confirming starts after the changes this look records).
     */
    void baselineSoon(Customer customer) {
        boolean followed = subscriptions.confirmed(customer.id()).stream()
                .anyMatch(subscriber -> subscriber.stoppedAt() == null);
        if (!followed || !changes.hasState(customer.id())) {
            baselines.execute(() -> check(customer, false));
        }
    }

    @PreDestroy
    void stop() {
        baselines.shutdownNow();
    }

    /**
     * Checks one customer live now, as the scheduled runs do: records its changes (published as
     * {@link OrderChangesRecorded}) and writes any "as it happens" mails that are due. For modules that follow
     * customers without subscribers (webhooks). Answers whether any factory's data was live.
     */
    public boolean checkLive(Customer customer) {
        return check(customer, false).live();
    }

    /** Sends every mail that is due now; answers how many went. */
    public int deliverDue() {
        return sender.deliverDue().sent();
    }

    private record Checked(boolean live, int changes, int mails) {
    }

    private Checked check(Customer customer, boolean digest) {
        Report report;
        try {
            report = reports.build(customer, Progress.NONE);
        } catch (RuntimeException e) {
            log.warn("Could not check customer #{} for updates: {}", customer.id(), e.getClass().getSimpleName());
            report = null;
        }
        Set<Instance> live = EnumSet.noneOf(Instance.class);
        if (report != null) {
            report.sources().stream().filter(source -> source.kind() == Source.LIVE)
                    .forEach(source -> live.add(source.instance()));
        }
        List<OrderView> views = live.isEmpty() ? List.of() : models.of(report).orders();
        List<OrderFacts> facts = views.stream().map(OrderFacts::of).toList();
        return transactions.execute(status -> {
            changes.lock(customer.id());
            List<Change> found = live.isEmpty() ? List.of() : changes.record(customer.id(), facts, live);
            if (!found.isEmpty()) {
                // Inside this transaction: what listeners write (webhook deliveries) stands or falls with the changes.
                events.publishEvent(OrderChangesRecorded.of(customer.id(), found, views));
            }
            return new Checked(!live.isEmpty(), found.size(), plan(customer, digest));
        });
    }

    /** Writes a mail for each subscriber who is due and has news; answers how many. */
    private int plan(Customer customer, boolean digest) {
        int mails = 0;
        long now = clock.millis();
        for (Subscriptions.Subscriber subscriber : subscriptions.confirmed(customer.id())) {
            if (subscriber.stoppedAt() != null || !subscriber.linkId().equals(customer.obfuscatedId())) {
                continue;
            }
            boolean due = subscriber.cadence() == Subscriptions.Cadence.DIGEST ? digest
                    : subscriber.lastSentAt() == null
                    || now - subscriber.lastSentAt() >= IMMEDIATE_AT_MOST_EVERY.toMillis();
            if (!due) {
                continue;
            }
            List<ChangeLog.Recorded> news = changes.since(customer.id(), subscriber.lastChangeId());
            if (news.isEmpty()) {
                continue;
            }
            long upTo = news.get(news.size() - 1).id();
            List<DigestLines.Line> lines = DigestLines.of(news.stream().map(ChangeLog.Recorded::change).toList(),
                    instanceNames::of);
            if (lines.isEmpty()) {
                subscriptions.told(subscriber.id(), upTo, false); // a date moved and moved back: nothing to say
                continue;
            }
            MailComposer.Mail mail = composer.digest(subscriber.siteUrl() + "/" + customer.obfuscatedId(), lines,
                    subscriber.unsubscribeUrl());
            // One mail per subscriber and change set, however often this is decided.
            if (outbox.add("updates:" + subscriber.id() + ":" + upTo, subscriber.id(), subscriber.email(), mail,
                    subscriber.unsubscribeUrl())) {
                mails++;
            }
            subscriptions.told(subscriber.id(), upTo, true);
        }
        return mails;
    }
}
