package io.etareport.webhooks;

import java.net.InetAddress;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhooksConfig {

    @Bean
    AddressGuard webhookAddressGuard(WebhookProperties properties) {
        return new AddressGuard(properties.allowPrivateAddresses(), InetAddress::getAllByName);
    }
}
