package io.etareport.buz;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How we reach the two BuzManager instances.
 *
 * @param instances        per instance ({@code eta.buz.instances.DD.url}, ...); a missing instance gets its
 *                         production URL and no credentials
 * @param connectTimeout   to open a connection
 * @param readTimeout      for one whole response, headers and body; also the longest wait for a free slot
 * @param maxUrlLength     the longest request URL we send, measured percent-encoded; long customer lists are
 *                         split to stay under it
 * @param maxPages         the most {@code @odata.nextLink} pages one query may have; more is an error, never a
 *                         silently shortened result
 * @param maxInFlight      requests open at once per instance, across the whole service
 * @param retryBackoff     the pause before the one retry
 * @param maxRetryAfter    the longest {@code Retry-After} we wait for; a longer one fails at once
 * @param batchConcurrency how many batches of one customer group are fetched at once
 */
@ConfigurationProperties("eta.buz")
@Validated
record BuzProperties(
        Map<Instance, InstanceSettings> instances,
        @DefaultValue("5s") @DurationMin(nanos = 1) Duration connectTimeout,
        @DefaultValue("20s") @DurationMin(nanos = 1) Duration readTimeout,
        @DefaultValue("2000") @Positive int maxUrlLength,
        @DefaultValue("200") @Positive int maxPages,
        @DefaultValue("4") @Positive int maxInFlight,
        @DefaultValue("300ms") @DurationMin(nanos = 0) Duration retryBackoff,
        @DefaultValue("5s") @DurationMin(nanos = 0) Duration maxRetryAfter,
        @DefaultValue("2") @Positive int batchConcurrency) {

    static final String PRODUCTION_URL = "https://api.buzmanager.com/reports/";

    public BuzProperties {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
    }

    /**
     * One instance's endpoint and credentials.
     *
     * @param url          the instance's reports URL, e.g. {@code https://api.buzmanager.com/reports/DESDR}
     * @param usePostQuery send each query as {@code POST <EntitySet>/$query} with the query in a text/plain body
     *                     (OData 4.01), which keeps customer names out of URLs and proxy logs
     * @param displayName  what customers read for this factory (env {@code BUZ_<I>_DISPLAY_NAME}); empty: its code
     */
    public record InstanceSettings(String url, String username, String password,
                                   @DefaultValue("false") boolean usePostQuery, String displayName) {

        // Two constructors: binding must be told which one is the properties'.
        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public InstanceSettings {
        }

        public InstanceSettings(String url, String username, String password, boolean usePostQuery) {
            this(url, username, password, usePostQuery, null);
        }

        @Override
        public String toString() {
            return "InstanceSettings[url=" + url + ", username=" + (username == null ? "none" : "set") + "]";
        }
    }

    /** The instance's settings, with its production URL when none is configured. */
    public InstanceSettings settings(Instance instance) {
        InstanceSettings configured = instances.get(instance);
        if (configured == null) {
            return new InstanceSettings(PRODUCTION_URL + instance.code(), null, null, false, null);
        }
        if (configured.url() == null || configured.url().isBlank()) {
            return new InstanceSettings(PRODUCTION_URL + instance.code(), configured.username(),
                    configured.password(), configured.usePostQuery(), configured.displayName());
        }
        return configured;
    }

    public URI baseUrl(Instance instance) {
        return URI.create(settings(instance).url().trim());
    }
}
