package io.etareport.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.core.Decoder;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceCount;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectItem;
import org.apache.olingo.server.api.uri.queryoption.SystemQueryOption;
import org.apache.olingo.server.api.uri.queryoption.SystemQueryOptionKind;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.core.uri.parser.Parser;

/**
 * A parsed and checked request on one entity set, and its execution over the rows: Olingo's URI parser reads
 * the resource path and system query options against {@link BuzSchema}'s EDM (so unknown properties and
 * malformed expressions are rejected as a real OData server rejects them), {@link FilterCompiler} evaluates
 * {@code $filter}, and paging, ordering and {@code $select} are applied here.
 */
final class ReportQuery {

    /** A request the simulator refuses, with its HTTP status and OData error code. */
    static final class ODataError extends Exception {
        final int status;
        final String code;

        ODataError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** The parser and the EDM, shared by all requests. */
    static final class Engine {
        private final OData odata = OData.newInstance();
        private final ServiceMetadata metadata = odata.createServiceMetadata(new BuzSchema.EdmProvider(),
                List.of());
        private final Parser parser = new Parser(metadata.getEdm(), odata);
        private final byte[] metadataXml;

        Engine() {
            try (InputStream in = odata.createSerializer(ContentType.APPLICATION_XML)
                    .metadataDocument(metadata).getContent()) {
                metadataXml = in.readAllBytes();
            } catch (IOException | ODataLibraryException e) {
                throw new IllegalStateException("Cannot build the $metadata document", e);
            }
        }

        /** Matching rows of recent queries, so following 100 nextLinks does not filter 100 times. */
        private final Map<String, List<Object[]>> matching = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Object[]>> eldest) {
                return size() > 32;
            }
        };

        synchronized List<Object[]> cachedMatching(String key) {
            return matching.get(key);
        }

        synchronized void cacheMatching(String key, List<Object[]> rows) {
            matching.put(key, rows);
        }

        /** Forgets every remembered match: the rows changed (a moved date). */
        synchronized void forgetMatching() {
            matching.clear();
        }

        byte[] metadataXml() {
            return metadataXml;
        }

