package io.etareport.report;

import java.util.Locale;

/**
 * How statuses and groups are shown as filter choices and matched against a filter: the same value written
 * {@code in production}, {@code In Production } or {@code IN PRODUCTION} is one choice.
 */
final class Labels {

    private Labels() {
    }

    /** Trimmed, inner whitespace runs as one space; empty for null. */
    static String tidy(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        StringBuilder out = null;
        boolean inSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (out == null && (space && (c != ' ' || inSpace))) {
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

    /** The key two labels are compared by: tidy and lower case. */
    static String key(String value) {
        return tidy(value).toLowerCase(Locale.ROOT);
    }

    /** Whether a label means "no value": blank or {@code N/A}. */
    static boolean isBlank(String value) {
        String key = key(value);
        return key.isEmpty() || key.equals("n/a");
    }

    /**
     * Title case per word: the first letter of each word upper case, the rest lower case. A word written all in
     * capitals inside mixed-case text is an abbreviation and stays ({@code Invoice ex GST fees} becomes
     * {@code Invoice Ex GST Fees}); text written all in capitals is title-cased like any other
     * ({@code IN PRODUCTION} becomes {@code In Production}). Words start after a space, {@code -}, {@code /} or
     * {@code (}.
     */
    static String titleCase(String value) {
        String tidy = tidy(value);
        boolean shouting = !hasLowerCase(tidy);
        StringBuilder out = new StringBuilder(tidy.length());
        for (String word : tidy.split(" ", -1)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (!shouting && !hasLowerCase(word)) {
                out.append(word);
            } else {
                appendTitled(out, word);
            }
        }
        return out.toString();
    }

    private static void appendTitled(StringBuilder out, String word) {
        boolean wordStart = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(wordStart ? Character.toTitleCase(c) : Character.toLowerCase(c));
            if (Character.isLetterOrDigit(c)) {
                wordStart = false;
            } else if (c == '-' || c == '/' || c == '(') {
                wordStart = true;
            }
        }
    }

    private static boolean hasLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
