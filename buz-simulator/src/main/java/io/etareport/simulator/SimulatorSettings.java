package io.etareport.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link BuzSimulator} runs. Start from {@link #defaults()} and change what you need with the
 * {@code with...} methods.
 *
 * @param bindAddress    address to listen on; default {@code 127.0.0.1} (use {@code 0.0.0.0} in a container)
 * @param port           port; 0 picks a free one
 * @param seed           data set seed; the same seed gives the same rows
 * @param scale          multiplies the number of open orders per customer (1 = a few thousand lines per instance)
 * @param anchorDate     "today" for the generated dates (hostile literal dates stay as they are)
 * @param pageSize       server-driven page size (rows per response before an {@code @odata.nextLink})
 * @param maxQueryLength longest raw query string accepted on a GET (414 beyond it, as IIS does past 2048);
 *                       0 for no limit; follow-up requests carrying a {@code $skiptoken} are exempt
 * @param latencyMs      latency added to every report request, on top of run-time faults
 * @param hangLimit      how long a {@link FaultMode#HANG} holds a request at most before dropping it
 * @param credentials    HTTP Basic credentials per instance code
 */
public record SimulatorSettings(String bindAddress, int port, long seed, int scale, LocalDate anchorDate,
                                int pageSize, int maxQueryLength, long latencyMs, Duration hangLimit,
                                Map<String, Credentials> credentials) {

    public static final long DEFAULT_SEED = 20250106L;
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int DEFAULT_MAX_QUERY_LENGTH = 2048;
    public static final LocalDate DEFAULT_ANCHOR_DATE = LocalDate.of(2025, 1, 6);

    /** HTTP Basic credentials of one instance. */
    public record Credentials(String username, String password) {
        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    public SimulatorSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(anchorDate, "anchorDate");
        Objects.requireNonNull(hangLimit, "hangLimit");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        if (maxQueryLength < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("maxQueryLength and latencyMs must not be negative");
        }
        Map<String, Credentials> normalised = new LinkedHashMap<>();
        credentials.forEach((code, c) -> normalised.put(BuzSimulator.normaliseCode(code), c));
        for (String code : BuzSimulator.CODES) {
            if (!normalised.containsKey(code)) {
                throw new IllegalArgumentException("No credentials for " + code);
            }
        }
        credentials = Map.copyOf(normalised);
    }

    /**
     * Loopback, a free port, seed {@value #DEFAULT_SEED}, scale 1, anchor 2025-01-06, pages of
     * {@value #DEFAULT_PAGE_SIZE}, queries up to {@value #DEFAULT_MAX_QUERY_LENGTH} characters, no latency, hangs
     * of at most 10 minutes, credentials {@code dd-sim}/{@code dd-sim-pass} for DESDR and
     * {@code cbr-sim}/{@code cbr-sim-pass} for WATSO.
     */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", 0, DEFAULT_SEED, 1, DEFAULT_ANCHOR_DATE, DEFAULT_PAGE_SIZE,
                DEFAULT_MAX_QUERY_LENGTH, 0, Duration.ofMinutes(10),
                Map.of(BuzSimulator.DD_CODE, new Credentials("dd-sim", "dd-sim-pass"),
                        BuzSimulator.CBR_CODE, new Credentials("cbr-sim", "cbr-sim-pass")));
    }

    public Credentials credentials(String code) {
        return credentials.get(BuzSimulator.normaliseCode(code));
    }

    public SimulatorSettings withBindAddress(String bindAddress) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    public SimulatorSettings withPort(int port) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    public SimulatorSettings withSeed(long seed) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    public SimulatorSettings withScale(int scale) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    public SimulatorSettings withAnchorDate(LocalDate anchorDate) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    public SimulatorSettings withPageSize(int pageSize) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    public SimulatorSettings withMaxQueryLength(int maxQueryLength) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    public SimulatorSettings withLatencyMs(long latencyMs) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    public SimulatorSettings withHangLimit(Duration hangLimit) {
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, credentials);
    }

    /** Replaces the credentials of one instance ({@code DESDR}/{@code WATSO} or DD/CBR). */
    public SimulatorSettings withCredentials(String code, String username, String password) {
        Map<String, Credentials> copy = new LinkedHashMap<>(credentials);
        copy.put(BuzSimulator.normaliseCode(code), new Credentials(username, password));
        return new SimulatorSettings(bindAddress, port, seed, scale, anchorDate, pageSize, maxQueryLength,
                latencyMs, hangLimit, copy);
    }
}
