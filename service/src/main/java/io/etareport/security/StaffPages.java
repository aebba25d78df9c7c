package io.etareport.security;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The staff area's URL space, in one place: these pages get the staff navigation ({@link StaffPageModel}) and
 * {@code same-origin} referrers; everything else (a customer's link and what it reaches) gets neither. A new
 * staff page needs only its path here, whatever package its controller lives in.
 */
final class StaffPages {

    static final String[] PATTERNS = {"/desk", "/desk/**", "/orders", "/orders/**", "/admin", "/admin/**",
            "/manage_users", "/manage_users/**", "/status_mapping", "/status_mapping/**", "/refresh_statuses",
            "/columns", "/columns/**", "/jobs-schedule/**", "/wip/**", "/staff/**", "/audit", "/audit.csv", "/login",
            "/login/**", "/logout", "/sentry-debug", "/edit/*", "/delete/*", "/add_user", "/edit_user/*",
            "/toggle_user_status/*", "/delete_user/*"};

    private static final List<PathPattern> PARSED = Arrays.stream(PATTERNS)
            .map(PathPatternParser.defaultInstance::parse).toList();

    private StaffPages() {
    }

    /** Whether the request is for a staff page; an error page counts as the page that failed. */
    static boolean matches(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String path ? path : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        PathContainer container = PathContainer.parsePath(path);
        return PARSED.stream().anyMatch(pattern -> pattern.matches(container));
    }
}
