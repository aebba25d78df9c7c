package io.etareport.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customers' update mails. Mail itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host}
 * nothing here runs and the subscribe control is hidden. Cron expressions are Spring's, in {@code eta.time-zone};
 * "-" switches one off.
 *
 * @param from           the sender address; empty: {@code spring.mail.username}, else the brand's contact email
 * @param siteUrl        the public address the mails' links start with (https://host); empty: the address the
 *                       subscriber used when subscribing
 * @param digest         when the daily digest goes: after the morning warm-up ({@code eta.schedule.warm-up}) and
 *                       before the supplier's blackout
 * @param immediate      when customers with "as it happens" subscribers are checked live (at most one mail an
 *                       hour per subscriber whatever this says)
 * @param send           when the outbox is delivered
 * @param confirmValid   how long a confirmation link works
 * @param keepSent       how long records of sent mails and found changes are kept
 * @param maxAttempts    tries before a mail is given up (with growing pauses between them)
 * @param permanentLimit permanent refusals (SMTP 5xx) after which an address gets no more mail
 */
@ConfigurationProperties("eta.notify")
public record NotifyProperties(
        @DefaultValue("") String from,
        @DefaultValue("") String siteUrl,
        @DefaultValue("0 45 9 * * MON-FRI") String digest,
        @DefaultValue("0 5 * * * *") String immediate,
        @DefaultValue("30 * * * * *") String send,
        @DefaultValue("48h") Duration confirmValid,
        @DefaultValue("90d") Duration keepSent,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("3") int permanentLimit) {
}
