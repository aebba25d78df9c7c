package io.etareport.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks for integrators. Cron expressions are Spring's, in {@code eta.time-zone}; "-" switches one off.
 *
 * @param allowPrivateAddresses also allow {@code http} and addresses that are not public (loopback, private,
 *                              link-local, unique-local): for tests and intranets only
 * @param check                 when the customers that endpoints follow are fetched live and their changes
 *                              recorded (the update mails' runs record changes too)
 * @param send                  when due deliveries are sent
 * @param connectTimeout        how long a connection to an endpoint may take
 * @param readTimeout           how long an endpoint may take to answer
 * @param retryFirst            the pause after the first failed attempt; it doubles after each one
 * @param retryMaxPause         the longest pause between two attempts
 * @param retryFor              how long a delivery is tried before it is given up
 * @param disableAfter          an endpoint whose attempts have all failed for this long is switched off
 * @param keepDeliveries        how long the delivery log is kept
 * @param batch                 deliveries sent in one run at most
 */
@ConfigurationProperties("eta.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("0 20 * * * *") String check,
        @DefaultValue("45 * * * * *") String send,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("1m") Duration retryFirst,
        @DefaultValue("2h") Duration retryMaxPause,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("24h") Duration disableAfter,
        @DefaultValue("30d") Duration keepDeliveries,
        @DefaultValue("50") int batch) {
}
