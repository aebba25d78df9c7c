package io.etareport.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes columns that are no longer allowed from what is already stored: the cache's copies of upstream
 * answers ({@code buz_cache.payload}) and finished reports ({@code report_job.result}). Works on the JSON
 * itself, so it needs neither the cache's nor the jobs' types, and reads copies any version wrote.
 */
final class StoredColumns {

    // Decimals stay exactly as written: a stored copy must not change beyond the columns removed.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final String ORDER_LOOKUP_PREFIX = "order:";

    private StoredColumns() {
    }

    /**
     * A cache payload without the columns {@code allowed} refuses, or null when nothing had to go (or it is
     * not JSON we know: left alone rather than broken).
     */
    static String stripCachePayload(String key, String payload, Predicate<String> allowed) {
        JsonNode root = read(payload);
        if (root == null || !root.isArray()) {
            return null;
        }
        boolean rows = key != null && key.startsWith(ORDER_LOOKUP_PREFIX);
        boolean changed = false;
        for (JsonNode element : root.values()) {
            if (element instanceof ObjectNode object) {
                changed |= rows ? strip(object, allowed) : stripLine(object, allowed);
            }
        }
        return changed ? MAPPER.writeValueAsString(root) : null;
    }

    /** A stored report without the refused columns of its lines, or null when nothing had to go. */
    static String stripReport(String result, Predicate<String> allowed) {
        JsonNode root = read(result);
        if (root == null || !root.path("orders").isArray()) {
            return null;
        }
        boolean changed = false;
        for (JsonNode order : root.path("orders").values()) {
            for (JsonNode line : order.path("lines").values()) {
                if (line instanceof ObjectNode object) {
                    changed |= stripLine(object, allowed);
                }
            }
        }
        return changed ? MAPPER.writeValueAsString(root) : null;
    }

    private static boolean stripLine(ObjectNode line, Predicate<String> allowed) {
        return line.get("otherColumns") instanceof ObjectNode others && strip(others, allowed);
    }

    private static boolean strip(ObjectNode object, Predicate<String> allowed) {
        List<String> refused = new ArrayList<>();
        for (String name : object.propertyNames()) {
            if (!allowed.test(name)) {
                refused.add(name);
            }
        }
        object.remove(refused);
        return !refused.isEmpty();
    }

    private static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
