package io.etareport.buz;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of an OData collection: {@code {"value": [ {...}, ... ], "@odata.nextLink": "..."}}.
 * Read as a stream. Rows keep their columns in upstream order, minus OData annotations; values
 * stay as JSON gave them (text, number, boolean, null).
 *
 * @param nextLink the next page's link as sent (absolute or relative), or null on the last page
 */
record ODataPage(List<Map<String, Object>> rows, String nextLink) {

    private static final String VALUE = "value";
    private static final String NEXT_LINK = "@odata.nextLink";
    /** Reads one nested value in the middle of the stream; the rest of the page follows it. */
    private static final ObjectReader NESTED = JsonMapper.shared().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * @throws MalformedPageException when the body is not such a page
     * @throws JacksonIOException     when reading the body failed (the connection, not the data)
     */
    static ODataPage read(InputStream body) {
        try (JsonParser parser = JsonMapper.shared().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPageException("the body is not a JSON object");
            }
            List<Map<String, Object>> rows = null;
            String nextLink = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (VALUE.equals(name)) {
                    rows = readRows(parser, token);
                } else if (NEXT_LINK.equals(name)) {
                    if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                        throw new MalformedPageException("@odata.nextLink is not text");
                    }
                    nextLink = token == JsonToken.VALUE_NULL ? null : parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedPageException("the body goes on after the JSON object");
            }
            if (rows == null) {
                throw new MalformedPageException("the body has no 'value' list");
            }
            return new ODataPage(rows, nextLink == null || nextLink.isBlank() ? null : nextLink);
        } catch (JacksonIOException e) {
            throw e;
        } catch (JacksonException e) {
            throw new MalformedPageException("the body is not valid JSON");
        }
    }

    private static List<Map<String, Object>> readRows(JsonParser parser, JsonToken token) {
        if (token != JsonToken.START_ARRAY) {
            throw new MalformedPageException("'value' is not a list");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedPageException("a row in 'value' is not an object");
            }
            rows.add(readRow(parser));
        }
        return rows;
    }

    private static Map<String, Object> readRow(JsonParser parser) {
        Map<String, Object> row = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (isAnnotation(name)) {
                parser.skipChildren();
                continue;
            }
            row.put(name, switch (token) {
                case VALUE_STRING -> parser.getString();
                case VALUE_NUMBER_INT -> parser.getNumberValue();
                case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                // Report rows are flat; keep anything nested as a JSON tree rather than fail the page.
                default -> NESTED.readTree(parser);
            });
        }
        return Collections.unmodifiableMap(row);
    }

    /** {@code @odata.etag}, {@code Price@odata.type} and the like: protocol, not data. */
    static boolean isAnnotation(String name) {
        return name.startsWith("@") || name.contains("@odata.");
    }

    /** The body is not the OData JSON we expect; the message says what was wrong, never what it held. */
    static final class MalformedPageException extends RuntimeException {
        MalformedPageException(String message) {
            super(message);
        }
    }
}
