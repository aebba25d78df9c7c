package io.etareport.ops;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service-wide settings that belong to no one feature.
 *
 * @param timeZone    the business's time zone: the supplier's blackout window, the times and dates customers read,
 *                    download file names, backup stamps and the schedule's cron expressions
 * @param environment the environment name reported to Sentry when no profile names one ({@code APP_ENV})
 * @param cli         set by the operator commands themselves (never by operators): the context runs one command
 */
@ConfigurationProperties("eta")
record ServiceProperties(
        @DefaultValue("Australia/Sydney") ZoneId timeZone,
        @DefaultValue("production") String environment,
        @DefaultValue("false") boolean cli) {
}
