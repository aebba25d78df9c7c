package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The queries as the application wires them, configured the way application.yml maps the environment. */
@SpringBootTest
@ActiveProfiles("test")
class BuzQueriesWiringTest {

    private static final BuzSimulator SIMULATOR = BuzSimulator.start(0);

    @DynamicPropertySource
    static void buz(DynamicPropertyRegistry registry) {
        io.etareport.SimulatedBuzService.pointAt(registry, SIMULATOR);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    BuzQueries queries;

    @Test
    void fetchesFromTheConfiguredInstances() {
        assertThat(queries.openOrders(Instance.DD, CustomerScope.customer(DemoCustomers.ON_BOTH)))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.instance()).isEqualTo(Instance.DD));
        assertThat(queries.openOrders(Instance.CBR, CustomerScope.customer(DemoCustomers.ON_BOTH)))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.instance()).isEqualTo(Instance.CBR));
        assertThat(SIMULATOR.requestCounts().count("DD")).isEqualTo(1);
        assertThat(SIMULATOR.requestCounts().count("CBR")).isEqualTo(1);
    }
}
