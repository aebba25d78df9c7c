package io.etareport.ops;

import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeZoneConfig {

    /**
     * The business's time zone ({@code eta.time-zone}, {@link ServiceProperties}), the one setting behind the
     * supplier's blackout window, the times and dates customers read, download file names and backup stamps.
     * Instants stay UTC; only what people read is turned into this zone.
     */
    @Bean
    ZoneId timeZone(ServiceProperties settings) {
        return settings.timeZone();
    }
}
