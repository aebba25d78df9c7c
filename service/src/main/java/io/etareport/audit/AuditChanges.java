package io.etareport.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry's change as people read it: one "field: before → after" line per field that changed. A new entity
 * lists its fields as "field: value", a deleted one as "field: value (removed)". Values the log could not read are
 * shown as they are stored.
 */
public final class AuditChanges {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private AuditChanges() {
    }

    public static List<String> lines(String before, String after) {
        Map<String, Object> was;
        Map<String, Object> now;
        try {
            was = read(before);
            now = read(after);
        } catch (RuntimeException e) {
            List<String> raw = new ArrayList<>();
            if (before != null) {
                raw.add("before: " + before);
            }
            if (after != null) {
                raw.add("after: " + after);
            }
            return raw;
        }
        List<String> lines = new ArrayList<>();
        if (was == null && now == null) {
            return lines;
        }
        if (was == null) {
            now.forEach((field, value) -> lines.add(field + ": " + shown(value)));
            return lines;
        }
        if (now == null) {
            was.forEach((field, value) -> lines.add(field + ": " + shown(value) + " (removed)"));
            return lines;
        }
        Set<String> fields = new LinkedHashSet<>(was.keySet());
        fields.addAll(now.keySet());
        for (String field : fields) {
            Object from = was.get(field);
            Object to = now.get(field);
            if (!Objects.equals(from, to)) {
                lines.add(field + ": " + shown(from) + " → " + shown(to));
            }
        }
        return lines;
    }

    private static Map<String, Object> read(String json) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return null;
        }
        return JsonMapper.shared().readValue(json, MAP);
    }

    private static String shown(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = String.valueOf(value);
        return text.isEmpty() ? "(empty)" : text;
    }
}
