package io.etareport.buz;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.etareport.buz.BuzException.Kind;
import io.etareport.buz.ODataPage.MalformedPageException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.core.exc.JacksonIOException;

/**
 * Reads OData collections from the BuzManager instances over HTTP: Basic auth, JSON, every
 * {@code @odata.nextLink} page, one retry on outages, and at most {@code maxInFlight} requests
 * open per instance. Every failure comes out as a {@link BuzException}.
 */
@Component
class BuzClient {

    private static final Logger log = LoggerFactory.getLogger(BuzClient.class);

    private final BuzProperties properties;
    private final BuzMetrics metrics;
    private final Map<Instance, RestClient> clients = new EnumMap<>(Instance.class);
    private final Map<Instance, Semaphore> slots = new EnumMap<>(Instance.class);

    BuzClient(BuzProperties properties, RestClient.Builder builder) {
        this(properties, builder, BuzMetrics.none());
    }

    @org.springframework.beans.factory.annotation.Autowired
    BuzClient(BuzProperties properties, RestClient.Builder builder, BuzMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // Spring's JDK factory applies the read timeout to the whole exchange, body included: a
        // server that hangs half-way through a page is cut off too.
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        for (Instance instance : Instance.values()) {
            BuzProperties.InstanceSettings settings = properties.settings(instance);
            clients.put(instance, builder.clone()
                    .requestFactory(requestFactory)
                    .defaultHeaders(headers -> {
                        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                        if (settings.username() != null && !settings.username().isBlank()) {
                            headers.setBasicAuth(settings.username(), settings.password() == null ? "" : settings.password());
                        }
                    })
                    .build());
            Semaphore slot = new Semaphore(properties.maxInFlight(), true);
            slots.put(instance, slot);
            metrics.slots(instance, slot, properties.maxInFlight());
        }
    }

    /** Every row of the query, all pages. */
    List<Map<String, Object>> fetch(Instance instance, ODataQuery query) {
        long started = System.nanoTime();
        URI base = properties.baseUrl(instance);
        boolean post = properties.settings(instance).usePostQuery();
        List<Map<String, Object>> rows = new ArrayList<>();
        int pages = 0;
        try {
            Request request = post
                    ? new Request(HttpMethod.POST, query.postUri(base), query.queryString())
                    : new Request(HttpMethod.GET, query.getUri(base), null);
            while (true) {
                ODataPage page = sendWithRetry(instance, query, request);
                pages++;
                rows.addAll(page.rows());
                if (page.nextLink() == null) {
                    break;
                }
                if (pages >= properties.maxPages()) {
                    throw failure(Kind.BAD_DATA, instance, 0, query,
                            "sent more than " + properties.maxPages() + " pages; the result would be incomplete");
                }
                request = new Request(HttpMethod.GET, nextPage(instance, query, request.uri(), page.nextLink()), null);
            }
        } catch (BuzException e) {
            log.warn("Buz {} {}: {} conditions, failed after {} pages, {} ms: {} (HTTP {})", instance, query.entitySet(),
                    query.conditionCount(), pages, millisSince(started), e.kind(), e.status());
            throw e;
        }
        log.info("Buz {} {}: {} conditions, {} rows, {} pages, {} ms", instance, query.entitySet(),
                query.conditionCount(), rows.size(), pages, millisSince(started));
        return rows;
    }

    /** The length of the GET URL of the query on this instance, percent-encoded. */
    int urlLength(Instance instance, ODataQuery query) {
        return query.urlLength(properties.baseUrl(instance));
    }

    int maxUrlLength() {
        return properties.maxUrlLength();
    }

    private record Request(HttpMethod method, URI uri, String body) {
    }

    /** The answer to one HTTP exchange: a page, or why there is none. */
    private record Outcome(ODataPage page, BuzException failure, boolean retryable, Duration retryAfter) {

        static Outcome of(ODataPage page) {
            return new Outcome(page, null, false, null);
        }

        static Outcome failed(BuzException failure, boolean retryable, Duration retryAfter) {
            return new Outcome(null, failure, retryable, retryAfter);
        }
    }

