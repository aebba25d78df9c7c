package io.etareport.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.util.Arrays;
import java.util.LinkedHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.etareport.audit.AuditLog;
import io.etareport.api.ApiCallLog;
import io.etareport.api.ApiError;
import io.etareport.api.ApiKeys;
import io.etareport.api.ApiRateLimits;
import io.etareport.users.StaffUsers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who may open what. Customers' pages are public (the 32-hex link is the key); the staff area
 * needs a Google sign-in by an active member of staff, and admin for anything but viewing
 * customers and editing status mappings. Anything not listed needs a sign-in.
 *
 * <p>Headers: a strict Content-Security-Policy everywhere; {@code Referrer-Policy: same-origin} on
 * staff pages and {@code no-referrer} on every other page (customer pages carry the private
 * link), unless a controller has set the header itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";


    /**
     * The original's staff URLs that only take a POST. Any other method reaches Spring MVC, which answers
     * 405 as the original did (there is no handler to reach, so nothing is revealed or changed).
     */
    private static final String[] ORIGINAL_POST_ONLY = {"/delete/*", "/add_user", "/toggle_user_status/*",
            "/delete_user/*"};

    /** Answer 401 rather than a redirect to the sign-in page: scripts and JSON clients call these. */
    private static final RequestMatcher NO_SIGN_IN_PAGE = new OrRequestMatcher(pathPattern("/jobs-schedule/**"),
            pathPattern("/wip/**"), pathPattern("/api/**"), pathPattern("/actuator/**"),
            new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"));

    /**
     * Security headers go on before the request is handled. Written lazily, they are set when the response
     * commits, which for a streamed download happens on the streaming thread while the request thread also
     * writes them on its way out: two threads changing one response's headers.
     */
    private static HeadersConfigurer<HttpSecurity> writtenFirst(HeadersConfigurer<HttpSecurity> headers) {
        headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
        return headers;
    }

    /**
     * The JSON API (and, on the main port, the Prometheus scrape and {@code /actuator/info}; and the OpenAPI
     * document when the request brings a key, so integrators can generate a client): a key per call, no session,
     * no cookie, no CSRF (nothing rides on a browser's credentials), errors as the original's JSON.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiKeys keys, ApiRateLimits limits, ApiCallLog calls,
                                       JsonMapper json,
                                       @Value("${management.server.port:-1}") int managementPort) throws Exception {
        RequestMatcher open = pathPattern(HttpMethod.GET, "/api/v1/health");
        RequestMatcher scrapeOnMainPort = new AndRequestMatcher(operatorEndpoints(),
                new NegatedRequestMatcher(onPort(managementPort)));
        RequestMatcher apiDocsWithKey = new AndRequestMatcher(
                new OrRequestMatcher(pathPattern("/v3/api-docs"), pathPattern("/v3/api-docs/**")),
                new RequestHeaderRequestMatcher(ApiKeyFilter.HEADER));
        http.securityMatcher(new OrRequestMatcher(pathPattern("/api/**"), scrapeOnMainPort, apiDocsWithKey))
                .authorizeHttpRequests(requests -> requests
                        // The second dispatch of a streamed download, and error rendering, were let in already.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(open).permitAll()
                        .anyRequest().hasRole("API"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> writtenFirst(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                writeJson(response, ApiError.missingKey(), json))
                        .accessDeniedHandler((request, response, e) ->
                                writeJson(response, ApiError.invalidKey(), json)))
                .addFilterBefore(new ApiKeyFilter(keys, limits, calls, json, open), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** What operators' tools read: metrics and the running version; behind a key, or on the management port. */
    private static RequestMatcher operatorEndpoints() {
        return new OrRequestMatcher(pathPattern("/actuator/prometheus"), pathPattern("/actuator/info"));
    }

    private static RequestMatcher onPort(int port) {
        return request -> port > 0 && request.getLocalPort() == port;
    }

    private static void writeJson(HttpServletResponse response, ApiError error, JsonMapper json)
            throws java.io.IOException {
        error.toJson().write(response, json);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, StaffUsers users, AuditLog audit,
                                            ObjectProvider<ClientRegistrationRepository> google,
                                            ObjectProvider<DemoSignIn> demo,
                                            @Value("${server.servlet.session.cookie.name:JSESSIONID}")
                                            String sessionCookie,
                                            @Value("${management.server.port:-1}") int managementPort)
            throws Exception {
        SignInFailureHandler signInFailed = new SignInFailureHandler(sessionCookie, audit);
        RequestCache savedPages = requestCache();
        SignIns signedIn = new SignIns(audit, savedPages);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // On a management port of its own, the scrape is for the network it is on.
                        .requestMatchers(new AndRequestMatcher(operatorEndpoints(), onPort(managementPort)))
                        .permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        // The API's OpenAPI document and its Swagger UI: signed-in staff (with a key: the API chain)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .hasAnyRole("ADMIN", "USER")
                        // Staff area
                        .requestMatchers(HttpMethod.GET, "/admin").hasAnyRole("ADMIN", "USER")
                        .requestMatchers("/admin", "/admin/**", "/edit/*", "/edit_user/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, ORIGINAL_POST_ONLY).hasRole("ADMIN")
                        .requestMatchers(ORIGINAL_POST_ONLY).permitAll()
                        .requestMatchers("/jobs-schedule/**", "/wip/**").hasAnyRole("ADMIN", "USER")
                        .requestMatchers("/status_mapping", "/status_mapping/**").hasAnyRole("ADMIN", "USER")
                        .requestMatchers("/desk", "/desk/**", "/orders", "/orders/**").hasAnyRole("ADMIN", "USER")
                        .requestMatchers("/refresh_statuses", "/manage_users", "/manage_users/**", "/columns",
                                "/columns/**", "/staff/**", "/sentry-debug", "/audit", "/audit.csv").hasRole("ADMIN")
                        // Sign-in, errors, static files
                        .requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/favicon.ico",
                                "/robots.txt")
                        .permitAll()
                        // Customers: their link, the loading page's job, the report, downloads
                        .requestMatchers("/etas/**", "/report/**", "/jobs/**", "/sync/**", "/*/download.*",
                                "/*/calendar.ics", "/*/report/*", "/*/report/*/order")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/eta/start").permitAll()
                        // Update mails: signing up from a customer page, the mails' confirm and unsubscribe links
                        .requestMatchers("/*/updates", "/updates/confirm/*", "/updates/unsubscribe/*").permitAll()
                        // Any one-segment path, so a mistyped customer link is the report's 404,
                        // not a sign-in page. The staff pages above are matched first.
                        .requestMatchers("/", "/*").permitAll()
                        .anyRequest().authenticated())
                // The loading page posts JSON to start a report job for a public link. It acts on
                // no one's session: a forged request could only start a job for a link its
                // sender already holds, which opening the link does anyway.
                // A mail program's one-click unsubscribe (RFC 8058) posts without a token; the unguessable
                // link is the credential, and a forged post could only unsubscribe its own sender. Signing up
                // and confirming act on no one's session either (a forged sign-up only asks an address to
                // confirm, which anyone holding the link can do), and customer pages must not start a session
                // for a token: the report page is streamed, so a session cannot even be created while it renders.
                .csrf(csrf -> csrf.ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/eta/start"),
                        pathPattern(HttpMethod.POST, "/updates/unsubscribe/*"),
                        pathPattern(HttpMethod.POST, "/*/updates"),
                        pathPattern(HttpMethod.POST, "/updates/confirm/*")))
                .headers(headers -> writtenFirst(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .addHeaderWriter(referrerPolicy())
                        // Every page is private (customer links, staff area): keep all of them out of
                        // search engines, even when a link leaks to a page a crawler reads.
                        .addHeaderWriter(new StaticHeadersWriter("X-Robots-Tag", "noindex")))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint())
                        .accessDeniedHandler(accessDenied()))
                .requestCache(cache -> cache.requestCache(savedPages))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signed_out")
                        .deleteCookies(sessionCookie))
                .addFilterBefore(new StaffAccessFilter(users), AnonymousAuthenticationFilter.class);
        if (google.getIfAvailable() != null) {
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new StaffOidcUserService(users)))
                    .failureHandler(signInFailed)
                    .successHandler(signedIn));
        }
        DemoSignIn demoSignIn = demo.getIfAvailable();
        if (demoSignIn != null) {
            demoSignIn.configure(http, signedIn, signInFailed);
        }
        return http.build();
    }

    /**
     * A form posted without a valid token has almost always simply expired (the session ended while the page was
     * open): say so, rather than "You don't have access". Anything else refused gets the 403 page.
     */
    private static AccessDeniedHandler accessDenied() {
        AccessDeniedHandlerImpl formExpired = new AccessDeniedHandlerImpl();
        formExpired.setErrorPage(FormExpiredController.PATH);
        LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> byType = new LinkedHashMap<>();
        byType.put(CsrfException.class, formExpired);
        return new DelegatingAccessDeniedHandler(byType, new AccessDeniedHandlerImpl());
    }

    /**
     * Remembers the staff page someone wanted before signing in, to go back there after: in a cookie, not a server
     * session, so a signed-out visitor costs the server nothing (a session kept every probe of an unknown path for
     * half an hour). Only a staff page is remembered (a GET, not a script's call), never an unknown path.
     */
    private static RequestCache requestCache() {
        RequestMatcher staffPages = new OrRequestMatcher(Arrays.stream(StaffPages.PATTERNS)
                .filter(pattern -> !pattern.startsWith("/login") && !pattern.equals("/logout"))
                .map(pattern -> (RequestMatcher) pathPattern(HttpMethod.GET, pattern)).toList());
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(staffPages, new NegatedRequestMatcher(
                new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"))));
        return cache;
    }

    private static AuthenticationEntryPoint entryPoint() {
        AuthenticationEntryPoint unauthorized = (request, response, e) ->
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(unauthorized, NO_SIGN_IN_PAGE)
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                .build();
    }

    private static HeaderWriter referrerPolicy() {
        RequestMatcher staffPages = new OrRequestMatcher(Arrays.stream(StaffPages.PATTERNS)
                .map(pattern -> (RequestMatcher) pathPattern(pattern)).toList());
        return (HttpServletRequest request, HttpServletResponse response) -> {
            if (!response.containsHeader("Referrer-Policy")) {
                response.setHeader("Referrer-Policy", staffPages.matches(request) ? "same-origin" : "no-referrer");
            }
        };
    }
}