        /** Olingo's EDM loads lazily into plain hash maps: parse one request at a time (it takes microseconds). */
        synchronized UriInfo parse(String path, String query) throws ODataError {
            try {
                return parser.parseUri(path, query, null, null);
            } catch (ODataLibraryException e) {
                throw new ODataError(400, "BadRequest",
                        "The query specified in the URI is not valid. " + e.getTranslatedMessage(Locale.ENGLISH)
                                .getMessage());
            } catch (RuntimeException e) {
                throw new ODataError(400, "BadRequest", "The query specified in the URI is not valid.");
            }
        }
    }

    private static final Set<SystemQueryOptionKind> SUPPORTED = Set.of(SystemQueryOptionKind.FILTER,
            SystemQueryOptionKind.SELECT, SystemQueryOptionKind.TOP, SystemQueryOptionKind.SKIP,
            SystemQueryOptionKind.SKIPTOKEN, SystemQueryOptionKind.COUNT, SystemQueryOptionKind.ORDERBY,
            SystemQueryOptionKind.FORMAT);

    final BuzSchema.EntitySchema schema;
    final boolean countOnly;
    final FilterCompiler.Eval filter;
    final Comparator<Object[]> order;
    final int[] select;
    final int skip;
    final Integer top;
    final int skipToken;
    final boolean inlineCount;
    /** Identifies which rows match, in which order: the filter and ordering as written. */
    final String matchKey;

    private ReportQuery(BuzSchema.EntitySchema schema, boolean countOnly, FilterCompiler.Eval filter,
                        Comparator<Object[]> order, int[] select, int skip, Integer top, int skipToken,
                        boolean inlineCount, String matchKey) {
        this.schema = schema;
        this.countOnly = countOnly;
        this.filter = filter;
        this.order = order;
        this.select = select;
        this.skip = skip;
        this.top = top;
        this.skipToken = skipToken;
        this.inlineCount = inlineCount;
        this.matchKey = matchKey;
    }

    /**
     * Parses a request on {@code schema}'s entity set; {@code countSegment} for {@code .../EntitySet/$count}.
     * {@code query} is the raw, percent-encoded query (see {@link #normaliseQuery}).
     */
    static ReportQuery parse(Engine engine, BuzSchema.EntitySchema schema, boolean countSegment, String query)
            throws ODataError {
        UriInfo info = engine.parse("/" + schema.name() + (countSegment ? "/$count" : ""), query);
        for (SystemQueryOption option : info.getSystemQueryOptions()) {
            if (!SUPPORTED.contains(option.getKind())) {
                throw new ODataError(501, "NotImplemented",
                        "The query option '" + option.getName() + "' is not supported by this service.");
            }
        }
        if (info.getFormatOption() != null) {
            String format = info.getFormatOption().getFormat().toLowerCase(Locale.ROOT);
            if (!format.equals("json") && !format.startsWith("application/json")) {
                throw new ODataError(406, "NotAcceptable", "Only JSON is supported.");
            }
        }
        List<UriResource> parts = info.getUriResourceParts();
        boolean countOnly = !parts.isEmpty() && parts.get(parts.size() - 1) instanceof UriResourceCount;

        FilterCompiler.Eval filter = null;
        if (info.getFilterOption() != null) {
            try {
                filter = FilterCompiler.compile(info.getFilterOption().getExpression(), schema);
            } catch (ODataApplicationException e) {
                throw new ODataError(e.getStatusCode(), e.getODataErrorCode() == null ? "BadRequest"
                        : e.getODataErrorCode(), e.getMessage());
            } catch (ExpressionVisitException e) {
                throw new ODataError(400, "BadRequest", e.getMessage());
            }
        }

        Comparator<Object[]> order = null;
        if (info.getOrderByOption() != null) {
            for (OrderByItem item : info.getOrderByOption().getOrders()) {
                Comparator<Object[]> one = orderBy(item, schema);
                order = order == null ? one : order.thenComparing(one);
            }
        }

        int[] select = null;
        if (info.getSelectOption() != null) {
            List<Integer> columns = new ArrayList<>();
            for (SelectItem item : info.getSelectOption().getSelectItems()) {
                if (item.isStar()) {
                    columns = null;
                    break;
                }
                List<UriResource> path = item.getResourcePath() == null ? List.of()
                        : item.getResourcePath().getUriResourceParts();
                if (path.size() != 1 || !(path.get(0) instanceof UriResourcePrimitiveProperty property)) {
                    throw new ODataError(501, "NotImplemented", "Only plain properties can be selected.");
                }
                int index = schema.indexOf(property.getProperty().getName());
                if (!columns.contains(index)) {
                    columns.add(index);
                }
            }
            if (columns != null) {
                select = columns.stream().mapToInt(Integer::intValue).toArray();
            }
        }

        int skip = info.getSkipOption() == null ? 0 : info.getSkipOption().getValue();
        Integer top = info.getTopOption() == null ? null : info.getTopOption().getValue();
        int skipToken = 0;
        if (info.getSkipTokenOption() != null) {
            String token = info.getSkipTokenOption().getValue();
            try {
                skipToken = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                skipToken = -1;
            }
            if (skipToken < 0) {
                throw new ODataError(400, "BadRequest", "The skip token '" + token + "' is not valid.");
            }
        }
        boolean inlineCount = info.getCountOption() != null && info.getCountOption().getValue();
        String matchKey = schema.name() + "\u0000" + (info.getFilterOption() == null ? "" : info.getFilterOption().getText())
                + "\u0000" + (info.getOrderByOption() == null ? "" : info.getOrderByOption().getText());
        return new ReportQuery(schema, countOnly, filter, order, select, skip, top, skipToken, inlineCount,
                matchKey);
    }

    private static Comparator<Object[]> orderBy(OrderByItem item, BuzSchema.EntitySchema schema)
            throws ODataError {
        FilterCompiler.Eval key;
        try {
            key = FilterCompiler.compile(item.getExpression(), schema);
        } catch (ODataApplicationException | ExpressionVisitException e) {
            throw new ODataError(501, "NotImplemented", "This $orderby is not supported.");
        }
        Comparator<Object[]> comparator = (a, b) -> {
            Object x = key.apply(a);
            Object y = key.apply(b);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : -1) : 1; // nulls first, as SQL Server sorts them
            }
            Integer c = FilterCompiler.compare(x, y);
            return c == null ? 0 : c;
        };
        return item.isDescending() ? comparator.reversed() : comparator;
    }

    /** The outcome: the rows of this page, the count before paging, and where the next page starts (or -1). */
    record Result(List<Object[]> page, int count, int nextSkipToken) {
    }

    /** Runs the query over one instance's rows, reusing the matching rows of an identical recent query. */
    Result execute(Engine engine, String code, List<Object[]> rows, int pageSize) {
        String key = code + "\u0000" + matchKey;
        List<Object[]> matching = engine.cachedMatching(key);
        if (matching == null) {
            matching = matching(rows);
            engine.cacheMatching(key, matching);
        }
        return page(matching, pageSize);
    }

    private List<Object[]> matching(List<Object[]> rows) {
        List<Object[]> matching;
        if (filter == null) {
            matching = rows;
        } else {
            matching = new ArrayList<>();
            for (Object[] row : rows) {
                if (FilterCompiler.isTrue(filter.apply(row))) {
                    matching.add(row);
                }
            }
        }
        if (order != null) {
            matching = new ArrayList<>(matching);
            matching.sort(order);
        }
        return matching;
    }

    private Result page(List<Object[]> matching, int pageSize) {
        int count = matching.size();
        int windowStart = Math.min(skip, count);
        int windowEnd = top == null ? count : (int) Math.min(count, (long) windowStart + top);
        int from = (int) Math.min(windowEnd, (long) windowStart + skipToken);
        int to = (int) Math.min(windowEnd, (long) from + pageSize);
        int next = to < windowEnd ? to - windowStart : -1;
        return new Result(matching.subList(from, to), count, next);
    }

    // ---- query-string handling shared by GET, POST $query and the nextLink ----

    /**
     * Makes a raw query (URL query string or {@code $query} body) acceptable to Olingo's decoder the way an
     * ASP.NET server reads it: {@code +} means a space, and raw spaces or non-ASCII characters (possible only
     * in a POST body) are taken as if percent-encoded. A raw {@code &} still separates options.
     */
    static String normaliseQuery(String raw) {
        if (raw == null) {
            return "";
        }
        String trimmed = raw.strip();
        StringBuilder sb = new StringBuilder(trimmed.length() + 16);
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '+' || c == ' ') {
                sb.append("%20");
            } else if (c == '\r' || c == '\n' || c == '\t') {
                sb.append("%20");
            } else if (c > 127) {
                int end = Character.isHighSurrogate(c) && i + 1 < trimmed.length() ? i + 2 : i + 1;
                for (byte b : trimmed.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                i = end - 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Splits a normalised query into decoded name/value pairs; malformed encoding gives an OData error. */
    static List<String[]> options(String normalisedQuery) throws ODataError {
        List<String[]> out = new ArrayList<>();
        if (normalisedQuery.isEmpty()) {
            return out;
        }
        for (String part : normalisedQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            try {
                out.add(new String[]{Decoder.decode(name), Decoder.decode(value)});
            } catch (IllegalArgumentException e) {
                throw new ODataError(400, "BadRequest", "The query specified in the URI is not valid. "
                        + "Wrong percent encoding.");
            }
        }
        return out;
    }

    /** The query of the next page's URL: every option but {@code $skiptoken}, then the new {@code $skiptoken}. */
    static String nextQuery(List<String[]> options, int nextSkipToken) {
        StringBuilder sb = new StringBuilder();
        for (String[] option : options) {
            if (option[0].equals("$skiptoken")) {
                continue;
            }
            sb.append(encode(option[0])).append('=').append(encode(option[1])).append('&');
        }
        return sb.append("$skiptoken=").append(nextSkipToken).toString();
    }

    /** Percent-encodes all but unreserved characters and the few OData keeps readable ($ ' ( ) , : @ * ; /). */
    static String encode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~$'(),:@*;/".indexOf(c) >= 0) {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
