package io.etareport.statuses;

import java.util.Locale;

/**
 * The one home of how a label is folded: the same status written {@code in production}, {@code In Production } or
 * {@code IN  PRODUCTION} is one status, one mapping row, one filter choice. Groups, suppliers and searches are
 * compared the same way, and the report page's script compares the keys the server renders (rows' data attributes,
 * each filter choice's {@code data-key}), folding only what a person types in the search box.
 */
public final class Spelling {

    private Spelling() {
    }

    /** Trimmed, inner whitespace runs as one space; empty for null. */
    public static String tidy(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        StringBuilder out = null;
        boolean inSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (out == null && space && (c != ' ' || inSpace)) {
                // Copy only when the text needs changing: most labels are already tidy.
                out = new StringBuilder(stripped.length()).append(stripped, 0, i);
            }
            if (out != null && !(space && inSpace)) {
                out.append(space ? ' ' : c);
            }
            inSpace = space;
        }
        return out == null ? stripped : out.toString();
    }

    /** The key two spellings are compared by: tidy and lower case; empty for null or blank. */
    public static String key(String value) {
        return tidy(value).toLowerCase(Locale.ROOT);
    }
}
