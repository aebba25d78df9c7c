package io.etareport.buz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.web.util.UriUtils;

/**
 * One read of an entity set: an optional filter and an optional {@code $select}. Knows how it
 * looks on the wire, fully percent-encoded, so its length can be measured before it is sent.
 */
record ODataQuery(String entitySet, ODataFilter filter, List<String> select) {

    ODataQuery {
        select = select == null ? List.of() : List.copyOf(select);
    }

    static ODataQuery of(String entitySet, ODataFilter filter) {
        return new ODataQuery(entitySet, filter, List.of());
    }

    ODataQuery withFilter(ODataFilter newFilter) {
        return new ODataQuery(entitySet, newFilter, select);
    }

    ODataQuery withSelect(String... fields) {
        return new ODataQuery(entitySet, filter, List.of(fields));
    }

    int conditionCount() {
        return filter == null ? 0 : filter.conditionCount();
    }

    /** {@code $filter=...&$select=...}, percent-encoded; the same text is the body of a {@code $query} POST. */
    String queryString() {
        StringBuilder query = new StringBuilder();
        if (filter != null) {
            query.append("$filter=").append(encode(filter.text()));
        }
        if (!select.isEmpty()) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append("$select=").append(encode(String.join(",", select)));
        }
        return query.toString();
    }

    /** {@code <base>/<EntitySet>?<query>}. */
    URI getUri(URI base) {
        String query = queryString();
        return URI.create(collection(base) + (query.isEmpty() ? "" : "?" + query));
    }

    /** {@code <base>/<EntitySet>/$query}, where OData 4.01 takes the query as a text/plain body. */
    URI postUri(URI base) {
        return URI.create(collection(base) + "/$query");
    }

    /** The length of the GET URL: the measure that keeps every request under the limit, GET or POST. */
    int urlLength(URI base) {
        return getUri(base).toString().length();
    }

    private String collection(URI base) {
        String text = base.toString();
        return (text.endsWith("/") ? text : text + "/") + entitySet;
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, over UTF-8. */
    private static String encode(String text) {
        return UriUtils.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return entitySet + " (" + conditionCount() + " conditions)";
    }
}
