package io.etareport.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param key               the original's single key ({@code BUZ_API_KEY}); empty: only named keys work
 * @param requestsPerMinute the limit of that key, and the default of new named keys
 * @param keepCalls         how long the call log keeps a call
 * @param failedKeysPerMinute wrong keys one client address may send a minute before its calls get 429
 */
@ConfigurationProperties("eta.api")
public record ApiProperties(
        String key,
        @DefaultValue("120") int requestsPerMinute,
        @DefaultValue("30d") Duration keepCalls,
        @DefaultValue("10") int failedKeysPerMinute) {

    /** The name the {@code BUZ_API_KEY} key is logged under. */
    public static final String ENVIRONMENT_KEY_NAME = "BUZ_API_KEY";
}
