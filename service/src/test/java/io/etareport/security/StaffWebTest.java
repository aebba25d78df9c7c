package io.etareport.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.etareport.SimulatedBuzService;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * One Spring context (MockMvc, its own database) for the staff-area tests of every package, with
 * Google sign-in configured as in production (no network: nothing calls Google here) and the shared
 * Buz simulator standing in for BuzManager over HTTP.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.security.oauth2.client.registration.google.client-id=test-client",
        "spring.security.oauth2.client.registration.google.client-secret=test-secret",
        "spring.security.oauth2.client.registration.google.scope=openid,email,profile"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StaffTestConfig.class)
@ContextCustomizerFactories(SimulatedBuzService.PropertiesFactory.class)
public @interface StaffWebTest {
}