    private ODataPage sendWithRetry(Instance instance, ODataQuery query, Request request) {
        Outcome first = send(instance, query, request);
        if (first.page() != null) {
            return first.page();
        }
        if (!first.retryable()
                || first.retryAfter() != null && first.retryAfter().compareTo(properties.maxRetryAfter()) > 0) {
            throw first.failure();
        }
        Duration pause = first.retryAfter() != null ? first.retryAfter() : properties.retryBackoff();
        log.info("Buz {} {}: {} (HTTP {}), retrying once in {} ms", instance, query.entitySet(), first.failure().kind(),
                first.failure().status(), pause.toMillis());
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw first.failure();
        }
        Outcome second = send(instance, query, request);
        if (second.page() != null) {
            return second.page();
        }
        throw second.failure();
    }

    /** One HTTP exchange, counted and timed. */
    private Outcome send(Instance instance, ODataQuery query, Request request) {
        long started = System.nanoTime();
        Outcome outcome = exchange(instance, query, request);
        metrics.exchange(instance, query.entitySet(), outcome.failure(), System.nanoTime() - started);
        return outcome;
    }

    /** One HTTP exchange, holding one of the instance's slots. */
    private Outcome exchange(Instance instance, ODataQuery query, Request request) {
        Semaphore slot = slots.get(instance);
        long waitStarted = System.nanoTime();
        boolean acquired = false;
        metrics.waiting(instance);
        try {
            acquired = slot.tryAcquire(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                return Outcome.failed(failure(Kind.TIMEOUT, instance, 0, query,
                        "could not be asked in time: too many requests to it are already open"), false, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(failure(Kind.TIMEOUT, instance, 0, query, "was interrupted while waiting"), false, null);
        } finally {
            metrics.waited(instance, acquired, System.nanoTime() - waitStarted);
        }
        long started = System.nanoTime();
        try {
            RestClient.RequestBodySpec spec = clients.get(instance).method(request.method()).uri(request.uri());
            if (request.body() != null) {
                spec.contentType(MediaType.TEXT_PLAIN).body(request.body());
            }
            return spec.exchange((req, response) -> read(instance, query, response), true);
        } catch (RuntimeException e) {
            IOException io = ioCause(e);
            if (io == null) {
                // Spring's message would carry the URL, and with it the filter's customer names.
                log.warn("Buz {} {}: unexpected {}", instance, query.entitySet(), e.getClass().getName());
                return Outcome.failed(failure(Kind.CONNECTION, instance, 0, query, "could not be asked (unexpected "
                        + "client error)"), false, null);
            }
            return ioFailure(instance, query, io, System.nanoTime() - started);
        } finally {
            slot.release();
        }
    }

    private Outcome read(Instance instance, ODataQuery query, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        if (response.getStatusCode().is2xxSuccessful()) {
            MediaType type = response.getHeaders().getContentType();
            if (type != null && type.isCompatibleWith(MediaType.TEXT_HTML)) {
                return Outcome.failed(failure(Kind.BAD_DATA, instance, status, query,
                        "answered with a web page instead of data"), false, null);
            }
            try (InputStream body = response.getBody()) {
                return Outcome.of(ODataPage.read(body));
            } catch (MalformedPageException e) {
                return Outcome.failed(failure(Kind.BAD_DATA, instance, status, query,
                        "sent data we cannot read (" + e.getMessage() + ")"), false, null);
            } catch (JacksonIOException e) {
                throw e.getCause() != null ? e.getCause() : new IOException("reading the body failed");
            }
        }
        Duration retryAfter = retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        return switch (status) {
            case 429 -> Outcome.failed(failure(Kind.THROTTLED, instance, status, query,
                    "is refusing requests because we sent too many", retryAfter), true, retryAfter);
            case 503 -> Outcome.failed(failure(Kind.UNAVAILABLE, instance, status, query,
                    "is unavailable (switched off or down for maintenance)", retryAfter), true, retryAfter);
            case 500, 502, 504 -> Outcome.failed(failure(Kind.SERVER_ERROR, instance, status, query,
                    "failed with a server error"), true, retryAfter);
            default -> status >= 500
                    ? Outcome.failed(failure(Kind.SERVER_ERROR, instance, status, query, "failed with a server error"),
                            false, null)
                    : Outcome.failed(failure(Kind.REJECTED, instance, status, query, status == 401 || status == 403
                            ? "refused our credentials" : "rejected our request"), false, null);
        };
    }

    private Outcome ioFailure(Instance instance, ODataQuery query, IOException e, long elapsedNanos) {
        if (hasCause(e, HttpConnectTimeoutException.class)) {
            return Outcome.failed(failure(Kind.TIMEOUT, instance, 0, query,
                    "did not accept a connection within " + seconds(properties.connectTimeout())), true, null);
        }
        // Spring's timeout closes the body stream under the reader, which shows up as a plain
        // IOException; the clock tells it apart from a dropped connection.
        if (hasCause(e, HttpTimeoutException.class) || elapsedNanos >= properties.readTimeout().toNanos()) {
            return Outcome.failed(failure(Kind.TIMEOUT, instance, 0, query,
                    "did not answer within " + seconds(properties.readTimeout())), false, null);
        }
        // Not retried here: the JDK client already tries a refused connection twice, and a GET whose
        // connection closed before any answer; a retry here would make that three or four requests.
        String what;
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            what = "cannot be found (unknown host)";
        } else if (hasCause(e, ConnectException.class) || hasCause(e, NoRouteToHostException.class)) {
            what = "refused the connection";
        } else {
            what = "dropped the connection";
        }
        return Outcome.failed(failure(Kind.CONNECTION, instance, 0, query, what), false, null);
    }

    private URI nextPage(Instance instance, ODataQuery query, URI current, String nextLink) {
        URI next;
        try {
            next = current.resolve(nextLink.trim());
        } catch (IllegalArgumentException e) {
            throw failure(Kind.BAD_DATA, instance, 0, query, "sent a next-page link that is not a URL");
        }
        // Credentials go with every request: never follow a link to another server.
        if (!sameOrigin(current, next)) {
            throw failure(Kind.BAD_DATA, instance, 0, query, "sent a next-page link to another server");
        }
        return next;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Seconds ({@code 120}) or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static BuzException failure(Kind kind, Instance instance, int status, ODataQuery query, String what) {
        return failure(kind, instance, status, query, what, null);
    }

    // The Retry-After travels with the failure, so the circuit breaker can stay open that long.
    private static BuzException failure(Kind kind, Instance instance, int status, ODataQuery query, String what,
                                        Duration retryAfter) {
        return new BuzException(kind, instance, status,
                "BuzManager " + instance + " (" + query.entitySet() + ") " + what + ".", null, retryAfter);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
