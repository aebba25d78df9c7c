package io.etareport.buz;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns customers must never see: costs, prices paid, margins and internal ids. Rows lose
 * them where they enter the service; the exports check again with the same policy.
 */
public final class SensitiveColumns {

    /** Matched anywhere in the normalised name. */
    private static final List<String> FRAGMENTS = List.of(
            "cost", "buy", "cogs", "margin", "markup", "wholesale", "supplierprice", "pkid");

    /** Matched as the whole normalised name: internal notes and barcodes. */
    private static final Set<String> NAMES = Set.of("notes", "barcodeno");

    private SensitiveColumns() {
    }

    /** Compared case-insensitively, ignoring underscores and white space ({@code Unit_Cost}, {@code Supplier Price}). */
    public static boolean isSensitive(String columnName) {
        if (columnName == null) {
            return false;
        }
        String normalised = normalise(columnName);
        if (NAMES.contains(normalised)) {
            return true;
        }
        for (String fragment : FRAGMENTS) {
            if (normalised.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && !Character.isWhitespace(c)) {
                kept.append(c);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }
}
