package io.etareport.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The simulator's rows: a blinds factory's open and closed orders on the two Buz instances, generated from a
 * seed. The same seed, scale and anchor date always give the same rows, in the same order.
 *
 * <h2>How it is built</h2>
 * <ol>
 *   <li><b>Names.</b> A pool of trade-customer names is formed from place names and surnames crossed with trades
 *   ({@code "Bayside Shutters"}, {@code "O'Brien Blinds & Awnings"}, {@code "Müller Interiors"}), sorted, then
 *   shuffled with a {@link Random} seeded by {@code seed}. Every later random choice draws from that one
 *   {@code Random}, in a fixed order, which is what makes the data set reproducible.</li>
 *   <li><b>Rosters.</b> DD ({@code DESDR}) gets 150 pooled customers, the first 45 of which are also on CBR
 *   ({@code WATSO}) under the same name; CBR gets 80 more of its own. Customer groups: on DD
 *   {@code Independent Retailers} and {@code Trade Partners NSW}; on CBR {@code Regional Dealers},
 *   {@link DemoCustomers#CBR_GROUP} (5 customers) and {@link DemoCustomers#BIG_GROUP} (exactly 300 customers,
 *   each with an order in progress; a few of those have no line with a production status). The {@link DemoCustomers} and the hostile names
 *   ({@code O'Malley Blinds}, {@code D'Angelo's Interiors}, {@code Smith & Sons}, {@code Café Façades},
 *   {@code Zoë Müller Interiors}) are added by name.</li>
 *   <li><b>Hand-written orders</b> for those named customers, so that every hostile case exists whatever the
 *   seed: order {@code 90001} at both factories for {@link DemoCustomers#ON_BOTH}; {@code DateScheduled}
 *   differing within an order; {@code not-a-date}, empty, {@code 2025-13-45T00:00:00Z}, missing,
 *   {@code +10:00} offsets, 7 fractional digits and date-only values; {@code null}, empty and oddly spaced or
 *   cased production statuses; exact duplicate lines; fully finished and partly finished orders; quotes and
 *   completed orders; references {@code <script>alert(1)</script>}, {@code =HYPERLINK("http://x","y")},
 *   {@code +1}, {@code -2}, {@code @SUM(A1)}.</li>
 *   <li><b>Random orders</b> for every pooled customer: 0–3 orders in {@code Work in Progress} (1–2 for group
 *   members), times {@code scale}, sometimes a {@code Quote}, {@code Complete} or {@code Cancelled} one; 1–15
 *   lines (1–6 in the big group) over real product groups and items; a status profile per order (open, partly
 *   finished, fully finished, early, many nulls); at low rates hostile references and dates, null or odd
 *   statuses, {@code N/A} or missing product groups, and a duplicated line. Order numbers count up from 41000 on
 *   each instance separately, so the same number often exists at both factories.</li>
 *   <li><b>Rows.</b> Each order line becomes a {@code JobsScheduleDetailed} row carrying harmless extras
 *   ({@code Width}, {@code Drop}, {@code Colour}, {@code Location}, {@code Qty}) and columns a customer must
 *   never see ({@code PkId}, {@code UnitCost}, {@code BuyPrice}, {@code COGS}, {@code Margin},
 *   {@code MarkupPct}, {@code WholesalePrice}, {@code SupplierPrice}, {@code Notes}, {@code BarcodeNo}). Each
 *   order also yields a {@code SalesReport} row ({@code Customer}, {@code CustomerGroup}, {@code Order_Status},
 *   totals, cost and margin; now and then the customer name carries stray spaces there), and each open order a
 *   {@code WorkInProgress} row. Rows are finally sorted by {@code PkId} (random GUIDs), so one order's lines
 *   land on different pages, as with a real server paging by key.</li>
 * </ol>
 * Dates are generated relative to {@code anchorDate} (default 2025-01-06) except the hostile literals, which
 * are fixed strings.
 */
public final class SimulatorDataSet {

    public static final String JOBS_SCHEDULE_DETAILED = "JobsScheduleDetailed";
    public static final String SALES_REPORT = "SalesReport";
    public static final String WORK_IN_PROGRESS = "WorkInProgress";

    public static final String WIP = "Work in Progress";
    public static final List<String> OPEN_STATUSES = List.of("Order Received", "Awaiting Fabric",
            "Awaiting Hardware", "Cutting", "Sewing", "Powder Coating", "In Production", "Quality Check",
            "Ready for Dispatch", "Dispatched", "On Hold");
    public static final List<String> FINISHED_STATUSES = List.of("Cancelled", "Invoiced",
            "Invoice ex GST fees - actioned in Xero", "Invoice ex GST fees - not in Xero");
    public static final List<String> HOSTILE_REFERENCES = List.of("<script>alert(1)</script>",
            "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)");
    public static final List<String> HOSTILE_DATES = List.of("not-a-date", "", "2025-13-45T00:00:00Z",
            "2025-01-05T00:00:00+10:00", "2025-01-05T00:00:00.0000000Z", "2025-01-05");
    public static final List<String> SENSITIVE_COLUMNS = List.of("PkId", "UnitCost", "BuyPrice", "COGS", "Margin",
            "MarkupPct", "WholesalePrice", "SupplierPrice", "Notes", "BarcodeNo", "TotalCost", "GrossMargin",
            "MarginPct");

    private static final int MAX_CACHED = 4;
    private static final Map<String, SimulatorDataSet> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SimulatorDataSet> eldest) {
            return size() > MAX_CACHED;
        }
    };

    private final long seed;
    private final int scale;
    private final LocalDate anchorDate;
    /** code → entity set → rows. */
    private final Map<String, Map<String, List<Object[]>>> rows;
    /** code → customer → group (null when none). */
    private final Map<String, Map<String, String>> customers;

    private SimulatorDataSet(long seed, int scale, LocalDate anchorDate,
                             Map<String, Map<String, List<Object[]>>> rows,
                             Map<String, Map<String, String>> customers) {
        this.seed = seed;
        this.scale = scale;
        this.anchorDate = anchorDate;
        this.rows = rows;
        this.customers = customers;
    }

    /** Generates (or reuses a cached copy of) the data set for these parameters; rows are immutable. */
    public static SimulatorDataSet generate(long seed, int scale, LocalDate anchorDate) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
        Objects.requireNonNull(anchorDate, "anchorDate");
        String key = seed + "/" + scale + "/" + anchorDate;
        synchronized (CACHE) {
            SimulatorDataSet cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        SimulatorDataSet built = build(seed, scale, anchorDate);
        synchronized (CACHE) {
            CACHE.putIfAbsent(key, built);
            return CACHE.get(key);
        }
    }

    /** Builds afresh, bypassing the cache. */
    static SimulatorDataSet build(long seed, int scale, LocalDate anchorDate) {
        return new Generator(seed, scale, anchorDate).build();
    }

    public long seed() {
        return seed;
    }

    public int scale() {
        return scale;
    }

    public LocalDate anchorDate() {
        return anchorDate;
    }

    /** The column names of an entity set, in the order rows carry them. */
    public static List<String> columns(String entitySet) {
        return schema(entitySet).columns().stream().map(BuzSchema.Column::name).toList();
    }

    /** Copies of the rows of one entity set on one instance ({@code DESDR}/{@code WATSO} or DD/CBR). */
    public List<Map<String, Object>> rows(String code, String entitySet) {
        BuzSchema.EntitySchema schema = schema(entitySet);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : rawRows(code, entitySet)) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                map.put(schema.columns().get(i).name(), row[i]);
            }
            out.add(Collections.unmodifiableMap(map));
        }
        return Collections.unmodifiableList(out);
    }

    public int size(String code, String entitySet) {
        return rawRows(code, entitySet).size();
    }

    /** Every customer name known to an instance (with or without orders). */
    public SortedSet<String> customers(String code) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(customersOf(code).keySet()));
    }

    /** The customer group names of an instance. */
    public SortedSet<String> groups(String code) {
        TreeSet<String> groups = new TreeSet<>();
        customersOf(code).values().stream().filter(Objects::nonNull).forEach(groups::add);
        return Collections.unmodifiableSortedSet(groups);
    }

    /** The customers of one group on one instance. */
    public SortedSet<String> groupMembers(String code, String group) {
        TreeSet<String> members = new TreeSet<>();
        customersOf(code).forEach((customer, g) -> {
            if (group.equals(g)) {
                members.add(customer);
            }
        });
        return Collections.unmodifiableSortedSet(members);
    }

    List<Object[]> rawRows(String code, String entitySet) {
        Map<String, List<Object[]>> sets = rows.get(BuzSimulator.normaliseCode(code));
        if (sets == null) {
            throw new IllegalArgumentException("Unknown instance code " + code);
        }
        List<Object[]> list = sets.get(entitySet);
        if (list == null) {
            throw new IllegalArgumentException("Unknown entity set " + entitySet);
        }
        return list;
    }

    private Map<String, String> customersOf(String code) {
        Map<String, String> map = customers.get(BuzSimulator.normaliseCode(code));
        if (map == null) {
            throw new IllegalArgumentException("Unknown instance code " + code);
        }
        return map;
    }

    private static BuzSchema.EntitySchema schema(String entitySet) {
        BuzSchema.EntitySchema schema = BuzSchema.byName(entitySet);
        if (schema == null) {
            throw new IllegalArgumentException("Unknown entity set " + entitySet);
        }
        return schema;
    }

    // ------------------------------------------------------------------------------------------------------

    /** Builds the data set; one instance per build, single-threaded. */
    private static final class Generator {

        private static final List<String> PLACES = List.of("Harbour", "Coastal", "Summit", "Bayside",
                "Riverside", "Northern", "Eastwood", "Westgate", "Parkview", "Hillcrest", "Lakeside", "Greenway",
                "Sunrise", "Ironbark", "Wattle", "Banksia", "Jacaranda", "Kingsford", "Marlow", "Ashford",
                "Brighton", "Carlton", "Dalton", "Elwood", "Fairfield", "Glenelg", "Hampton", "Ivanhoe", "Jamison",
                "Kirra", "Leura", "Manly", "Newport", "Oatley", "Penrith", "Queanbeyan", "Rosebery", "Seaford",
                "Toorak", "Ulladulla", "Vaucluse", "Woden", "Yarra", "Zetland", "Belconnen", "Tuggeranong",
                "Gungahlin", "Kambah", "Weston", "Narrabundah", "Bondi", "Cronulla", "Dee Why", "Mosman", "Epping");
        private static final List<String> SURNAMES = List.of("Anderson", "Baker", "Chen", "Nguyen", "Patel",
                "Taylor", "Wilson", "Brown", "Kelly", "Murphy", "Walsh", "Singh", "Russo", "Papadopoulos",
                "Kowalski", "Nakamura", "Okafor", "Haddad", "O'Brien", "O'Connor", "D'Souza", "Müller", "Sørensen",
                "Łukasik", "García", "Byrne", "Fitzgerald", "MacKenzie", "Van der Berg", "Nguyễn");
        private static final List<String> TRADES = List.of("Blinds", "Blinds & Awnings", "Interiors", "Shade Co",
                "Window Furnishings", "Curtains", "Shutters", "Home Improvements", "Design Studio",
                "Building Supplies", "Renovations", "Decor", "Blinds Pty Ltd", "Window Co");
        private static final String[][] PRODUCTS = {
                {"Roller Blinds", "Roller Blind - Blockout", "Roller Blind - Sunscreen 5%",
                        "Roller Blind - Light Filter", "Double Roller Blind", "Linked Roller Blind"},
                {"Venetians", "Aluminium Venetian 25mm", "Basswood Venetian 50mm", "PVC Venetian 63mm"},
                {"Verticals", "Vertical Blind 89mm", "Vertical Blind 127mm"},
                {"Roman Blinds", "Roman Blind - Linen", "Roman Blind - Blockout"},
                {"Shutters", "PVC Shutter", "Basswood Shutter", "Aluminium Shutter"},
                {"Awnings", "Folding Arm Awning", "Straight Drop Awning", "Fixed Guide Awning"},
                {"Curtains", "S-Fold Curtain", "Pinch Pleat Curtain", "Sheer Curtain"},
                {"Honeycomb", "Honeycomb Blind - Light Filtering", "Honeycomb Blind - Blockout"},
                {"Panel Glides", "Panel Glide 4 Track", "Panel Glide 5 Track"},
                {"Motorisation", "Motor Kit - Somfy RTS", "Motor Kit - Rechargeable"}};
        private static final List<String> COLOURS = List.of("White", "Birch", "Charcoal", "Black", "Sandstone",
                "Pearl", "Dove Grey", "Natural", "Slate", "Ivory");
        private static final List<String> ROOMS = List.of("Master Bedroom", "Bed 2", "Bed 3", "Lounge", "Kitchen",
                "Dining", "Study", "Family Room", "Bathroom", "Laundry", "Patio", "Alfresco");
        private static final List<String> STREETS = List.of("Beach Rd", "Main St", "George St", "Harbour Dr",
                "Ocean Pde", "Church St", "Station St", "Park Ave", "Hill St", "Bay Rd");
        private static final List<String> REPS = List.of("Alex K", "Priya S", "Tom B", "Mei L", "Jordan P");
        private static final List<String> INTERNAL_NOTES = List.of("Install ASAP - builder waiting",
                "Gate code 4471", "Check measurements on site", "Deposit paid by card", "Price matched competitor",
                "Remake at our cost - cut short");
        /** Rare extra hostile references for random orders, beyond {@link #HOSTILE_REFERENCES}. */
        private static final List<String> ODD_REFERENCES = List.of("Level 2\nUnit 5", "\"Quoted\", with comma",
                "Tab\there", "Ensuite 🛁 upstairs", "  padded  ");

        private static final String DD = BuzSimulator.DD_CODE;
        private static final String CBR = BuzSimulator.CBR_CODE;

        private final long seed;
        private final int scale;
        private final LocalDate anchor;
        private final Random r;
        private final Map<String, Instance> instances = new LinkedHashMap<>();

        Generator(long seed, int scale, LocalDate anchor) {
            this.seed = seed;
            this.scale = scale;
            this.anchor = anchor;
            this.r = new Random(seed);
            instances.put(DD, new Instance(DD));
            instances.put(CBR, new Instance(CBR));
        }

        private final class Instance {
            final String code;
            final List<Object[]> jsd = new ArrayList<>();
            final List<Object[]> sales = new ArrayList<>();
            final List<Object[]> wip = new ArrayList<>();
            final Map<String, String> customers = new LinkedHashMap<>();
            int nextRef = 41000;

            Instance(String code) {
                this.code = code;
            }

            String nextRefNo() {
                nextRef += 1 + r.nextInt(3);
                return Integer.toString(nextRef);
            }

            void customer(String name, String group) {
                if (customers.put(name, group) != null) {
                    throw new IllegalStateException("Duplicate customer " + name + " on " + code);
                }
            }
        }

        /** One line of an order before it becomes a row; a null date or status is carried as null. */
        private record Line(String productionLine, String item, String status, String date) {
        }

        SimulatorDataSet build() {
            Set<String> fixed = Set.of(DemoCustomers.ON_BOTH, DemoCustomers.DD_ONLY, DemoCustomers.NO_OPEN_ORDERS,
                    DemoCustomers.APOSTROPHE, DemoCustomers.APOSTROPHE_GROUP_MEMBER, DemoCustomers.AMPERSAND,
                    DemoCustomers.NON_ASCII, DemoCustomers.NON_ASCII_DD);
            List<String> pool = new ArrayList<>();
            for (String trade : TRADES) {
                for (String place : PLACES) {
                    pool.add(place + " " + trade);
                }
                for (String surname : SURNAMES) {
                    pool.add(surname + " " + trade);
                }
            }
            pool.removeAll(fixed);
            Collections.sort(pool);
            Collections.shuffle(pool, r);
            int next = 0;

            Instance dd = instances.get(DD);
            Instance cbr = instances.get(CBR);

            // rosters
            List<String> ddPooled = pool.subList(next, next += 150);
            List<String> cbrOwn = pool.subList(next, next += 80);
            List<String> regionalExtra = pool.subList(next, next += 10);
            List<String> bigGroupOwn = pool.subList(next, next += 290);
            List<String> capitalOwn = pool.subList(next, next += 3);
            List<String> shared = ddPooled.subList(0, 45);

            dd.customer(DemoCustomers.ON_BOTH, null);
            dd.customer(DemoCustomers.DD_ONLY, null);
            dd.customer(DemoCustomers.NO_OPEN_ORDERS, null);
            dd.customer(DemoCustomers.APOSTROPHE, "Independent Retailers");
            dd.customer(DemoCustomers.AMPERSAND, null);
            dd.customer(DemoCustomers.NON_ASCII, null);
            dd.customer(DemoCustomers.NON_ASCII_DD, null);
            for (int i = 0; i < ddPooled.size(); i++) {
                String group = i < 10 || (i >= 57 && i < 87) ? "Independent Retailers"
                        : i >= 45 && i < 57 ? "Trade Partners NSW" : null;
                dd.customer(ddPooled.get(i), group);
            }

            cbr.customer(DemoCustomers.ON_BOTH, null);
            cbr.customer(DemoCustomers.APOSTROPHE, null);
            cbr.customer(DemoCustomers.APOSTROPHE_GROUP_MEMBER, DemoCustomers.CBR_GROUP);
            cbr.customer(DemoCustomers.NON_ASCII, DemoCustomers.CBR_GROUP);
            for (int i = 0; i < shared.size(); i++) {
                cbr.customer(shared.get(i), i < 10 ? DemoCustomers.BIG_GROUP : i < 20 ? "Regional Dealers" : null);
            }
            cbrOwn.forEach(c -> cbr.customer(c, null));
            regionalExtra.forEach(c -> cbr.customer(c, "Regional Dealers"));
            bigGroupOwn.forEach(c -> cbr.customer(c, DemoCustomers.BIG_GROUP));
            capitalOwn.forEach(c -> cbr.customer(c, DemoCustomers.CBR_GROUP));

            handWrittenOrders(dd, cbr);

            Set<String> handWritten = new HashSet<>(fixed);
            for (Instance instance : instances.values()) {
                for (Map.Entry<String, String> customer : instance.customers.entrySet()) {
                    if (!handWritten.contains(customer.getKey())) {
                        randomOrders(instance, customer.getKey(), customer.getValue());
                    }
                }
            }
            // After every other random draw, so the rest of the data set is what it was before this customer.
            dd.customer(DemoCustomers.HIDDEN_MONEY_COLUMN, null);
            order(dd, DemoCustomers.HIDDEN_MONEY_COLUMN, null, "90080", WIP, "Ledger Lane - Office", -1,
                    new Line("Roller Blinds", "Roller Blind - Blockout", "In Production", day(5)),
                    new Line("Venetians", "Aluminium Venetian 25mm", "Cutting", day(7)));
            dd.customer(DemoCustomers.AT_A_GLANCE, null);
            order(dd, DemoCustomers.AT_A_GLANCE, null, "90090", WIP, "Glance - Kitchen", -1,
                    new Line("Roller Blinds", "Roller Blind - Blockout", "Cutting", day(-3)),
                    new Line("Roller Blinds", "Roller Blind - Blockout", "In Production", day(-3)));
            order(dd, DemoCustomers.AT_A_GLANCE, null, "90091", WIP, "Glance - Lounge", -1,
                    new Line("Venetians", "Aluminium Venetian 25mm", "Ready for Dispatch", day(2)),
                    new Line("Venetians", "Aluminium Venetian 50mm", " ready for  dispatch", day(2)),
                    new Line("N/A", "Freight", "Invoiced", day(2)));
            order(dd, DemoCustomers.AT_A_GLANCE, null, "90092", WIP, "Glance - Deck", -1,
                    new Line("Awnings", "Folding Arm Awning", "In Production", day(10)),
                    new Line("Awnings", "Folding Arm Awning", "in production", day(10)),
                    new Line("Awnings", "Motor Kit", "Awaiting Hardware", day(10)));
            order(dd, DemoCustomers.AT_A_GLANCE, null, "90093", WIP, "Glance - Old", -1,
                    new Line("Shutters", "PVC Shutter", "Invoiced", day(-10)));
            dd.customer(DemoCustomers.TRICKY_ORDERS, null);
            order(dd, DemoCustomers.TRICKY_ORDERS, null, "90100", WIP, "Tricky - Dispatched", -1,
                    new Line("Roller Blinds", "Roller Blind - Blockout", "Dispatched", day(-7)));
            order(dd, DemoCustomers.TRICKY_ORDERS, null, "90101", WIP, "Tricky - Cancelled", -1,
                    new Line("Venetians", "Aluminium Venetian 25mm", "Cancelled", day(-7)),
                    new Line("Venetians", "Aluminium Venetian 25mm", " CANCELLED", day(-7)));
            order(dd, DemoCustomers.TRICKY_ORDERS, null, "90102", WIP, "Tricky - On Hold", -1,
                    new Line("Shutters", "PVC Shutter", "Dispatched", day(-7)),
                    new Line("Shutters", "PVC Shutter", "On Hold", day(-7)),
                    new Line("Shutters", "PVC Shutter", "Ready for Dispatch", day(-7)));
            order(dd, DemoCustomers.TRICKY_ORDERS, null, "90103", WIP, "Tricky - Spellings", -1,
                    new Line("Awnings", "Folding Arm Awning", "In Production", day(-7)),
                    new Line("Awnings", "Folding Arm Awning", "in  production", day(-7)),
                    new Line("Awnings", "Folding Arm Awning", "IN PRODUCTION ", day(-7)));
            order(dd, DemoCustomers.TRICKY_ORDERS, null, "90104", WIP, "Tricky - No Date", -1,
                    new Line("Curtains", "S-Fold Curtain", "In Production", null));
            order(dd, DemoCustomers.TRICKY_ORDERS, null, "90105", WIP, "Tricky - Ready", -1,
                    new Line("Roller Blinds", "Roller Blind - Sunscreen 5%", "Ready for Dispatch", day(-7)),
                    new Line("Roller Blinds", "Roller Blind - Sunscreen 5%", "Cancelled", day(-7)));

            Map<String, Map<String, List<Object[]>>> rows = new LinkedHashMap<>();
            Map<String, Map<String, String>> customers = new LinkedHashMap<>();
            Comparator<Object[]> byPkId = Comparator.comparing(row -> (String) row[0]);
            for (Instance instance : instances.values()) {
                Map<String, List<Object[]>> sets = new LinkedHashMap<>();
                for (Map.Entry<String, List<Object[]>> e : Map.of(JOBS_SCHEDULE_DETAILED, instance.jsd,
                        SALES_REPORT, instance.sales, WORK_IN_PROGRESS, instance.wip).entrySet()) {
                    List<Object[]> sorted = new ArrayList<>(e.getValue());
                    sorted.sort(byPkId); // stable: exact duplicates stay side by side
                    sets.put(e.getKey(), Collections.unmodifiableList(sorted));
                }
                rows.put(instance.code, Map.copyOf(sets));
                customers.put(instance.code, Collections.unmodifiableMap(new TreeMap<>(instance.customers)));
            }
            return new SimulatorDataSet(seed, scale, anchor, Map.copyOf(rows), Map.copyOf(customers));
        }

        // ---- hand-written orders ----

        private void handWrittenOrders(Instance dd, Instance cbr) {
            String d5 = "2025-01-05T00:00:00Z";
            // ON_BOTH on DD
            order(dd, DemoCustomers.ON_BOTH, null, "90001", WIP, HOSTILE_REFERENCES.get(0), -1,
                    new Line("Roller Blinds", "Roller Blind - Blockout", "In Production", d5),
                    new Line("Roller Blinds", "Roller Blind - Sunscreen 5%", "Cutting", "2025-01-09T00:00:00Z"),
                    new Line("Venetians", "Aluminium Venetian 25mm", null, "2025-01-07T00:00:00Z"),
                    new Line("Shutters", "PVC Shutter", "Invoiced", d5));
            order(dd, DemoCustomers.ON_BOTH, null, "90002", WIP, "Lot 7 Harbour St", -1,
                    new Line("Roller Blinds", "Roller Blind - Blockout", "Invoiced", d5),
                    new Line("Verticals", "Vertical Blind 89mm", "Cancelled", d5),
                    new Line("Curtains", "S-Fold Curtain", "Invoice ex GST fees - actioned in Xero", d5),
                    new Line("Awnings", "Folding Arm Awning", "Invoice ex GST fees - not in Xero", d5));
            order(dd, DemoCustomers.ON_BOTH, null, "90003", WIP, HOSTILE_REFERENCES.get(1), 0,
                    new Line("Roman Blinds", "Roman Blind - Linen", "Awaiting Fabric", "2025-01-05T00:00:00+10:00"),
                    new Line("Roman Blinds", "Roman Blind - Blockout", "Awaiting Fabric",
                            "2025-01-05T00:00:00.0000000Z"),
                    new Line("Honeycomb", "Honeycomb Blind - Blockout", "Sewing", "2025-01-06T09:30:00+11:00"));
            order(dd, DemoCustomers.ON_BOTH, null, "90004", "Quote", "Quote - spare room", -1,
                    new Line("Shutters", "Basswood Shutter", null, null),
                    new Line("Shutters", "Basswood Shutter", null, null));
            order(dd, DemoCustomers.ON_BOTH, null, "90005", "Complete", "Finished job", -1,
                    new Line("Venetians", "Basswood Venetian 50mm", "Invoiced", "2024-12-02T00:00:00Z"));
            // ON_BOTH on CBR: same order number 90001, a different order
            order(cbr, DemoCustomers.ON_BOTH, null, "90001", WIP, HOSTILE_REFERENCES.get(2), -1,
                    new Line("Awnings", "Straight Drop Awning", "Quality Check", "not-a-date"),
                    new Line("Awnings", "Straight Drop Awning", "Ready for Dispatch", ""),
                    new Line("Curtains", "Sheer Curtain", "On Hold", "2025-13-45T00:00:00Z"),
                    new Line("Curtains", "Pinch Pleat Curtain", "In Production", "2025-02-03T00:00:00Z"),
                    new Line("Panel Glides", "Panel Glide 4 Track", "Cutting", null));
            order(cbr, DemoCustomers.ON_BOTH, null, "90002", WIP, HOSTILE_REFERENCES.get(3), -1,
                    new Line("Roller Blinds", "Linked Roller Blind", "Dispatched", "2025-01-05"),
                    new Line("Roller Blinds", "Double Roller Blind", " in production ", "2025-01-08"),
                    new Line("Motorisation", "Motor Kit - Somfy RTS", "", "2025-01-08"),
                    new Line("N/A", "Freight", "INVOICED", "2025-01-08"));
            order(cbr, DemoCustomers.ON_BOTH, null, "90003", WIP, HOSTILE_REFERENCES.get(4), 1,
                    new Line("Honeycomb", "Honeycomb Blind - Light Filtering", "Cutting", "2025-01-20T00:00:00Z"),
                    new Line(null, "Sundries", "Cutting", "2025-01-20T00:00:00Z"),
                    new Line("Verticals", "Vertical Blind 127mm", null, "2025-01-22T00:00:00Z"));
            order(cbr, DemoCustomers.ON_BOTH, null, "90004", WIP, "Unit 4/12 Beach Rd", -1,
                    new Line("Shutters", "Aluminium Shutter", null, "2025-01-15T00:00:00Z"),
                    new Line("Shutters", "Aluminium Shutter", null, "2025-01-15T00:00:00Z"));

            // DD only
            order(dd, DemoCustomers.DD_ONLY, null, "90010", WIP, "Henderson Residence", -1,
                    new Line("Roller Blinds", "Roller Blind - Light Filter", "In Production", day(3)),
                    new Line("Roller Blinds", "Roller Blind - Light Filter", "In Production", day(3)),
                    new Line("Venetians", "PVC Venetian 63mm", "Awaiting Hardware", day(6)));
            order(dd, DemoCustomers.DD_ONLY, null, "90011", WIP, "PO 5521", -1,
                    new Line("Curtains", "S-Fold Curtain", "Sewing", day(10)),
                    new Line("Curtains", "Sheer Curtain", "Sewing", day(10)),
                    new Line("Panel Glides", "Panel Glide 5 Track", "Cutting", day(12)),
                    new Line("Awnings", "Fixed Guide Awning", "Powder Coating", day(21)));

            // no open orders at all
            order(dd, DemoCustomers.NO_OPEN_ORDERS, null, "90020", "Complete", "Old job", -1,
                    new Line("Curtains", "Pinch Pleat Curtain", "Invoiced", "2024-11-18T00:00:00Z"));
            order(dd, DemoCustomers.NO_OPEN_ORDERS, null, "90021", "Quote", "Maybe next year", -1,
                    new Line("Shutters", "PVC Shutter", null, null));

            // hostile names
            order(dd, DemoCustomers.APOSTROPHE, "Independent Retailers", "90030", WIP, "O'Malley - Kitchen", -1,
                    new Line("Roller Blinds", "Roller Blind - Blockout", "Cutting", day(4)),
                    new Line("Venetians", "Aluminium Venetian 25mm", "Quality Check", day(4)));
            order(cbr, DemoCustomers.APOSTROPHE, null, "90031", WIP, "O'Malley - Deck", -1,
                    new Line("Awnings", "Folding Arm Awning", "Awaiting Fabric", day(14)));
            order(dd, DemoCustomers.AMPERSAND, null, "90040", WIP, "Smith & Sons - Lot 3", -1,
                    new Line("Shutters", "PVC Shutter", "In Production", day(8)),
                    new Line("Shutters", "PVC Shutter", "In Production", day(8)),
                    new Line("Roman Blinds", "Roman Blind - Linen", "Order Received", day(9)));
            order(dd, DemoCustomers.NON_ASCII, null, "90050", WIP, "Façade works", -1,
                    new Line("Roller Blinds", "Roller Blind - Sunscreen 5%", "Ready for Dispatch", day(1)));
            order(cbr, DemoCustomers.NON_ASCII, DemoCustomers.CBR_GROUP, "90051", WIP, "Café front", -1,
                    new Line("Awnings", "Straight Drop Awning", "In Production", day(5)),
                    new Line("Curtains", "Sheer Curtain", "Invoiced", day(5)));
            order(dd, DemoCustomers.NON_ASCII_DD, null, "90060", WIP, "Müller Residence", -1,
                    new Line("Honeycomb", "Honeycomb Blind - Light Filtering", "On Hold", day(7)),
                    new Line("Verticals", "Vertical Blind 89mm", "Dispatched", day(2)));
            order(cbr, DemoCustomers.APOSTROPHE_GROUP_MEMBER, DemoCustomers.CBR_GROUP, "90070", WIP,
                    "D'Angelo - Showroom", -1,
                    new Line("Venetians", "Basswood Venetian 50mm", "Cutting", day(6)),
                    new Line("Shutters", "Basswood Shutter", "Awaiting Hardware", day(11)));
        }

        private String day(int offset) {
            return iso(anchor.plusDays(offset));
        }

        private static String iso(LocalDate date) {
            return date + "T00:00:00Z";
        }

        // ---- random orders ----

        private void randomOrders(Instance instance, String customer, String group) {
            boolean big = DemoCustomers.BIG_GROUP.equals(group);
            int open;
            if (big) {
                open = 1 + (r.nextInt(4) == 0 ? 1 : 0);
            } else if (group != null) {
                open = 1 + r.nextInt(2);
            } else {
                open = r.nextInt(4);
            }
            open *= scale;
            for (int i = 0; i < open; i++) {
                randomOrder(instance, customer, group, WIP, big ? 6 : 15);
            }
            if (r.nextInt(10) < 3) {
                String status = List.of("Quote", "Complete", "Cancelled").get(r.nextInt(3));
                randomOrder(instance, customer, group, status, 6);
            }
        }

        private void randomOrder(Instance instance, String customer, String group, String orderStatus,
                                 int maxLines) {
            int n = 1 + r.nextInt(maxLines);
            LocalDate base = anchor.plusDays(r.nextInt(43) - 7);
            boolean datesDiffer = r.nextInt(100) < 25;
            int profile = r.nextInt(100);
            Line[] lines = new Line[n];
            for (int i = 0; i < n; i++) {
                String[] product = pickProduct();
                String date = iso(datesDiffer && r.nextBoolean() ? base.plusDays(1 + r.nextInt(7)) : base);
                int oddDate = r.nextInt(200);
                if (oddDate < 2) {
                    date = pick(HOSTILE_DATES);
                } else if (oddDate < 4) {
                    date = null;
                }
                lines[i] = new Line(product[0], product[1], status(orderStatus, profile), date);
            }
            int duplicate = r.nextInt(100) < 3 ? r.nextInt(n) : -1;
            order(instance, customer, group, instance.nextRefNo(), orderStatus, reference(), duplicate, lines);
        }

        private String[] pickProduct() {
            String[] row = PRODUCTS[r.nextInt(100) < 30 ? 0 : r.nextInt(PRODUCTS.length)];
            String item = row[1 + r.nextInt(row.length - 1)];
            int odd = r.nextInt(200);
            String line = odd == 0 ? "N/A" : odd == 1 ? null : odd == 2 ? row[0].toLowerCase() + " " : row[0];
            return new String[]{line, item};
        }

        private String status(String orderStatus, int profile) {
            switch (orderStatus) {
                case "Quote":
                    return r.nextInt(10) < 8 ? null : "On Hold";
                case "Complete":
                    return r.nextBoolean() ? "Invoiced" : "Dispatched";
                case "Cancelled":
                    return "Cancelled";
                default:
                    break;
            }
            int odd = r.nextInt(100);
            if (odd < 4) {
                return null;
            }
            if (odd < 5) {
                return "";
            }
            String status;
            if (profile < 55) {
                status = pick(OPEN_STATUSES);
            } else if (profile < 72) {
                status = r.nextInt(10) < 4 ? pick(FINISHED_STATUSES) : pick(OPEN_STATUSES);
            } else if (profile < 82) {
                status = pick(FINISHED_STATUSES);
            } else if (profile < 90) {
                status = r.nextBoolean() ? "Order Received" : "Awaiting Fabric";
            } else {
                status = r.nextBoolean() ? null : pick(OPEN_STATUSES);
            }
            if (status != null && odd < 7) {
                status = switch (odd) {
                    case 5 -> " " + status + " ";
                    default -> status.toUpperCase();
                };
            }
            return status;
        }

        private String reference() {
            int k = r.nextInt(1000);
            if (k < 15) {
                return pick(HOSTILE_REFERENCES);
            }
            if (k < 22) {
                return pick(ODD_REFERENCES);
            }
            if (k < 40) {
                return k < 30 ? null : "";
            }
            return switch (r.nextInt(7)) {
                case 0 -> pick(SURNAMES) + " Residence";
                case 1 -> "Lot " + (1 + r.nextInt(300)) + " " + pick(STREETS);
                case 2 -> "PO " + (1000 + r.nextInt(9000));
                case 3 -> (1 + r.nextInt(200)) + " " + pick(STREETS) + ", " + pick(PLACES);
                case 4 -> "Unit " + (1 + r.nextInt(40)) + "/" + (1 + r.nextInt(150)) + " " + pick(STREETS);
                case 5 -> "Display Home - " + pick(PLACES);
                default -> pick(SURNAMES) + " - Reno";
            };
        }

        private <T> T pick(List<T> list) {
            return list.get(r.nextInt(list.size()));
        }

        // ---- rows ----

        private static BigDecimal money(double value) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        }

        private String pkId() {
            return new UUID(r.nextLong(), r.nextLong()).toString();
        }

        private static boolean finished(String status) {
            if (status == null) {
                return false;
            }
            String s = status.strip();
            return FINISHED_STATUSES.stream().anyMatch(f -> f.equalsIgnoreCase(s));
        }

        /**
         * Writes one order: a JobsScheduleDetailed row per line (plus an exact copy of line
         * {@code duplicateLine} when it is not -1), a SalesReport row, and a WorkInProgress row if it is open.
         */
        private void order(Instance instance, String customer, String group, String refNo, String orderStatus,
                           String reference, int duplicateLine, Line... lines) {
            String ordered = iso(anchor.minusDays(5 + r.nextInt(56)));
            BigDecimal totalSell = BigDecimal.ZERO;
            BigDecimal totalCost = BigDecimal.ZERO;
            int finishedLines = 0;
            String latest = null;
            String stage = null;
            String rep = pick(REPS);
            for (int i = 0; i < lines.length; i++) {
                Line line = lines[i];
                int width = 300 + 10 * r.nextInt(271);
                int drop = 300 + 10 * r.nextInt(291);
                int qty = r.nextInt(10) == 0 ? 2 : 1;
                double sell = 90 + width * drop / 1_000_000.0 * (60 + r.nextInt(120));
                double unitCost = sell * (0.35 + r.nextInt(20) / 100.0);
                double buy = unitCost * 0.9;
                BigDecimal cogs = money(unitCost * qty);
                BigDecimal sellTotal = money(sell * qty);
                Object[] row = new Object[BuzSchema.JOBS_SCHEDULE_DETAILED.columns().size()];
                int c = 0;
                row[c++] = pkId();
                row[c++] = refNo;
                row[c++] = i + 1;
                row[c++] = customer;
                row[c++] = reference;
                row[c++] = line.date();
                row[c++] = line.productionLine();
                row[c++] = line.item();
                row[c++] = line.status();
                row[c++] = orderStatus;
                row[c++] = ordered;
                row[c++] = width;
                row[c++] = drop;
                row[c++] = pick(COLOURS);
                row[c++] = pick(ROOMS);
                row[c++] = qty;
                row[c++] = money(unitCost);
                row[c++] = money(buy);
                row[c++] = cogs;
                row[c++] = sellTotal.subtract(cogs);
                row[c++] = money((sell / unitCost - 1) * 100);
                row[c++] = money(sell * 0.8);
                row[c++] = money(buy * 0.95);
                row[c++] = money(sell);
                row[c++] = r.nextInt(4) == 0 ? pick(INTERNAL_NOTES) : null;
                row[c++] = "BZ" + (100_000_000 + r.nextInt(900_000_000));
                // The line's profit under a name no list of bad names would catch; null for everyone else.
                row[c++] = DemoCustomers.HIDDEN_MONEY_COLUMN.equals(customer) ? sellTotal.subtract(cogs) : null;
                instance.jsd.add(row);
                if (i == duplicateLine) {
                    instance.jsd.add(row.clone());
                }
                totalSell = totalSell.add(sellTotal);
                totalCost = totalCost.add(cogs);
                if (finished(line.status())) {
                    finishedLines++;
                } else if (stage == null && line.status() != null && !line.status().isBlank()) {
                    stage = line.status().strip();
                }
                if (line.date() != null && line.date().length() >= 10
                        && (latest == null || line.date().compareTo(latest) > 0)) {
                    latest = line.date();
                }
            }
            BigDecimal margin = totalSell.subtract(totalCost);
            BigDecimal marginPct = totalSell.signum() == 0 ? BigDecimal.ZERO
                    : margin.multiply(BigDecimal.valueOf(100)).divide(totalSell, 2, RoundingMode.HALF_UP);
            String salesCustomer = r.nextInt(100) < 3 ? customer + "  " : customer;
            String salesGroup = group == null && r.nextInt(10) == 0 ? "" : group;
            instance.sales.add(new Object[]{pkId(), refNo, salesCustomer, salesGroup, orderStatus, ordered, rep,
                    totalSell, totalCost, margin, marginPct});
            if (WIP.equals(orderStatus)) {
                int pct = lines.length == 0 ? 0 : 100 * finishedLines / lines.length;
                instance.wip.add(new Object[]{pkId(), refNo, customer, reference, orderStatus, ordered, latest,
                        stage == null ? "Complete" : stage, lines.length, finishedLines, pct, totalCost, margin,
                        r.nextInt(3) == 0 ? pick(INTERNAL_NOTES) : null});
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SimulatorDataSet[seed=" + seed + ", scale=" + scale + ", anchor="
                + anchorDate);
        rows.keySet().stream().sorted().forEach(code -> {
            sb.append(", ").append(code).append('=');
            sb.append(Arrays.toString(new int[]{size(code, JOBS_SCHEDULE_DETAILED), size(code, SALES_REPORT),
                    size(code, WORK_IN_PROGRESS)}));
        });
        return sb.append(']').toString();
    }
}
