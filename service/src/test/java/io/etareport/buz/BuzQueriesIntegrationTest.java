package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.RequestCounts.RecordedRequest;
import io.etareport.simulator.SimulatorDataSet;
import io.etareport.simulator.SimulatorSettings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queries over real HTTP against the simulator, with small pages so that paging is exercised.
 * Expected rows come from the simulator's data set, filtered here the way the specification says.
 */
class BuzQueriesIntegrationTest {

    private static final int PAGE_SIZE = 10;
    private static final String JOBS = "JobsScheduleDetailed";

    private static BuzSimulator simulator;
    private static BuzQueries queries;

    @BeforeAll
    static void start() {
        simulator = BuzSimulator.start(SimulatorSettings.defaults().withPageSize(PAGE_SIZE));
        queries = new SimulatedBuz(simulator).queries();
    }

    @AfterAll
    static void stop() {
        queries.destroy();
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void aCustomersOpenOrdersComeWithEveryRowAcrossPages() {
        String customer = largestCustomer(Instance.DD);
        List<Map<String, Object>> expected = openRows(Instance.DD, row -> customer.equals(row.get("Customer")));

        List<OrderLine> lines = queries.openOrders(Instance.DD, CustomerScope.customer(customer));

        assertThat(expected.size()).as("the test needs a customer with 3+ pages").isGreaterThan(2 * PAGE_SIZE);
        assertThat(simulator.requestCounts().count("DD", JOBS)).isEqualTo((expected.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        assertThat(keys(lines)).isEqualTo(keysOf(expected));
        assertThat(lines).allSatisfy(line -> assertThat(line.instance()).isEqualTo(Instance.DD));
    }

    @Test
    void namesWithQuotesAmpersandsAndAccentsSurviveTheTrip() {
        for (String customer : List.of(DemoCustomers.APOSTROPHE, DemoCustomers.AMPERSAND, DemoCustomers.NON_ASCII_DD)) {
            List<OrderLine> lines = queries.openOrders(Instance.DD, CustomerScope.customer(customer));

            assertThat(lines).as(customer).isNotEmpty();
            assertThat(keys(lines)).as(customer)
                    .isEqualTo(keysOf(openRows(Instance.DD, row -> customer.equals(row.get("Customer")))));
        }
        List<OrderLine> twoApostrophes = queries.openOrders(Instance.CBR,
                CustomerScope.customer(DemoCustomers.APOSTROPHE_GROUP_MEMBER));
        assertThat(twoApostrophes).isNotEmpty();
        assertThat(twoApostrophes).allSatisfy(line ->
                assertThat(line.otherColumns().get("Customer")).isEqualTo("D'Angelo's Interiors"));
    }

    @Test
    void aCustomerWithoutOpenOrdersHasNone() {
        assertThat(queries.openOrders(Instance.DD, CustomerScope.customer(DemoCustomers.NO_OPEN_ORDERS))).isEmpty();
        assertThat(queries.openOrders(Instance.DD, CustomerScope.customer("Nobody By This Name"))).isEmpty();
    }

    @Test
    void linesCarryNoSensitiveColumnAndTheOrdersLatestDate() {
        List<OrderLine> lines = queries.openOrders(Instance.DD, CustomerScope.customer(DemoCustomers.ON_BOTH));

        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line.otherColumns().keySet())
                .noneMatch(SensitiveColumns::isSensitive)
                .doesNotContainAnyElementsOf(SimulatorDataSet.SENSITIVE_COLUMNS));
        Map<String, Set<Object>> datesPerOrder = lines.stream().collect(Collectors.groupingBy(OrderLine::refNo,
                Collectors.mapping(line -> Objects.toString(line.dateScheduled()), Collectors.toSet())));
        assertThat(datesPerOrder.values()).allSatisfy(dates -> assertThat(dates).hasSize(1));
    }

    @Test
    void theThreeHundredCustomerGroupReturnsEveryOrderWithEveryUrlUnderTheLimit() {
        Set<String> members = groupMembers(Instance.CBR, DemoCustomers.BIG_GROUP);
        List<Map<String, Object>> expected = openRows(Instance.CBR, row -> members.contains(row.get("Customer")));

        List<OrderLine> lines = queries.openOrders(Instance.CBR, CustomerScope.group(DemoCustomers.BIG_GROUP));

        assertThat(members).hasSize(300);
        assertThat(keys(lines)).isEqualTo(keysOf(expected));
        assertThat(lines.stream().map(line -> line.otherColumns().get("Customer")).collect(Collectors.toSet()))
                .isEqualTo(expected.stream().map(row -> row.get("Customer")).collect(Collectors.toSet()))
                .hasSizeGreaterThan(250);
        List<RecordedRequest> requests = simulator.requestCounts().recent().stream()
                .filter(request -> request.entitySet().equals(JOBS)).toList();
        assertThat(requests).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
        long batches = requests.stream().filter(request -> !request.query().contains("$skiptoken")).count();
        assertThat(batches).as("the names cannot fit in one URL").isGreaterThan(1);
    }

    @Test
    void noGroupRequestIsLongerThanTheLimitWhenTheServerEnforcesIt() {
        // The simulator answers 414 to any query string longer than it allows: give it exactly our URL limit.
        int prefix = (simulator.baseUrl("CBR") + "/" + JOBS + "?").length();
        try (BuzSimulator strict = BuzSimulator.start(SimulatorSettings.defaults().withMaxQueryLength(1200 - prefix))) {
            BuzQueries strictQueries = new SimulatedBuz(strict).maxUrlLength(1200).queries();
            try {
                List<OrderLine> lines = strictQueries.openOrders(Instance.CBR,
                        CustomerScope.group(DemoCustomers.BIG_GROUP));

                assertThat(lines).isNotEmpty();
                assertThat(strict.requestCounts().recent()).allSatisfy(request ->
                        assertThat(request.status()).isEqualTo(200));
            } finally {
                strictQueries.destroy();
            }
        }
    }

    @Test
    void aSmallGroupWithQuotedAndAccentedMembersReturnsEachMembersOrders() {
        Set<String> members = groupMembers(Instance.CBR, DemoCustomers.CBR_GROUP);

        List<OrderLine> lines = queries.openOrders(Instance.CBR, CustomerScope.group(DemoCustomers.CBR_GROUP));

        assertThat(members).contains(DemoCustomers.APOSTROPHE_GROUP_MEMBER, DemoCustomers.NON_ASCII);
        assertThat(keys(lines)).isEqualTo(keysOf(openRows(Instance.CBR, row -> members.contains(row.get("Customer")))));
    }

    @Test
    void aGroupWithoutCustomersIsEmptyWithoutASecondCall() {
        List<OrderLine> lines = queries.openOrders(Instance.CBR, CustomerScope.group("No Such Group"));

        assertThat(lines).isEmpty();
        assertThat(simulator.requestCounts().count("CBR", "SalesReport")).isEqualTo(1);
        assertThat(simulator.requestCounts().count("CBR", JOBS)).isZero();
    }

    @Test
    void productionStatusesAreTheDistinctTrimmedStatusesOfOpenLines() {
        TreeSet<String> expected = new TreeSet<>();
        for (Map<String, Object> row : openRows(Instance.DD, row -> true)) {
            String status = row.get("ProductionStatus").toString().trim();
            if (!status.isEmpty()) {
                expected.add(status);
            }
        }

        assertThat(queries.productionStatuses(Instance.DD)).containsExactlyElementsOf(expected);
    }

    @Test
    void anOrderIsLookedUpInEitherSetWithoutODataAnnotationsWithOnlyAllowedColumns() {
        ColumnPolicy policy = SimulatedBuz.DEFAULT_COLUMNS.policy();
        for (OrderSet set : OrderSet.values()) {
            List<Map<String, Object>> expected = simulator.dataSet().rows("DD", set.entitySet()).stream()
                    .filter(row -> "90001".equals(row.get("RefNo"))).toList();

            List<Map<String, Object>> rows = queries.order(Instance.DD, set, "90001");

            assertThat(expected).as(set.name()).isNotEmpty();
            assertThat(rows).as(set.name()).hasSameSizeAs(expected);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.get("RefNo")).isEqualTo("90001");
                assertThat(row.keySet()).noneMatch(key -> key.startsWith("@"));
                assertThat(row.keySet()).noneMatch(SensitiveColumns::isSensitive);
                assertThat(row.keySet()).containsExactlyElementsOf(expected.get(0).keySet().stream()
                        .filter(policy::allows).toList());
                assertThat(row.keySet()).doesNotContain("SellPrice", "CurrentStage");
            });
        }
    }

    @Test
    void thePostQueryModeReturnsTheSameRows() {
        BuzQueries posting = new SimulatedBuz(simulator).usePostQuery().queries();
        try {
            String customer = largestCustomer(Instance.DD);
            List<OrderLine> viaGet = queries.openOrders(Instance.DD, CustomerScope.customer(customer));
            simulator.resetRequestCounts();

            List<OrderLine> viaPost = posting.openOrders(Instance.DD, CustomerScope.customer(customer));

            assertThat(viaPost).isEqualTo(viaGet);
            assertThat(simulator.requestCounts().recent()).first()
                    .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
            assertThat(posting.openOrders(Instance.CBR, CustomerScope.group(DemoCustomers.CBR_GROUP)))
                    .isEqualTo(queries.openOrders(Instance.CBR, CustomerScope.group(DemoCustomers.CBR_GROUP)));
        } finally {
            posting.destroy();
        }
    }

    // --- the expectations, from the simulator's data set ---

    private static List<Map<String, Object>> openRows(Instance instance, Predicate<Map<String, Object>> which) {
        return simulator.dataSet().rows(instance.code(), JOBS).stream()
                .filter(row -> "Work in Progress".equals(row.get("OrderStatus")) && row.get("ProductionStatus") != null)
                .filter(which)
                .toList();
    }

    private static Set<String> groupMembers(Instance instance, String group) {
        return simulator.dataSet().rows(instance.code(), "SalesReport").stream()
                .filter(row -> "Work in Progress".equals(row.get("Order_Status")) && group.equals(row.get("CustomerGroup")))
                .map(row -> row.get("Customer").toString().trim())
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String largestCustomer(Instance instance) {
        return openRows(instance, row -> true).stream()
                .collect(Collectors.groupingBy(row -> row.get("Customer").toString(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Order number and line number of each line, sorted, duplicates kept. */
    private static List<String> keys(List<OrderLine> lines) {
        List<String> keys = new ArrayList<>();
        lines.forEach(line -> keys.add(line.refNo() + "/" + line.fixedLine() + "/" + line.inventoryItem()));
        keys.sort(null);
        return keys;
    }

    private static List<String> keysOf(List<Map<String, Object>> rows) {
        List<String> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(OrderLineReader.text(row.get("RefNo")) + "/"
                + OrderLineReader.text(row.get("FixedLine")) + "/" + OrderLineReader.text(row.get("InventoryItem"))));
        keys.sort(null);
        return keys;
    }
}
