package io.etareport.buz;

import java.util.Locale;

/**
 * How column names are compared wherever a rule names a column: letters and digits only, in lower case, so
 * {@code Unit_Cost}, {@code Unit Cost} and {@code UNITCOST} are one column.
 */
public final class ColumnNames {

    private ColumnNames() {
    }

    /** The name's comparison key; empty for null. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                kept.append(c);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }
}
