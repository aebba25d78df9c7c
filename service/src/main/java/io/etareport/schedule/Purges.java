package io.etareport.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.etareport.api.ApiCallLog;
import io.etareport.audit.AuditLog;
import io.etareport.cache.CacheStore;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.LinkOpens;
import io.etareport.jobs.ReportJobs;
import io.etareport.notify.UpdateMailPurges;
import io.etareport.report.EtaHistory;
import io.etareport.webhooks.Webhooks;

import org.springframework.stereotype.Component;

/**
 * Everything that is deleted for its age, in one list: the scheduled purge and the {@code purge-jobs} command
 * both run it, so a new kind of old row is added here once (one line in {@link #Purges}) and both pick it up.
 */
@Component
public class Purges {

    /** One kind of old row: counted, or deleted when {@code delete} is set. */
    @FunctionalInterface
    interface Purge {
        Purged run(Duration jobsAge, boolean delete);
    }

    /**
     * How one purge went.
     *
     * @param what      the rows, plural, as an operator reads them ("finished jobs")
     * @param olderThan their age limit, as a number of days
     * @param count     how many were (or, counting only, would be) deleted
     */
    public record Purged(String what, long olderThanDays, int count) {

        public String describe(boolean deleted) {
            return deleted
                    ? "Deleted " + count + " " + what + " older than " + olderThanDays + " days."
                    : count + " " + what + " are older than " + olderThanDays + " days."
                    + " Run again with --confirm to delete them.";
        }
    }

    private final List<Purge> purges;

    Purges(ReportJobs jobs, AuditLog audit, EtaHistory history, ApiCallLog apiCalls, LinkOpens opens,
           CacheStore cache, CustomerLinks links, UpdateMailPurges updateMails, Webhooks webhooks, Clock clock) {
        this.purges = List.of(
                (age, delete) -> new Purged("finished jobs", age.toDays(), jobs.purgeFinished(age, delete)),
                (age, delete) -> new Purged("copies of staff order look-ups", age.toDays(),
                        cache.purgeOrderLookups(clock.instant().minus(age), delete)),
                (age, delete) -> new Purged("replaced links", age.toDays(), links.purgeRetired(age, delete)),
                (age, delete) -> new Purged("audit log entries", audit.keep().toDays(), audit.purgeExpired(delete)),
                (age, delete) -> new Purged("expected-date moves", history.keep().toDays(),
                        history.purgeExpired(delete)),
                (age, delete) -> new Purged("API calls", apiCalls.keep().toDays(), apiCalls.purge(delete)),
                (age, delete) -> new Purged("link opens", opens.keep().toDays(), opens.purge(delete)),
                (age, delete) -> new Purged("update mail records", updateMails.keepSent().toDays(),
                        updateMails.sentMails(delete)),
                (age, delete) -> new Purged("order changes found for update mails", updateMails.keepSent().toDays(),
                        updateMails.changes(delete)),
                (age, delete) -> new Purged("unconfirmed update mail addresses", updateMails.confirmValid().toDays(),
                        updateMails.unconfirmed(delete)),
                (age, delete) -> new Purged("webhook deliveries", webhooks.keepDeliveries().toDays(),
                        webhooks.purgeDeliveries(delete)));
    }

    /**
     * Runs every purge in turn.
     *
     * @param jobsAge finished jobs older than this go (the other rows keep their own settings)
     * @param delete  false only counts
     */
    public List<Purged> run(Duration jobsAge, boolean delete) {
        return purges.stream().map(purge -> purge.run(jobsAge, delete)).toList();
    }
}
