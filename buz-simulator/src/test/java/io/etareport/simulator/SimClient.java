package io.etareport.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain {@link HttpClient} talking to a simulator, as the service's own client would. */
final class SimClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final BuzSimulator sim;
    final HttpClient http;

    SimClient(BuzSimulator sim) {
        this.sim = sim;
        this.http = newHttpClient();
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Percent-encodes a query value the strict way (%20 for spaces). */
    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String auth(String code) {
        SimulatorSettings.Credentials c = sim.credentials(code);
        return basic(c.username(), c.password());
    }

    /** The URL of an entity set with a raw (already encoded) query. */
    String url(String code, String entitySet, String rawQuery) {
        return sim.baseUrl(code) + "/" + entitySet + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    HttpResponse<String> get(String code, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth(code))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String code, String entitySet, String rawQuery) throws IOException, InterruptedException {
        return get(code, url(code, entitySet, rawQuery));
    }

    HttpResponse<String> postQuery(String code, String entitySet, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(code) + "/" + entitySet + "/$query"))
                .header("Authorization", auth(code)).header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Every page from a first response on, following {@code @odata.nextLink}. */
    record Pages(List<JsonNode> rows, List<String> nextLinks) {
        int pageCount() {
            return nextLinks.size() + 1;
        }
    }

    Pages followAll(String code, HttpResponse<String> first) throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        List<String> links = new ArrayList<>();
        HttpResponse<String> response = first;
        while (true) {
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
            }
            JsonNode body = json(response);
            body.get("value").forEach(rows::add);
            JsonNode next = body.get("@odata.nextLink");
            if (next == null || next.isNull()) {
                return new Pages(rows, links);
            }
            links.add(next.asString());
            if (links.size() > 10_000) {
                throw new AssertionError("paging does not end");
            }
            response = get(code, next.asString());
        }
    }

    Pages getAll(String code, String entitySet, String rawQuery) throws IOException, InterruptedException {
        return followAll(code, get(code, entitySet, rawQuery));
    }
}
