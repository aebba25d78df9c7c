package io.etareport.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a web browser for sign-in tests: keeps cookies, asks for HTML, and follows
 * redirects one by one so a test can see each hop.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<URI> visited = new ArrayList<>();

    /** Opens the address and follows redirects; answers the page it ends on. */
    HttpResponse<String> open(String url) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    /** Submits a form with the CSRF token of the given page. */
    HttpResponse<String> submit(String url, HttpResponse<String> page, String fields)
            throws IOException, InterruptedException {
        String body = "_csrf=" + csrfToken(page) + (fields.isEmpty() ? "" : "&" + fields);
        return follow(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    List<URI> visited() {
        return visited;
    }

    boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).anyMatch(name::equals);
    }

    static String csrfToken(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on " + page.uri());
        }
        return matcher.group(1);
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; response.statusCode() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new AssertionError("Too many redirects: " + visited);
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        visited.add(response.uri());
        return response;
    }
}
