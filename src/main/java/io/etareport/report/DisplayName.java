package io.etareport.report;

/** The name a customer's report is titled with. */
public final class DisplayName {

    /** Joins the two factories' names when a customer is known differently at each. */
    static final String JOINER = " / ";

    private DisplayName() {
    }

    /**
     * The customer's display name if set; otherwise its DD and CBR names joined by {@value #JOINER}, or just one
     * of them when the other is empty or they are the same name (trimmed, ignoring case; the DD spelling wins).
     * Empty when all three are empty.
     */
    public static String of(String displayName, String ddName, String cbrName) {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.strip();
        }
        String dd = ddName == null ? "" : ddName.strip();
        String cbr = cbrName == null ? "" : cbrName.strip();
        if (cbr.isEmpty() || dd.equalsIgnoreCase(cbr)) {
            return dd;
        }
        if (dd.isEmpty()) {
            return cbr;
        }
        return dd + JOINER + cbr;
    }

    /** The display name a new customer starts with: its CBR name, else its DD name (trimmed; empty if neither). */
    public static String defaultFor(String ddName, String cbrName) {
        if (cbrName != null && !cbrName.isBlank()) {
            return cbrName.strip();
        }
        return ddName == null ? "" : ddName.strip();
    }
}
