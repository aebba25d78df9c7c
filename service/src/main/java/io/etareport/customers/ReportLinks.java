package io.etareport.customers;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The full link staff send to a customer. Behind a proxy the request may not show the public host,
 * so the configured server name wins when there is one.
 */
@Component
@EnableConfigurationProperties(ReportLinks.Properties.class)
public class ReportLinks {

    private final Properties properties;

    ReportLinks(Properties properties) {
        this.properties = properties;
    }

    Duration rotationGrace() {
        return properties.rotationGrace() == null ? Duration.ZERO : properties.rotationGrace();
    }

    public String linkFor(Customer customer, HttpServletRequest request) {
        String serverName = properties.serverName();
        if (serverName != null && !serverName.isBlank()) {
            return "https://" + serverName.trim() + "/" + customer.obfuscatedId();
        }
        return ServletUriComponentsBuilder.fromContextPath(request).path("/{id}")
                .buildAndExpand(customer.obfuscatedId()).toUriString();
    }

    /**
     * @param serverName     the public host name ({@code SERVER_NAME}); empty: taken from each request
     * @param rotationGrace  how long a replaced link keeps working (default 0: it stops at once)
     */
    @ConfigurationProperties("eta.links")
    record Properties(String serverName, @DefaultValue("0s") Duration rotationGrace) {
    }
}
