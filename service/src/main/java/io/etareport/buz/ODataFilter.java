package io.etareport.buz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An immutable OData {@code $filter} expression. Values only ever enter a filter through these
 * factories, which quote them; field names are ours and must be plain identifiers.
 */
final class ODataFilter {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private final int conditions;

    private ODataFilter(String text, int conditions) {
        this.text = text;
        this.conditions = conditions;
    }

    static ODataFilter eq(String field, String value) {
        return comparison(field, "eq", value);
    }

    static ODataFilter ne(String field, String value) {
        return comparison(field, "ne", value);
    }

    static ODataFilter isNull(String field) {
        return new ODataFilter(field(field) + " eq null", 1);
    }

    static ODataFilter neNull(String field) {
        return new ODataFilter(field(field) + " ne null", 1);
    }

    /** {@code field in ('a','b')}; one condition however many values. */
    static ODataFilter in(String field, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An 'in' condition needs at least one value");
        }
        List<String> quoted = new ArrayList<>(values.size());
        for (String value : values) {
            quoted.add(quote(value));
        }
        return new ODataFilter(field(field) + " in (" + String.join(",", quoted) + ")", 1);
    }

    static ODataFilter and(ODataFilter... parts) {
        return and(List.of(parts));
    }

    static ODataFilter and(List<ODataFilter> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("'and' needs at least one condition");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<String> texts = new ArrayList<>(parts.size());
        int conditions = 0;
        for (ODataFilter part : parts) {
            // Only 'and' builds compound filters, and 'and' is associative: no parentheses needed.
            texts.add(part.text);
            conditions += part.conditions;
        }
        return new ODataFilter(String.join(" and ", texts), conditions);
    }

    /** An OData string literal: single quotes around, single quotes inside doubled. */
    static String quote(String value) {
        if (value == null) {
            throw new IllegalArgumentException("A filter value must not be null; use isNull/neNull");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private static ODataFilter comparison(String field, String operator, String value) {
        return new ODataFilter(field(field) + " " + operator + " " + quote(value), 1);
    }

    private static String field(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a field name: " + name);
        }
        return name;
    }

    /** The {@code $filter} text, unencoded. */
    String text() {
        return text;
    }

    /** How many comparisons the filter makes (for logs, which never carry the values). */
    int conditionCount() {
        return conditions;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ODataFilter filter && filter.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The count only: the text names customers. */
    @Override
    public String toString() {
        return "ODataFilter[" + conditions + " conditions]";
    }
}
