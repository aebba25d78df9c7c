package io.etareport.export;

/**
 * Keeps spreadsheets from running text as a formula: a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading {@code '}, which Excel and LibreOffice read as "this is
 * text". An order reference like {@code =HYPERLINK("http://evil","click")} would otherwise become a live link.
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    public static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
