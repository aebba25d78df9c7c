package io.etareport.buz;

import java.util.List;

/**
 * The columns customers must never see: costs, prices, profits, margins, discounts and internal ids. Rows lose
 * them where they enter the service; the exports check again with the same policy.
 */
public final class SensitiveColumns {

    /**
     * Matched anywhere in the normalised name. Broad on purpose: dropping a harmless column costs
     * nothing, showing a cost column to a customer costs a lot ({@code InternalNote} and
     * {@code Barcode} go too, not only the {@code Notes} and {@code BarcodeNo} the original named).
     */
    private static final List<String> FRAGMENTS = List.of(
            // money: what a line costs, sells for, earns, or is adjusted by
            "cost", "price", "profit", "margin", "markup", "discount", "rebate", "commission", "uplift",
            "buy", "cogs", "wholesale",
            // internal
            "pkid", "note", "barcode");

    private SensitiveColumns() {
    }

    /** Compared case-insensitively on letters and digits only ({@code Unit_Cost}, {@code Supplier Price}). */
    public static boolean isSensitive(String columnName) {
        if (columnName == null) {
            return false;
        }
        String normalised = ColumnNames.key(columnName);
        for (String fragment : FRAGMENTS) {
            if (normalised.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
