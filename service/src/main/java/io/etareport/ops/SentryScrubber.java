package io.etareport.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;

/**
 * Takes personal data out of what goes to Sentry: request bodies and cookies are dropped, and every email
 * address and every customer link (32 hex digits, the key to a customer's orders) is replaced by
 * {@code [filtered]} wherever text can carry one: the request's URL, query and headers, the transaction, messages,
 * exceptions, tags, extras and breadcrumbs.
 */
final class SentryScrubber {

    static final String FILTERED = "[filtered]";
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern LINK = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])");
    private static final Set<String> SECRET_HEADERS = Set.of("cookie", "authorization", "x-api-key", "set-cookie");

    private SentryScrubber() {
    }

    static String filter(String text) {
        return text == null ? null : LINK.matcher(EMAIL.matcher(text).replaceAll(FILTERED)).replaceAll(FILTERED);
    }

    static SentryEvent scrub(SentryEvent event) {
        scrubRequest(event.getRequest());
        event.setTransaction(filter(event.getTransaction()));
        Message message = event.getMessage();
        if (message != null) {
            message.setMessage(filter(message.getMessage()));
            message.setFormatted(filter(message.getFormatted()));
            if (message.getParams() != null) {
                message.setParams(message.getParams().stream().map(SentryScrubber::filter).toList());
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(filter(exception.getValue()));
            }
        }
        if (event.getExtras() != null) {
            event.setExtras(filterMap(event.getExtras()));
        }
        if (event.getTags() != null) {
            event.getTags().replaceAll((key, value) -> filter(value));
        }
        if (event.getBreadcrumbs() != null) {
            event.getBreadcrumbs().forEach(SentryScrubber::scrub);
        }
        scrubUser(event.getUser());
        return event;
    }

    static Breadcrumb scrub(Breadcrumb breadcrumb) {
        breadcrumb.setMessage(filter(breadcrumb.getMessage()));
        Map<String, Object> data = breadcrumb.getData();
        for (String key : new ArrayList<>(data.keySet())) {
            breadcrumb.setData(key, filterValue(data.get(key)));
        }
        return breadcrumb;
    }

    private static void scrubRequest(Request request) {
        if (request == null) {
            return;
        }
        request.setData(null);
        request.setBodySize(null);
        request.setCookies(null);
        request.setQueryString(filter(request.getQueryString()));
        request.setUrl(filter(request.getUrl()));
        if (request.getHeaders() != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.getHeaders().forEach((name, value) -> {
                if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, filter(value));
                }
            });
            request.setHeaders(headers);
        }
    }

    private static void scrubUser(User user) {
        if (user == null) {
            return;
        }
        if (user.getEmail() != null) {
            user.setEmail(FILTERED);
        }
        user.setUsername(filter(user.getUsername()));
        user.setName(filter(user.getName()));
        user.setId(filter(user.getId()));
        if (user.getData() != null) {
            Map<String, String> data = new LinkedHashMap<>();
            user.getData().forEach((key, value) -> data.put(key, filter(value)));
            user.setData(data);
        }
    }

    private static Map<String, Object> filterMap(Map<?, ?> map) {
        Map<String, Object> filtered = new LinkedHashMap<>();
        map.forEach((key, value) -> filtered.put(String.valueOf(key), filterValue(value)));
        return filtered;
    }

    private static Object filterValue(Object value) {
        if (value instanceof String text) {
            return filter(text);
        }
        if (value instanceof Map<?, ?> map) {
            return filterMap(map);
        }
        if (value instanceof Iterable<?> items) {
            List<Object> filtered = new ArrayList<>();
            items.forEach(item -> filtered.add(filterValue(item)));
            return filtered;
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return filter(String.valueOf(value));
    }
}
