package io.etareport.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.etareport.buz.CustomerScope;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.cache.CachedBuz;
import io.etareport.cache.Fetched;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;
import io.etareport.db.DatabaseMigrator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prewarm-cache", mixinStandardHelpOptions = true,
        description = "Fetch every configured customer's open orders live and store them, so the cache is full"
                + " before the supplier's daily blackout. Exits non-zero if any could not be refreshed.")
class PrewarmCacheCommand implements Callable<Integer> {


    @Option(names = "--instance", paramLabel = "DD|CBR",
            description = "An instance to warm; repeat for both (default: both).")
    List<Instance> instances;

    @Spec
    CommandSpec spec;

    private final DatabaseMigrator migrator;
    private final CustomerRepository customers;
    private final CustomerLinks links;
    private final CachedBuz buz;
    /** Stored copies' times, in the service's time zone. */
    private final DateTimeFormatter localTime;

    PrewarmCacheCommand(DatabaseMigrator migrator, CustomerRepository customers, CustomerLinks links,
                        CachedBuz buz, ZoneId zone) {
        this.migrator = migrator;
        this.customers = customers;
        this.links = links;
        this.buz = buz;
        this.localTime = zone == null ? null : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    @Override
    public Integer call() {
        migrator.migrate();
        PrintWriter out = spec.commandLine().getOut();
        Set<Instance> chosen = instances == null || instances.isEmpty()
                ? EnumSet.allOf(Instance.class) : EnumSet.copyOf(instances);
        int refreshed = 0;
        int stale = 0;
        int failed = 0;
        int skipped = 0;
        Set<Long> paused = links.pausedCustomerIds();
        for (Customer customer : customers.findAll()) {
            if (paused.contains(customer.id())) {
                // Nobody can open a paused link: fetching for it would only load the supplier.
                out.println("#" + customer.id() + " " + customer.name() + ": paused, skipped");
                skipped++;
                continue;
            }
            for (Instance instance : chosen) {
                CustomerScope scope = customer.scopes().get(instance);
                if (scope == null) {
                    continue;
                }
                // Operators run this by hand or from cron: the name is for them, and never logged.
                String who = "#" + customer.id() + " " + customer.name() + " " + instance;
                try {
                    Fetched<List<OrderLine>> fetched = buz.openOrders(instance, scope, true);
                    if (fetched.isLive()) {
                        refreshed++;
                        out.println(who + ": " + rows(fetched.value().size()) + ", live");
                    } else {
                        stale++;
                        out.println(who + ": NOT REFRESHED, " + fetched.source() + "; the stored copy from "
                                + localTime.format(fetched.refreshedAt()) + " (" + rows(fetched.value().size())
                                + ") is kept");
                    }
                } catch (RuntimeException e) {
                    failed++;
                    out.println(who + ": FAILED, " + e.getMessage());
                }
            }
        }
        out.println("Total: " + refreshed + " refreshed, " + stale + " not refreshed (stored copy kept), " + failed
                + " failed" + (skipped == 0 ? "." : ", " + skipped + " paused skipped."));
        return stale + failed == 0 ? 0 : 1;
    }

    private static String rows(int n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
