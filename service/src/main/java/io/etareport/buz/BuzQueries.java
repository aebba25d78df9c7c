package io.etareport.buz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.etareport.buz.BuzException.Kind;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The questions the service asks BuzManager. Each call goes live (no cache here) and either
 * returns everything or throws a {@link BuzException}.
 * <p>
 * The column policy's one boundary: every row enters the service here, and only the columns the policy allows
 * leave, so the cache, the report and everything built on them never hold another. (A column held back later is
 * stripped from stored copies by the {@code columns} module, and from a stored report where it is served.)
 */
@Service
public class BuzQueries implements DisposableBean {

    static final String JOBS_SCHEDULE = "JobsScheduleDetailed";
    static final String SALES_REPORT = "SalesReport";
    static final String WORK_IN_PROGRESS = "Work in Progress";

    private final BuzClient client;
    private final int batchConcurrency;
    private final Batches batches;
    private final ColumnRegistry columns;

    @Autowired
    BuzQueries(BuzClient client, BuzProperties properties, ColumnRegistry columns,
               @Qualifier(BuzExecutors.BATCH_HELPERS) ThreadPoolTaskExecutor batchHelpers) {
        this.client = client;
        this.columns = columns;
        this.batchConcurrency = properties.batchConcurrency();
        this.batches = new Batches(batchHelpers);
    }

    /** Without Spring: with a pool of its own, stopped by {@link #destroy()}. */
    BuzQueries(BuzClient client, BuzProperties properties, ColumnRegistry columns) {
        this.client = client;
        this.columns = columns;
        this.batchConcurrency = properties.batchConcurrency();
        this.batches = new Batches(Batches.helperThreads(properties.batchConcurrency()));
    }

    /**
     * The open order lines of a customer, or of every customer in a customer group, on one
     * instance: only allowed columns kept, each line dated with its order's latest date.
     */
    public List<OrderLine> openOrders(Instance instance, CustomerScope scope) {
        requireName(scope.name());
        List<Map<String, Object>> rows = switch (scope.kind()) {
            case CUSTOMER -> client.fetch(instance, ODataQuery.of(JOBS_SCHEDULE,
                    ODataFilter.and(openLines(), ODataFilter.eq("Customer", scope.name()))));
            case GROUP -> groupRows(instance, scope.name());
        };
        return admitted(instance, rows);
    }

    /** The distinct production statuses of open order lines on one instance, trimmed and sorted. */
    public List<String> productionStatuses(Instance instance) {
        List<Map<String, Object>> rows = client.fetch(instance,
                ODataQuery.of(JOBS_SCHEDULE, openLines()).withSelect(OrderLineReader.PRODUCTION_STATUS));
        TreeSet<String> statuses = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            String status = OrderLineReader.text(row.get(OrderLineReader.PRODUCTION_STATUS));
            if (status != null && !status.isEmpty()) {
                statuses.add(status);
            }
        }
        return List.copyOf(statuses);
    }

    /**
     * One order's rows for staff, as BuzManager sends them minus OData annotations, with only the
     * allowed columns: like every row entering the service, they may be cached and shown.
     */
    public List<Map<String, Object>> order(Instance instance, OrderSet set, String refNo) {
        requireName(refNo);
        List<Map<String, Object>> rows = client.fetch(instance,
                ODataQuery.of(set.entitySet(), ODataFilter.eq(OrderLineReader.REF_NO, refNo)));
        columns.seen(SeenColumns.of(instance, set.entitySet(), rows));
        ColumnPolicy policy = columns.policy();
        return rows.stream().map(row -> Collections.unmodifiableMap(policy.filter(row))).toList();
    }

    /**
     * The open order lines of the given customers (a group's members, see {@link #groupMembers}),
     * asked in batches short enough for a URL.
     */
    public List<OrderLine> openOrdersOf(Instance instance, List<String> customers) {
        List<Map<String, Object>> rows = customersRows(instance, customers);
        return admitted(instance, rows);
    }

    /** Order lines from {@code JobsScheduleDetailed} rows, with only the allowed columns; their columns noted as seen. */
    private List<OrderLine> admitted(Instance instance, List<Map<String, Object>> rows) {
        columns.seen(SeenColumns.of(instance, JOBS_SCHEDULE, rows));
        return OrderLineReader.read(instance, rows, columns.policy());
    }

    private List<Map<String, Object>> groupRows(Instance instance, String group) {
        return customersRows(instance, groupMembers(instance, group));
    }

    private List<Map<String, Object>> customersRows(Instance instance, List<String> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        ODataQuery base = ODataQuery.of(JOBS_SCHEDULE, openLines());
        List<List<String>> split;
        try {
            split = InBatches.split(customers,
                    names -> client.urlLength(instance, base.withFilter(customersIn(names))), client.maxUrlLength());
        } catch (IllegalArgumentException e) {
            throw new BuzException(Kind.REJECTED, instance, 0, "A customer name in the group is too long to ask "
                    + "BuzManager " + instance + " (" + JOBS_SCHEDULE + ") about.");
        }
        List<List<Map<String, Object>>> results;
        try {
            results = batches.run(split.size(), batchConcurrency,
                    index -> client.fetch(instance, base.withFilter(customersIn(split.get(index)))));
        } catch (IllegalStateException e) {
            throw new BuzException(Kind.TIMEOUT, instance, 0,
                    "Fetching a customer group from BuzManager " + instance + " was interrupted.", e);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        results.forEach(rows::addAll);
        return rows;
    }

    /** The distinct, trimmed, sorted names of the customers in a customer group with work in progress. */
    public List<String> groupMembers(Instance instance, String group) {
        requireName(group);
        List<Map<String, Object>> rows = client.fetch(instance, ODataQuery.of(SALES_REPORT, ODataFilter.and(
                ODataFilter.eq("Order_Status", WORK_IN_PROGRESS), ODataFilter.eq("CustomerGroup", group)))
                .withSelect("Customer"));
        TreeSet<String> names = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            String name = OrderLineReader.text(row.get("Customer"));
            if (name != null && !name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static ODataFilter openLines() {
        return ODataFilter.and(ODataFilter.eq("OrderStatus", WORK_IN_PROGRESS),
                ODataFilter.neNull(OrderLineReader.PRODUCTION_STATUS));
    }

    private static ODataFilter customersIn(List<String> names) {
        return ODataFilter.and(openLines(), ODataFilter.in("Customer", names));
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A name to look up in BuzManager must not be blank");
        }
    }

    @Override
    public void destroy() {
        batches.close();
    }
}
