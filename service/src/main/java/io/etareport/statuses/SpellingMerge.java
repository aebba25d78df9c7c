package io.etareport.statuses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which custom name every spelling of a status keeps when its per-spelling rows disagree ("IN PRODUCTION" named
 * "Being made", "In Production" named "In Production"): the one most recently edited by staff; without edits, a
 * name staff chose (one differing from its own spelling) over one that merely repeats it; then the newest row.
 */
final class SpellingMerge {

    private SpellingMerge() {
    }

    /**
     * One {@code status_mapping} row.
     *
     * @param editedAt when staff last edited it (epoch ms, from the audit log), or null when never
     */
    record Row(long id, String odataStatus, String customStatus, Long editedAt) {

        String name() {
            return customStatus == null || customStatus.isBlank() ? Spelling.tidy(odataStatus) : customStatus.strip();
        }

        boolean chosen() {
            return !name().equals(Spelling.tidy(odataStatus));
        }
    }

    /** What the merge does to one status: its spellings' names before, and the one name they all keep. */
    record Merge(String key, Map<String, String> before, String name, long winnerId) {
    }

    private static final Comparator<Row> MOST_RECENT = Comparator
            .comparing((Row row) -> row.editedAt() == null ? Long.MIN_VALUE : row.editedAt())
            .thenComparing(Row::chosen)
            .thenComparingLong(Row::id);

    /** One merge per status whose spellings carry different names, in the order first seen. */
    static List<Merge> of(List<Row> rows) {
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        for (Row row : rows) {
            byKey.computeIfAbsent(Spelling.key(row.odataStatus()), key -> new ArrayList<>()).add(row);
        }
        List<Merge> merges = new ArrayList<>();
        byKey.forEach((key, spellings) -> {
            Set<String> names = new LinkedHashSet<>();
            spellings.forEach(row -> names.add(row.name()));
            if (names.size() < 2) {
                return;
            }
            Row winner = spellings.stream().max(MOST_RECENT).orElseThrow();
            Map<String, String> before = new LinkedHashMap<>();
            spellings.forEach(row -> before.put(row.odataStatus(), row.customStatus()));
            merges.add(new Merge(key, before, winner.name(), winner.id()));
        });
        return merges;
    }
}
