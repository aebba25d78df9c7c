package io.etareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import tools.jackson.databind.JsonNode;

/**
 * Rows per second the simulator serves to one client for a large unfiltered query, following nextLinks.
 * Not part of the normal test run (surefire excludes *Benchmark, and a {@code -Dtest} pattern only runs it with the
 * switch); run it with {@code ./mvnw -q test -Dtest=SimulatorThroughputBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SimulatorThroughputBenchmark {

    @Test
    void unfilteredRowsPerSecond() throws Exception {
        for (int pageSize : new int[]{500, 5000}) {
            try (BuzSimulator sim = BuzSimulator.start(SimulatorSettings.defaults().withScale(25).withPageSize(pageSize))) {
                SimClient client = new SimClient(sim);
                int total = sim.dataSet().size("CBR", SimulatorDataSet.JOBS_SCHEDULE_DETAILED);
                for (int round = 0; round < 4; round++) {
                    long start = System.nanoTime();
                    long bytes = 0;
                    int rows = 0;
                    String url = client.url("CBR", SimulatorDataSet.JOBS_SCHEDULE_DETAILED, round % 2 == 0 ? null
                            : "$filter=" + SimClient.enc("OrderStatus eq 'Work in Progress' or ProductionStatus ne null"));
                    while (url != null) {
                        HttpResponse<byte[]> response = client.http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", client.auth("CBR")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        bytes += response.body().length;
                        JsonNode body = SimClient.JSON.readTree(response.body());
                        rows += body.get("value").size();
                        JsonNode next = body.get("@odata.nextLink");
                        url = next == null ? null : next.asString();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (round % 2 == 0) {
                        assertThat(rows).isEqualTo(total);
                    }
                    System.out.printf("page size %5d, %s: %,d rows, %,.1f MB in %.2f s = %,.0f rows/s (client parsing included)%n",
                            pageSize, round % 2 == 0 ? "unfiltered" : "filtered  ", rows, bytes / 1e6, seconds, rows / seconds);
                }
            }
        }
    }
}
