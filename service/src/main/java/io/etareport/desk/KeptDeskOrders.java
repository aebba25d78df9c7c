package io.etareport.desk;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.etareport.jobs.ReportJobs;
import io.etareport.report.OrderModel;
import io.etareport.report.Stages;

/**
 * Each customer's {@link DeskOrders}, kept between opens of the desk so that opening it does not parse every stored
 * report again (500 customers: seconds). An entry holds for one stored job on one basis (day, stages, how long a move
 * is news): a newer stored report, the next day or a changed status mapping builds it again. Bounded: the least
 * used customers go first.
 */
final class KeptDeskOrders {

    /** What a customer's desk orders were built from, besides the report. */
    record Basis(LocalDate today, Stages stages, Duration showMovesFor) {
    }

    private record Kept(String jobId, Basis basis, DeskOrders orders) {
    }

    private final Cache<Long, Kept> kept;
    private final ReportJobs jobs;

    KeptDeskOrders(ReportJobs jobs, int maxCustomers) {
        this.jobs = jobs;
        this.kept = Caffeine.newBuilder().maximumSize(maxCustomers).build();
    }

    /**
     * The desk orders of each customer's newest stored report, by customer id: kept ones reused, the others read
     * and built, on the common fork-join pool besides the caller (after a start, or after the scheduled warm-up stored
     * new reports, {@link DeskWarmUp} reads every one before anyone opens the desk). A report dropped meanwhile is
     * left out, as if not stored.
     */
    Map<Long, Stored> of(List<ReportJobs.StoredJob> newest, Basis basis) {
        Map<Long, Stored> orders = new HashMap<>();
        List<ReportJobs.StoredJob> missing = new ArrayList<>();
        for (ReportJobs.StoredJob job : newest) {
            Kept hit = kept.getIfPresent(job.customerId());
            if (hit != null && hit.jobId().equals(job.jobId()) && hit.basis().equals(basis)) {
                orders.put(job.customerId(), new Stored(job, hit.orders()));
            } else {
                missing.add(job);
            }
        }
        missing.parallelStream().forEach(job -> build(job, basis).ifPresent(built -> {
            synchronized (orders) {
                orders.put(job.customerId(), new Stored(job, built));
            }
        }));
        return orders;
    }

    /** The job each kept customer's desk orders were built from, by customer id (what is in memory now). */
    Map<Long, String> keptJobIds() {
        Map<Long, String> ids = new HashMap<>();
        kept.asMap().forEach((customerId, entry) -> ids.put(customerId, entry.jobId()));
        return ids;
    }

    private Optional<DeskOrders> build(ReportJobs.StoredJob job, Basis basis) {
        return jobs.storedReport(job.jobId()).map(report -> {
            OrderModel model = new OrderModel(report, basis.today(), basis.stages(), basis.showMovesFor());
            DeskOrders built = DeskOrders.of(job.customerId(), report, model);
            kept.put(job.customerId(), new Kept(job.jobId(), basis, built));
            return built;
        });
    }

    /** A customer's newest stored job and what it puts on the desk. */
    record Stored(ReportJobs.StoredJob job, DeskOrders orders) {
    }
}
