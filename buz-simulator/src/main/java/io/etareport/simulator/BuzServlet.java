package io.etareport.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.olingo.commons.core.Decoder;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's one servlet: the report API under {@code /reports/<CODE>/...} and the control API under
 * {@code /_sim/...}. Plain servlet code, no Spring: it runs inside its own embedded Tomcat.
 */
final class BuzServlet extends HttpServlet {

    /** Request attribute asking {@link DropConnectionValve} to close the connection without an answer. */
    static final String DROP_ATTRIBUTE = BuzServlet.class.getName() + ".drop";

    private static final String ODATA_JSON =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d{1,9})",
            Pattern.CASE_INSENSITIVE);

    private final transient BuzSimulator simulator;
    private final transient ReportQuery.Engine engine;
    private final transient JsonMapper json = JsonMapper.builder().build();

    BuzServlet(BuzSimulator simulator, ReportQuery.Engine engine) {
        this.simulator = simulator;
        this.engine = engine;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.startsWith("/_sim/") || path.equals("/_sim")) {
            control(req, resp, path.substring("/_sim".length()));
        } else if (path.startsWith("/reports/")) {
            report(req, resp, path.substring("/reports/".length()));
        } else {
            error(resp, 404, "NotFound", "No resource at " + path + ". Report APIs live under /reports/<CODE>/.");
        }
    }

    // ------------------------------------------------------------------------------------ the report API

    /** One report API request: who it is for, the fault it meets, then the resource it names. */
    private void report(HttpServletRequest req, HttpServletResponse response, String rest) throws IOException {
        List<String> parts = pathSegments(rest);
        if (parts == null) {
            error(response, 400, "BadRequest", "Malformed path.");
            return;
        }
        String code = parts.get(0).toUpperCase(Locale.ROOT);
        if (!BuzSimulator.CODES.contains(code)) {
            error(response, 404, "NotFound", "Unknown report site '" + parts.get(0) + "'.");
            return;
        }
        RequestRecorder.Entry entry = simulator.recorder().arrived(req.getMethod(), code,
                parts.size() > 1 ? parts.get(1) : "", readable(req.getQueryString()));
        HttpServletResponse resp = recordingStatus(response, entry);
        if (faulted(req, resp, code)) {
            return;
        }
        if (!authorised(req, code)) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"BuzManager Reports\"");
            error(resp, 401, "Unauthorized", "Authorization has been denied for this request.");
            return;
        }
        resource(req, resp, code, parts, entry);
    }

    /** The decoded path segments after {@code /reports/}, without a trailing slash; null if one is malformed. */
    private static List<String> pathSegments(String rest) {
        List<String> parts = new ArrayList<>();
        for (String segment : rest.split("/", -1)) {
            try {
                parts.add(Decoder.decode(segment));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    /** The response, noting its status in the request log before any byte of the answer leaves. */
    private static HttpServletResponse recordingStatus(HttpServletResponse response, RequestRecorder.Entry entry) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                entry.status = status;
                super.setStatus(status);
            }
        };
    }

    /** Sleeps the configured latency, then answers with the fault due, if any; true when it did. */
    private boolean faulted(HttpServletRequest req, HttpServletResponse resp, String code) throws IOException {
        SimulatorFaults.Decision fault = simulator.faults().decide(code);
        long latency = simulator.settings().latencyMs() + fault.latencyMs();
        if (latency > 0) {
            sleep(latency);
        }
        if (fault.mode() == FaultMode.NONE) {
            return false;
        }
        fail(req, resp, fault);
        return true;
    }

    /** The service document, the metadata or an entity set, as the path after the site code names it. */
    private void resource(HttpServletRequest req, HttpServletResponse resp, String code, List<String> parts,
                          RequestRecorder.Entry entry) throws IOException {
        boolean get = req.getMethod().equals("GET");
        if (parts.size() == 1) {
            if (get) {
                serviceDocument(req, resp, code);
            } else {
                error(resp, 405, "MethodNotAllowed", "Only GET is allowed here.");
            }
            return;
        }
        if (parts.size() == 2 && parts.get(1).equals("$metadata")) {
            if (get) {
                metadata(resp);
            } else {
                error(resp, 405, "MethodNotAllowed", "Only GET is allowed here.");
            }
            return;
        }
        BuzSchema.EntitySchema schema = BuzSchema.byName(parts.get(1));
        if (schema == null) {
            notFound(req, resp);
            return;
        }
        String tail = parts.size() > 2 ? String.join("/", parts.subList(2, parts.size())) : "";
        QueryString query = queryString(req, resp, tail);
        if (query != null) {
            entitySet(req, resp, code, schema, tail, query.raw(), entry);
        }
    }

    private void metadata(HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("application/xml;charset=utf-8");
        resp.setHeader("OData-Version", "4.0");
        resp.getOutputStream().write(engine.metadataXml());
    }

    /** A request's raw query options; {@code raw} is null when there are none. */
    private record QueryString(String raw) {
    }

    /**
     * The query options of a request on an entity set: the URL's for {@code GET} (also of {@code /$count}), the
     * body's and the URL's for {@code POST .../$query}. Anything else is answered with an error here and
     * gives null.
     */
    private QueryString queryString(HttpServletRequest req, HttpServletResponse resp, String tail)
            throws IOException {
        String method = req.getMethod();
        if (method.equals("POST") && tail.equals("$query")) {
            String type = req.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
                error(resp, 415, "UnsupportedMediaType",
                        "A $query request body must have the content type text/plain.");
                return null;
            }
            String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String urlQuery = req.getQueryString(); // 4.01 allows options in the URL too
            return new QueryString(urlQuery == null || urlQuery.isEmpty() ? body
                    : body.isEmpty() ? urlQuery : urlQuery + "&" + body);
        }
        boolean collection = tail.isEmpty() || tail.equals("$count");
        if (method.equals("GET") && collection) {
            return new QueryString(req.getQueryString());
        }
        if (collection || tail.equals("$query")) {
            error(resp, 405, "MethodNotAllowed",
                    "The requested resource does not support http method '" + method + "'.");
        } else {
            notFound(req, resp);
        }
        return null;
    }

    /** Answers a query on an entity set: its count, or a page of rows with the link to the next. */
    private void entitySet(HttpServletRequest req, HttpServletResponse resp, String code,
                           BuzSchema.EntitySchema schema, String tail, String rawQuery, RequestRecorder.Entry entry)
            throws IOException {
        String query = ReportQuery.normaliseQuery(rawQuery);
        try {
            List<String[]> options = ReportQuery.options(query);
            entry.query = describe(options);
            if (tooLong(req, rawQuery, options)) {
                html(resp, 414, "Request-URI Too Long", "The request URL is too long: the query string is longer than "
                        + simulator.settings().maxQueryLength() + " characters.");
                return;
            }
            ReportQuery parsed = ReportQuery.parse(engine, schema, tail.equals("$count"), query);
            List<Object[]> rows = simulator.dateMoves().apply(code, schema, simulator.dataSet().rawRows(code, schema.name()));
            if (parsed.countOnly) {
                writeCount(resp, parsed.execute(engine, code, rows, Integer.MAX_VALUE).count());
                return;
            }
            ReportQuery.Result result = parsed.execute(engine, code, rows, pageSize(req, resp));
            String nextLink = result.nextSkipToken() < 0 ? null : origin(req) + "/reports/" + code + "/"
                    + schema.name() + "?" + ReportQuery.nextQuery(options, result.nextSkipToken());
            writeCollection(req, resp, code, parsed, result, nextLink);
        } catch (ReportQuery.ODataError e) {
            error(resp, e.status, e.code, e.getMessage());
        }
    }

    /** A GET query string over the limit, like IIS refuses it; next-page links (with a skip token) pass. */
    private boolean tooLong(HttpServletRequest req, String rawQuery, List<String[]> options) {
        int limit = simulator.settings().maxQueryLength();
        return !req.getMethod().equals("POST") && limit > 0 && rawQuery != null && rawQuery.length() > limit
                && options.stream().noneMatch(o -> o[0].equals("$skiptoken"));
    }

    /** The simulator's page size, or the client's smaller {@code Prefer: odata.maxpagesize}, acknowledged. */
    private int pageSize(HttpServletRequest req, HttpServletResponse resp) {
        int pageSize = simulator.settings().pageSize();
        String prefer = req.getHeader("Prefer");
        if (prefer != null) {
            Matcher m = MAX_PAGE_SIZE.matcher(prefer);
            if (m.find() && Integer.parseInt(m.group(1)) > 0) {
                pageSize = Math.min(pageSize, Integer.parseInt(m.group(1)));
                resp.setHeader("Preference-Applied", "odata.maxpagesize=" + pageSize);
            }
        }
        return pageSize;
    }

    private static void writeCount(HttpServletResponse resp, int count) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/plain;charset=utf-8");
        resp.setHeader("OData-Version", "4.0");
        resp.getOutputStream().write(Integer.toString(count).getBytes(StandardCharsets.US_ASCII));
    }

    private void notFound(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        error(resp, 404, "NotFound",
                "No HTTP resource was found that matches the request URI '" + req.getRequestURL() + "'.");
    }

    private static String readable(String rawQuery) {
        try {
            return describe(ReportQuery.options(ReportQuery.normaliseQuery(rawQuery)));
        } catch (ReportQuery.ODataError e) {
            return rawQuery;
        }
    }

    private static String describe(List<String[]> options) {
        StringBuilder sb = new StringBuilder();
        for (String[] option : options) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(option[0]).append('=').append(option[1]);
        }
        return sb.toString();
    }

    private boolean authorised(HttpServletRequest req, String code) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        SimulatorSettings.Credentials expected = simulator.settings().credentials(code);
        return expected.username().equals(decoded.substring(0, colon))
                && expected.password().equals(decoded.substring(colon + 1));
    }

    private static String origin(HttpServletRequest req) {
        String scheme = req.getScheme();
        int port = req.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = req.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private void writeCollection(HttpServletRequest req, HttpServletResponse resp, String code, ReportQuery query,
                                 ReportQuery.Result result, String nextLink) throws IOException {
        BuzSchema.EntitySchema schema = query.schema;
        List<BuzSchema.Column> columns = schema.columns();
        int[] select = query.select;
        if (select == null) {
            select = new int[columns.size()];
            for (int i = 0; i < select.length; i++) {
                select[i] = i;
            }
        }
        StringBuilder context = new StringBuilder(origin(req)).append("/reports/").append(code)
                .append("/$metadata#").append(schema.name());
        if (query.select != null) {
            context.append('(');
            for (int i = 0; i < select.length; i++) {
                context.append(i == 0 ? "" : ",").append(columns.get(select[i]).name());
            }
            context.append(')');
        }
        resp.setStatus(200);
        resp.setContentType(ODATA_JSON);
        resp.setHeader("OData-Version", "4.0");
        resp.setBufferSize(64 * 1024);
        try (OutputStream out = resp.getOutputStream();
             JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("@odata.context", context.toString());
            if (query.inlineCount) {
                g.writeNumberProperty("@odata.count", result.count());
            }
            g.writeName("value");
            g.writeStartArray();
            for (Object[] row : result.page()) {
                g.writeStartObject();
                for (int index : select) {
                    g.writeName(columns.get(index).name());
                    Object value = row[index];
                    if (value == null) {
                        g.writeNull();
                    } else if (value instanceof String s) {
                        g.writeString(s);
                    } else if (value instanceof Integer n) {
                        g.writeNumber(n);
                    } else if (value instanceof java.math.BigDecimal d) {
                        g.writeNumber(d);
                    } else {
                        g.writeString(value.toString());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (nextLink != null) {
                g.writeStringProperty("@odata.nextLink", nextLink);
            }
            g.writeEndObject();
        }
    }

    private int serviceDocument(HttpServletRequest req, HttpServletResponse resp, String code) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@odata.context", origin(req) + "/reports/" + code + "/$metadata");
        doc.put("value", BuzSchema.ALL.stream()
                .map(s -> Map.of("name", s.name(), "kind", "EntitySet", "url", s.name())).toList());
        resp.setHeader("OData-Version", "4.0");
        return json(resp, 200, doc, ODATA_JSON);
    }

    // ------------------------------------------------------------------------------------ faults

    private int fail(HttpServletRequest req, HttpServletResponse resp, SimulatorFaults.Decision fault)
            throws IOException {
        switch (fault.mode()) {
            case HTTP_503 -> {
                if (fault.retryAfterSeconds() != null) {
                    resp.setHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                }
                return html(resp, 503, "Service Unavailable",
                        "The reports API is not available at the moment. Please try again later.");
            }
            case HTTP_429 -> {
                int seconds = fault.retryAfterSeconds() == null ? 1 : fault.retryAfterSeconds();
                resp.setHeader("Retry-After", Integer.toString(seconds));
                return error(resp, 429, "TooManyRequests", "Rate limit exceeded. Try again in " + seconds + " s.");
            }
            case HTTP_500 -> {
                return error(resp, 500, "InternalServerError", "An error has occurred.");
            }
            case HTTP_502 -> {
                return html(resp, 502, "Bad Gateway", "The proxy server received an invalid response.");
            }
            case HTTP_504 -> {
                return html(resp, 504, "Gateway Timeout", "The upstream server did not answer in time.");
            }
            case HANG -> {
                try {
                    simulator.faults().hang(fault, simulator.settings().hangLimit());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                req.setAttribute(DROP_ATTRIBUTE, Boolean.TRUE);
                return -1;
            }
            case DROP_CONNECTION -> {
                req.setAttribute(DROP_ATTRIBUTE, Boolean.TRUE);
                return -1;
            }
            case MALFORMED_JSON -> {
                byte[] body = ("{\"@odata.context\":\"" + origin(req)
                        + "/$metadata#JobsScheduleDetailed\",\"value\":[{\"PkId\":\"4b1c\",\"RefNo\":\"4101")
                        .getBytes(StandardCharsets.UTF_8);
                resp.setStatus(200);
                resp.setContentType(ODATA_JSON);
                resp.setContentLength(body.length);
                resp.getOutputStream().write(body);
                return 200;
            }
            case HTML_200 -> {
                return html(resp, 200, "Scheduled maintenance",
                        "BuzManager is undergoing scheduled maintenance. We'll be back shortly.");
            }
            default -> throw new IllegalStateException("Unhandled fault " + fault.mode());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------ the control API

    private void control(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        String method = req.getMethod();
        switch (path) {
            case "/faults" -> {
                if (method.equals("GET")) {
                    json(resp, 200, simulator.faults().snapshot(), "application/json");
                } else if (method.equals("POST")) {
                    try {
                        JsonNode body = json.readTree(req.getInputStream());
                        if (body.isArray()) {
                            for (JsonNode item : body) {
                                applyFault(item);
                            }
                        } else {
                            applyFault(body);
                        }
                    } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
                        error(resp, 400, "BadRequest", "Bad fault request: " + e.getMessage());
                        return;
                    }
                    json(resp, 200, simulator.faults().snapshot(), "application/json");
                } else if (method.equals("DELETE")) {
                    simulator.faults().clear();
                    json(resp, 200, simulator.faults().snapshot(), "application/json");
                } else {
                    error(resp, 405, "MethodNotAllowed", "GET, POST or DELETE.");
                }
            }
            case "/requests" -> {
                if (method.equals("GET")) {
                    json(resp, 200, simulator.requestCounts(), "application/json");
                } else if (method.equals("DELETE")) {
                    simulator.resetRequestCounts();
                    json(resp, 200, simulator.requestCounts(), "application/json");
                } else {
                    error(resp, 405, "MethodNotAllowed", "GET or DELETE.");
                }
            }
            case "/reset" -> {
                if (method.equals("POST")) {
                    simulator.reset();
                    json(resp, 200, Map.of("reset", true), "application/json");
                } else {
                    error(resp, 405, "MethodNotAllowed", "POST.");
                }
            }
            case "", "/", "/info" -> json(resp, 200, info(req), "application/json");
            default -> error(resp, 404, "NotFound", "Unknown control resource.");
        }
    }

    private Map<String, Object> info(HttpServletRequest req) {
        SimulatorSettings settings = simulator.settings();
        Map<String, Object> instances = new LinkedHashMap<>();
        for (String code : BuzSimulator.CODES) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("instance", BuzSimulator.instanceName(code));
            one.put("baseUrl", origin(req) + "/reports/" + code);
            one.put("username", settings.credentials(code).username());
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (BuzSchema.EntitySchema schema : BuzSchema.ALL) {
                sizes.put(schema.name(), simulator.dataSet().size(code, schema.name()));
            }
            one.put("rows", sizes);
            instances.put(code, one);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instances", instances);
        out.put("seed", settings.seed());
        out.put("scale", settings.scale());
        out.put("anchorDate", settings.anchorDate().toString());
        out.put("pageSize", settings.pageSize());
        out.put("maxQueryLength", settings.maxQueryLength());
        out.put("control", List.of("GET/POST/DELETE /_sim/faults", "GET/DELETE /_sim/requests", "POST /_sim/reset"));
        return out;
    }

    /**
     * Applies one fault request: {@code {"scope":"DESDR|WATSO|DD|CBR|all", "latencyMs":0, "mode":"HTTP_503",
     * "retryAfterSeconds":30, "failNext":2, "failNextMode":"HTTP_503", "clear":true}}; absent fields are left
     * as they are, {@code clear} first resets the scope.
     */
    private void applyFault(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        SimulatorFaults faults = simulator.faults();
        String scope = node.has("scope") ? node.get("scope").asString() : SimulatorFaults.ALL;
        if (node.path("clear").asBoolean(false)) {
            faults.clear(scope);
        }
        if (node.has("latencyMs")) {
            faults.latency(scope, node.get("latencyMs").asLong());
        }
        if (node.has("retryAfterSeconds")) {
            JsonNode value = node.get("retryAfterSeconds");
            faults.retryAfter(scope, value.isNull() ? null : value.asInt());
        }
        if (node.has("mode")) {
            faults.mode(scope, FaultMode.valueOf(node.get("mode").asString().toUpperCase(Locale.ROOT)));
        }
        if (node.has("failNext")) {
            FaultMode mode = node.has("failNextMode")
                    ? FaultMode.valueOf(node.get("failNextMode").asString().toUpperCase(Locale.ROOT))
                    : FaultMode.HTTP_503;
            faults.failNext(scope, node.get("failNext").asInt(), mode);
        }
    }

    // ------------------------------------------------------------------------------------ writing

    private int json(HttpServletResponse resp, int status, Object body, String contentType) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
        return status;
    }

    /** An OData error body: {@code {"error":{"code":"...","message":"..."}}}. */
    private int error(HttpServletResponse resp, int status, String code, String message) throws IOException {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", code);
        inner.put("message", message);
        return json(resp, status, Map.of("error", inner), "application/json;charset=utf-8");
    }

    private static int html(HttpServletResponse resp, int status, String title, String message) throws IOException {
        byte[] body = ("<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>" + message + "</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
        return status;
    }
}
