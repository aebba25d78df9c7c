package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;

import io.etareport.ServiceTest;
import io.etareport.SimulatedBuzService;
import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.DemoCustomers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The queries as the application wires them, configured the way application.yml maps the environment. */
@ServiceTest
class BuzQueriesWiringIntegrationTest {

    private static final BuzSimulator SIMULATOR = SimulatedBuzService.SIMULATOR;

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
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
