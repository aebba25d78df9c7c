package io.etareport.webhooks;

import java.time.Instant;

/**
 * One event for one endpoint, as the delivery log shows it.
 *
 * @param status         {@code pending} (waiting for its next attempt), {@code sending}, {@code delivered},
 *                       {@code failed} (given up)
 * @param lastStatusCode the endpoint's last HTTP answer, or null when none came (no connection, time-out, refused
 *                       address)
 * @param lastError      why the last attempt failed, or null
 */
public record Delivery(long id, String messageId, String eventType, String status, int attempts,
                       Integer lastStatusCode, String lastError, Instant createdAt, Instant lastAttemptAt,
                       Instant nextAttemptAt, Instant deliveredAt) {
}
