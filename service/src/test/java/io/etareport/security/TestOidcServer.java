package io.etareport.security;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real OpenID Connect provider standing in for Google. It starts before any Spring context of
 * a subclass, because the context reads the provider's discovery document while it starts.
 */
abstract class TestOidcServer {

    static final String CLIENT_ID = "test-client";
    static final MockOAuth2Server OIDC = new MockOAuth2Server();

    static {
        OIDC.start();
    }

    @DynamicPropertySource
    static void pointGoogleAtTheTestServer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.google.issuer-uri",
                () -> OIDC.issuerUrl("google").toString());
        registry.add("spring.security.oauth2.client.registration.google.client-id", () -> CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.google.client-secret", () -> "test-secret");
        registry.add("spring.security.oauth2.client.registration.google.scope", () -> "openid,email,profile");
    }

    /** The next sign-in will be as this account, with an ID token that does not say whether the address is checked. */
    static void nextAccountWithoutEmailVerified(String email) {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("google", "google-id-of-" + email, "JWT",
                List.of(CLIENT_ID), Map.of("email", email, "name", "Test Person"), 3600));
    }

    /** The next sign-in at the test provider will be as this Google account. */
    static void nextGoogleAccount(String email, boolean verified) {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("google", "google-id-of-" + email, "JWT",
                List.of(CLIENT_ID), Map.of("email", email, "email_verified", verified, "name", "Test Person"), 3600));
    }
}
