package io.etareport.demo;

import java.time.LocalDate;
import java.util.Map;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.FieldType;
import io.etareport.statuses.StatusMappings;
import io.etareport.statuses.StatusRefresh;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;
import io.etareport.simulator.SimulatorSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The demo profile: the built-in Buz simulator in place of BuzManager (application-demo.yml
 * points both instances at it) and a handful of demo customers, so the service can be tried with
 * no settings at all.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoSetup {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

    @Bean(destroyMethod = "stop")
    BuzSimulator demoBuzSimulator(@Value("${eta.demo.simulator-port:8089}") int port) {
        // Dates around today, so the demo looks current.
        return BuzSimulator.start(SimulatorSettings.defaults().withPort(port).withAnchorDate(LocalDate.now()));
    }

    @Bean
    DemoCustomersSeed demoCustomersSeed(CustomerRepository customers, org.springframework.core.env.Environment environment) {
        return new DemoCustomersSeed(customers, environment);
    }

    @Bean
    DemoDateMoves demoDateMoves(BuzSimulator demoBuzSimulator) {
        return new DemoDateMoves(demoBuzSimulator);
    }

    /**
     * Reschedules a few demo orders now and then, as a factory does, so the ETA history ("was 12 May — moved
     * later on 3 Dec") shows in the demo. Each run moves the next order of the list to a date a little further
     * out than before.
     */
    static final class DemoDateMoves {

        private static final String[][] ORDERS = {{"DD", "90010"}, {"DD", "90011"}, {"CBR", "90003"},
                {"DD", "90030"}, {"DD", "90040"}};

        private final BuzSimulator simulator;
        private int step;

        DemoDateMoves(BuzSimulator simulator) {
            this.simulator = simulator;
        }

        @Scheduled(initialDelayString = "${eta.demo.move-dates-every:PT10M}",
                fixedDelayString = "${eta.demo.move-dates-every:PT10M}")
        public synchronized void moveOne() {
            String[] order = ORDERS[step % ORDERS.length];
            simulator.moveDate(order[0], order[1], LocalDate.now().plusDays(7 + step % 11));
            step++;
        }
    }

    /**
     * Fills the status mappings the way an admin's "Refresh from Buz" does, so the demo's status page is not empty
     * at first start (existing custom names are kept, as the button keeps them).
     */
    @Bean
    DemoStatusesSeed demoStatusesSeed(StatusRefresh refresh, StatusMappings mappings) {
        return new DemoStatusesSeed(refresh, mappings);
    }

    /**
     * Then gives the simulator's statuses the default stages, so the stage tracker and "N of M items ready" show
     * without staff setting them first. A stage staff already chose is kept; "On Hold" stays without one (it says
     * nothing about how far along an order is).
     */
    record DemoStatusesSeed(StatusRefresh refresh, StatusMappings mappings) {

        static final Map<String, String> STAGES = Map.ofEntries(
                Map.entry("Order Received", "Received"),
                Map.entry("Awaiting Fabric", "Received"),
                Map.entry("Awaiting Hardware", "Received"),
                Map.entry("Cutting", "In production"),
                Map.entry("Sewing", "In production"),
                Map.entry("Powder Coating", "In production"),
                Map.entry("In Production", "In production"),
                Map.entry("Quality Check", "Ready"),
                Map.entry("Ready for Dispatch", "Ready"),
                Map.entry("Dispatched", "Dispatched"));

        @EventListener(ApplicationReadyEvent.class)
        public void seed() {
            StatusRefresh.Outcome outcome = refresh.run();
            log.info("Demo status mappings: {}", outcome.message());
            log.info("Demo stages: {} statuses given a stage", mappings.assignStagesWhereUnset(STAGES));
        }
    }

    /** Adds the demo customers to an empty database and prints their links. */
    record DemoCustomersSeed(CustomerRepository customers, org.springframework.core.env.Environment environment) {

        @EventListener(ApplicationReadyEvent.class)
        public void seed() {
            String serverPort = environment.getProperty("local.server.port", "8080");
            if (customers.findAll().isEmpty()) {
                for (DemoCustomers.DemoCustomer demo : DemoCustomers.all()) {
                    FieldType type = FieldType.fromLabel(demo.fieldType()).orElse(FieldType.CUSTOMER_NAME);
                    customers.add(demo.ddName(), demo.cbrName(), type, demo.displayName());
                }
            }
            // Links only: the rule that logs carry no customer names holds in the demo too (names are on /admin).
            int number = 0;
            for (Customer customer : customers.findAll()) {
                log.info("Demo customer link {}: http://localhost:{}/{}", ++number, serverPort, customer.obfuscatedId());
            }
        }
    }
}
