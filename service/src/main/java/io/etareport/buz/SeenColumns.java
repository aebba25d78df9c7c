package io.etareport.buz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names one fetch returned, with what their values looked like: gathered once per fetch so
 * that recording them costs one write per fetch, never one per row. Holds names only, never values.
 *
 * @param kinds every name the fetch returned; its kind is null when every value was null or blank
 */
public record SeenColumns(Instance instance, String entitySet, Map<String, ColumnKind> kinds) {

    public SeenColumns {
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    static SeenColumns of(Instance instance, String entitySet, List<Map<String, Object>> rows) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> column : row.entrySet()) {
                // The first value that says something decides: the supplier types a column, not a cell, and a
                // stray malformed date must not turn a date column into text (downloads fall back per cell).
                if (kinds.get(column.getKey()) == null) {
                    kinds.put(column.getKey(), ColumnKind.of(column.getValue()));
                }
            }
        }
        return new SeenColumns(instance, entitySet, kinds);
    }
}
