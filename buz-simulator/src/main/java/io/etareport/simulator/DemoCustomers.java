package io.etareport.simulator;

import java.util.List;

/**
 * Well-known customers whose names and situations never change with the seed, so a demo database can be
 * seeded with them and tests can name them. The simulator's data set always contains them exactly as
 * described here; their orders are written by hand (see {@link SimulatorDataSet}), not drawn at random.
 *
 * <p>Field names mirror the service's {@code customers} table: {@code ddName} is the name on the DD instance
 * ({@code DESDR}), {@code cbrName} the name on CBR ({@code WATSO}), {@code fieldType} is {@code Customer Name}
 * or {@code Customer Group}.
 */
public final class DemoCustomers {

    public static final String FIELD_TYPE_NAME = "Customer Name";
    public static final String FIELD_TYPE_GROUP = "Customer Group";

    /** Open orders on both instances under the same name; includes order {@code 90001} on both. */
    public static final String ON_BOTH = "Coastline Interiors";
    /** Open orders on DD only. */
    public static final String DD_ONLY = "Northside Window Furnishings";
    /** A small customer group on CBR (5 customers, among them {@link #APOSTROPHE_GROUP_MEMBER}). */
    public static final String CBR_GROUP = "Capital Trade Group";
    /**
     * A customer group on CBR with exactly 300 customers, each with an order in progress (for a few,
     * every line of it lacks a production status, so the open-order query finds none of their lines).
     */
    public static final String BIG_GROUP = "Big Group 300";
    /** Exists on DD with quotes and completed orders only: no open order lines. */
    public static final String NO_OPEN_ORDERS = "Quiet Street Curtains";
    /** An apostrophe in the name, with open orders on both instances. */
    public static final String APOSTROPHE = "O'Malley Blinds";
    /** Two apostrophes; a member of {@link #CBR_GROUP} on CBR. */
    public static final String APOSTROPHE_GROUP_MEMBER = "D'Angelo's Interiors";
    /** An ampersand (must be percent-encoded inside a query string), open orders on DD. */
    public static final String AMPERSAND = "Smith & Sons";
    /** Non-ASCII, on both instances (a member of {@link #CBR_GROUP} on CBR). */
    public static final String NON_ASCII = "Café Façades";
    /** Non-ASCII, open orders on DD. */
    public static final String NON_ASCII_DD = "Zoë Müller Interiors";
    /**
     * Open order {@code 90080} on DD whose rows carry the line's profit in {@code LineValue}, a column nobody
     * announced and whose name no list of sensitive words matches (it is null on everyone else's rows).
     * Not among the demo customers: it exists for tests of the column allowlist.
     */
    public static final String HIDDEN_MONEY_COLUMN = "Ledger Lane Blinds";
    /**
     * Open orders on DD made to be read at a glance on the simulator's anchor date (a Monday): {@code 90090}
     * expected three days before it (overdue); {@code 90091} ready (two "Ready for Dispatch" lines spelled
     * differently and an invoiced one); {@code 90092} in production, due in ten days, one status spelled in
     * lower case; {@code 90093} invoiced (finished, so not shown). Not among the demo customers.
     */
    public static final String AT_A_GLANCE = "Glance Street Blinds";
    /**
     * Open orders on DD whose state is easy to get wrong, read on the simulator's anchor date (a Monday), all but
     * one expected on the Monday a week before it: {@code 90100} dispatched (past its date, but not late);
     * {@code 90101} every line cancelled ("Cancelled" and " CANCELLED"); {@code 90102} one line on hold among a
     * dispatched and a ready one; {@code 90103} one status in three spellings ("In Production", "in  production",
     * "IN PRODUCTION "); {@code 90104} in production with no date at all; {@code 90105} ready but for a cancelled
     * line. Not among the demo customers.
     */
    public static final String TRICKY_ORDERS = "Tricky Orders Blinds";

    /** A row a demo could insert into the service's {@code customers} table. */
    public record DemoCustomer(String displayName, String ddName, String cbrName, String fieldType,
                               String description) {
    }

    private static final List<DemoCustomer> ALL = List.of(
            new DemoCustomer(ON_BOTH, ON_BOTH, ON_BOTH, FIELD_TYPE_NAME,
                    "Same name on both instances; order 90001 exists at both factories (two different orders); "
                            + "hostile references, dates that differ within an order, odd date formats, a fully "
                            + "finished order, duplicate lines, a quote and a completed order."),
            new DemoCustomer(DD_ONLY, DD_ONLY, null, FIELD_TYPE_NAME, "Open orders on DD only."),
            new DemoCustomer(CBR_GROUP, null, CBR_GROUP, FIELD_TYPE_GROUP,
                    "A customer group on CBR with 5 customers, including names with apostrophes and accents."),
            new DemoCustomer(BIG_GROUP, null, BIG_GROUP, FIELD_TYPE_GROUP,
                    "A customer group on CBR with exactly 300 customers: the filter must be split into batches."),
            new DemoCustomer(NO_OPEN_ORDERS, NO_OPEN_ORDERS, null, FIELD_TYPE_NAME,
                    "Known to DD, but only quotes and completed orders: the report is empty."),
            new DemoCustomer(APOSTROPHE, APOSTROPHE, APOSTROPHE, FIELD_TYPE_NAME,
                    "An apostrophe in the name, open orders on both instances."),
            new DemoCustomer(AMPERSAND, AMPERSAND, null, FIELD_TYPE_NAME,
                    "An ampersand in the name, open orders on DD."),
            new DemoCustomer(NON_ASCII_DD, NON_ASCII_DD, null, FIELD_TYPE_NAME,
                    "Non-ASCII letters in the name, open orders on DD."));

    /** The demo customers, in a stable order. */
    public static List<DemoCustomer> all() {
        return ALL;
    }

    private DemoCustomers() {
    }
}
