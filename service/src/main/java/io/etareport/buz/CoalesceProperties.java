package io.etareport.buz;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live fetches of single customers that share one upstream request.
 *
 * @param window how long the first customer's fetch waits for others on the same instance before one query asks
 *               for all of them (sent at once when no further name fits the URL); {@code 0} asks for each alone
 */
@ConfigurationProperties("eta.buz.coalesce")
@Validated
record CoalesceProperties(@DefaultValue("50ms") @DurationMin(nanos = 0) Duration window) {
}
