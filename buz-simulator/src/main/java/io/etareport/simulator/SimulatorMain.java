package io.etareport.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The standalone simulator: {@code java -jar buz-simulator.jar --port 8089}, until stopped. */
@Command(name = "buz-simulator", mixinStandardHelpOptions = true,
        description = "Run the BuzManager reports API simulator until stopped (Ctrl-C).")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8089", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--seed", description = "Data set seed; the same seed gives the same rows.")
    Long seed;

    @Option(names = "--scale", description = "Data set size multiplier.")
    Integer scale;

    @Option(names = "--page-size", description = "Rows per page before an @odata.nextLink.")
    Integer pageSize;

    @Option(names = "--latency-ms", description = "Latency added to every request.")
    Long latencyMs;

    @Option(names = "--max-query-length", description = "Longest GET query string accepted (414 beyond it).")
    Integer maxQueryLength;

    @Option(names = "--hang-limit-seconds", description = "How long a 'hang' fault holds a request.")
    Long hangLimitSeconds;

    @Option(names = "--anchor-date", defaultValue = "today",
            description = "\"Today\" for generated dates: YYYY-MM-DD or 'today' (default).")
    String anchorDate;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorSettings settings = SimulatorSettings.defaults().withPort(port).withBindAddress(bind)
                .withAnchorDate("today".equals(anchorDate) ? LocalDate.now() : LocalDate.parse(anchorDate));
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        if (scale != null) {
            settings = settings.withScale(scale);
        }
        if (pageSize != null) {
            settings = settings.withPageSize(pageSize);
        }
        if (latencyMs != null) {
            settings = settings.withLatencyMs(latencyMs);
        }
        if (maxQueryLength != null) {
            settings = settings.withMaxQueryLength(maxQueryLength);
        }
        if (hangLimitSeconds != null) {
            settings = settings.withHangLimit(Duration.ofSeconds(hangLimitSeconds));
        }
        BuzSimulator.runForever(settings);
        return 0;
    }
}
