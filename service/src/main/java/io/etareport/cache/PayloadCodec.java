package io.etareport.cache;

import java.util.Collection;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored copies as JSON. The cache keeps its own mapper so that changing how the web layer writes
 * JSON can never make yesterday's copies unreadable; a column that has since been dropped from a
 * record is ignored rather than losing the whole copy. Decimals read back as {@code BigDecimal},
 * as the Buz client reads them, so a copy equals what live returned.
 */
final class PayloadCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    String encode(Object value) {
        return mapper.writeValueAsString(value);
    }

    <T> T decode(String payload, TypeReference<T> type) {
        return mapper.readValue(payload, type);
    }

    /** Rows for the logs and the operators: a list's size, else one. */
    static int rows(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return 1;
    }
}
