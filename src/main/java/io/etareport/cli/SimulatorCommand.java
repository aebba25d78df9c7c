package io.etareport.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import io.etareport.simulator.BuzSimulator;
import io.etareport.simulator.SimulatorSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Run the built-in BuzManager simulator alone (no database, no web app) until stopped.")
class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8089", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--seed", description = "Data set seed; the same seed gives the same rows.")
    Long seed;

    @Option(names = "--page-size", description = "Rows per page before an @odata.nextLink.")
    Integer pageSize;

    @Option(names = "--latency-ms", description = "Latency added to every request.")
    Long latencyMs;

    @Option(names = "--anchor-date", description = "\"Today\" for generated dates: YYYY-MM-DD or 'today'.")
    String anchorDate;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorSettings settings = SimulatorSettings.defaults().withPort(port).withBindAddress(bind);
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        if (pageSize != null) {
            settings = settings.withPageSize(pageSize);
        }
        if (latencyMs != null) {
            settings = settings.withLatencyMs(latencyMs);
        }
        if (anchorDate != null) {
            settings = settings.withAnchorDate("today".equals(anchorDate) ? LocalDate.now() : LocalDate.parse(anchorDate));
        }
        BuzSimulator.runForever(settings);
        return 0;
    }
}
