package io.etareport.report;

import io.etareport.statuses.Spelling;

/**
 * How statuses and groups are shown as filter choices: the same value written {@code in production},
 * {@code In Production } or {@code IN PRODUCTION} is one choice (folded by {@link Spelling}).
 */
final class Labels {

    private Labels() {
    }

    /** Whether a label means "no value": blank or {@code N/A}. */
    static boolean isBlank(String value) {
        String key = Spelling.key(value);
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
        String tidy = Spelling.tidy(value);
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
