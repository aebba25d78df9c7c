package io.etareport.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.etareport.users.StaffUser;
import io.etareport.users.StaffUsers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Sign-in for trying the service out with no Google account: a form that takes the email of an
 * active member of staff, no password. It yields the same kind of identity as Google sign-in, so
 * everything after it (roles read per request, deactivation) behaves as in production. Exists
 * only in the demo profile, and refuses to start beside a real environment's profile.
 */
@Component
@Profile("demo")
@ConditionalOnWebApplication
final class DemoSignIn implements ApplicationRunner {

    static final String ADMIN = "admin@example.com";
    static final String USER = "user@example.com";
    private static final Set<String> REAL_ENVIRONMENTS = Set.of("prod", "staging");

    private final StaffUsers users;
    private final Clock clock;

    DemoSignIn(Environment environment, StaffUsers users, Clock clock) {
        refuseBesideRealEnvironment(environment.getActiveProfiles());
        this.users = users;
        this.clock = clock;
    }

    static void refuseBesideRealEnvironment(String[] activeProfiles) {
        if (Arrays.stream(activeProfiles).anyMatch(REAL_ENVIRONMENTS::contains)) {
            throw new IllegalStateException("Demo sign-in cannot run with the prod or staging profile:"
                    + " anyone could sign in as any member of staff.");
        }
    }

    /** The demo's staff: one admin, one plain user. */
    @Override
    public void run(ApplicationArguments args) {
        users.addIfMissing(ADMIN, "Demo Admin", StaffUser.Role.ADMIN);
        users.addIfMissing(USER, "Demo User", StaffUser.Role.USER);
    }

    List<String> suggestedEmails() {
        return List.of(ADMIN, USER);
    }

    void configure(HttpSecurity http, AuthenticationSuccessHandler success, AuthenticationFailureHandler failure)
            throws Exception {
        http.formLogin(form -> form
                        .loginPage("/login")
                        .loginProcessingUrl("/login/demo")
                        .usernameParameter("email")
                        .failureHandler(failure)
                        .successHandler(success))
                .authenticationProvider(new EmailOnly());
    }

    private final class EmailOnly implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication attempt) {
            String email = attempt.getName();
            StaffUser user = users.findActiveByEmail(email).orElseThrow(() -> new NotStaffException(email));
            Instant now = clock.instant();
            OidcIdToken identity = new OidcIdToken("demo", now, now.plus(Duration.ofMinutes(30)), Map.of(
                    "sub", user.email(), "email", user.email(), "email_verified", true,
                    "name", user.displayName()));
            return new OAuth2AuthenticationToken(new DefaultOidcUser(List.of(), identity, "email"), List.of(), "demo");
        }

        @Override
        public boolean supports(Class<?> type) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
        }
    }
}
