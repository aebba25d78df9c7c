package io.etareport.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the staff forms accept the original service's field names ({@code dd_name}, {@code custom_status}, ...)
 * beside ours, so its users' saved forms and scripts keep working. A field sent under both names keeps ours.
 */
@Component
final class OriginalFieldNames extends OncePerRequestFilter {

    /** The original's name of each form field, and ours. */
    static final Map<String, String> ALIASES = Map.of(
            "dd_name", "ddName",
            "cbr_name", "cbrName",
            "display_name", "displayName",
            "field_type", "fieldType",
            "custom_status", "customStatus");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> original = request.getParameterMap();
        if (ALIASES.keySet().stream().noneMatch(original::containsKey)) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> parameters = new LinkedHashMap<>(original);
        ALIASES.forEach((theirs, ours) -> {
            if (original.containsKey(theirs)) {
                parameters.putIfAbsent(ours, original.get(theirs));
            }
        });
        Map<String, String[]> renamed = Collections.unmodifiableMap(parameters);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = renamed.get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return renamed;
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(renamed.keySet());
            }

            @Override
            public String[] getParameterValues(String name) {
                return renamed.get(name);
            }
        }, response);
    }
}
