package io.etareport.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.etareport.api.ApiCallLog;
import io.etareport.api.ApiError;
import io.etareport.api.ApiKeys;
import io.etareport.api.ApiRateLimits;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's door: {@code X-API-Key} missing → 401, unknown or revoked → 403, over the key's
 * per-minute limit, or from an address that sent too many wrong keys → 429 with {@code Retry-After};
 * otherwise the call goes on as that key, and is recorded in the call log with its route and status.
 * Refusals are counted ({@code eta.api.refused}), not logged. Open routes pass without a key.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final ApiRateLimits limits;
    private final ApiCallLog calls;
    private final JsonMapper json;
    private final RequestMatcher open;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys, ApiRateLimits limits, ApiCallLog calls, JsonMapper json, RequestMatcher open) {
        this.keys = keys;
        this.limits = limits;
        this.calls = calls;
        this.json = json;
        this.open = open;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        ApiRateLimits.Decision mayTry = limits.mayTryKey(address);
        if (!mayTry.allowed()) {
            tooMany(response, mayTry, ApiError.tooManyWrongKeys());
            return;
        }
        ApiKeys.Verdict verdict = keys.check(request.getHeader(HEADER));
        if (verdict instanceof ApiKeys.Verdict.Missing) {
            limits.missingKey();
            refuse(response, ApiError.missingKey());
            return;
        }
        if (!(verdict instanceof ApiKeys.Verdict.Accepted accepted)) {
            limits.wrongKey(address);
            refuse(response, ApiError.invalidKey());
            return;
        }
        String name = accepted.caller().keyName();
        ApiRateLimits.Decision decision = limits.take(accepted.caller());
        if (!decision.allowed()) {
            // Counted by the limits, not logged: a runaway script would otherwise write a row per refusal.
            tooMany(response, decision, ApiError.rateLimited());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(accepted.caller()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            calls.record(name, request.getMethod(), route == null ? "(no route)" : route.toString(),
                    response.getStatus());
        }
    }

    private void tooMany(HttpServletResponse response, ApiRateLimits.Decision decision, ApiError error)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        refuse(response, error);
    }

    private void refuse(HttpServletResponse response, ApiError error) throws IOException {
        error.toJson().write(response, json);
    }
}
