package io.etareport.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, signed per Standard Webhooks, one at a time (the schedule runs it once per cluster). A 2xx
 * answer delivers; anything else (a redirect too: redirects are never followed) is tried again after a pause that
 * doubles, until {@code eta.webhooks.retry-for} has passed. The address is checked again before each attempt. An
 * endpoint whose attempts have all failed for {@code eta.webhooks.disable-after} is switched off.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final Deliveries deliveries;
    private final Endpoints endpoints;
    private final AddressGuard guard;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(Deliveries deliveries, Endpoints endpoints, AddressGuard guard, WebhookProperties properties,
                  Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** How a run went. */
    record Run(int delivered, int failed) {
    }

    Run deliverDue() {
        deliveries.releaseLost();
        Set<Long> failing = new HashSet<>();
        int delivered = 0;
        int failed = 0;
        for (Deliveries.Due due : deliveries.due(properties.batch())) {
            if (failing.contains(due.endpointId())) {
                continue; // one failure per endpoint and run: the rest wait for the next run
            }
            Optional<Deliveries.Claimed> claimed = deliveries.claim(due.id());
            if (claimed.isEmpty()) {
                continue;
            }
            if (attempt(claimed.get())) {
                delivered++;
            } else {
                failed++;
                failing.add(due.endpointId());
            }
        }
        if (delivered + failed > 0) {
            log.info("Webhooks: {} delivered, {} failed attempts", delivered, failed);
        }
        return new Run(delivered, failed);
    }

    private boolean attempt(Deliveries.Claimed delivery) {
        Optional<Endpoint> endpoint = endpoints.find(delivery.endpointId());
        Optional<String> secret = endpoints.secret(delivery.endpointId());
        if (endpoint.isEmpty() || secret.isEmpty() || !endpoint.get().enabled()) {
            deliveries.failed(delivery.id(), null, "The endpoint was removed or switched off.", null);
            return false;
        }
        URI uri;
        try {
            uri = guard.check(endpoint.get().url());
        } catch (AddressGuard.Refused refused) {
            failed(delivery, endpoint.get(), null, "Refused: " + refused.getMessage());
            return false;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "eta-report-webhooks")
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSigner.sign(secret.get(), delivery.messageId(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                deliveries.delivered(delivery.id(), status);
                endpoints.succeeded(endpoint.get().id());
                return true;
            }
            failed(delivery, endpoint.get(), status, status >= 300 && status < 400
                    ? "Answered with a redirect, which is not followed." : "Answered " + status + ".");
        } catch (HttpTimeoutException e) {
            failed(delivery, endpoint.get(), null, "No answer within the time-out.");
        } catch (IOException e) {
            failed(delivery, endpoint.get(), null, "Could not connect (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(delivery, endpoint.get(), null, "Interrupted.");
        }
        return false;
    }

    private void failed(Deliveries.Claimed delivery, Endpoint endpoint, Integer status, String error) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        Instant next = now.plus(backoff(attempts, properties));
        boolean giveUp = !now.isBefore(delivery.createdAt().plus(properties.retryFor()));
        deliveries.failed(delivery.id(), status, error, giveUp ? null : next);
        Instant failingSince = endpoints.failed(endpoint.id(), now);
        // Ids and status codes only: an endpoint's address may carry an integrator's token.
        log.warn("Webhook delivery {} to endpoint #{} failed (attempt {}, status {})", delivery.id(), endpoint.id(),
                attempts, status);
        if (!now.isBefore(failingSince.plus(properties.disableAfter()))) {
            endpoints.switchOff(endpoint.id(), now);
            deliveries.giveUpFor(endpoint.id(), "The endpoint was switched off after failing for "
                    + properties.disableAfter().toHours() + " hours.");
            log.warn("Webhook endpoint #{} switched off: every attempt failed for {}", endpoint.id(),
                    properties.disableAfter());
        }
    }

    /** The pause after the {@code attempts}-th failed attempt: doubling from the first, up to the longest. */
    static Duration backoff(int attempts, WebhookProperties properties) {
        Duration pause = properties.retryFirst();
        for (int i = 1; i < attempts && pause.compareTo(properties.retryMaxPause()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(properties.retryMaxPause()) > 0 ? properties.retryMaxPause() : pause;
    }
}
