package io.etareport.columns;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.etareport.buz.ColumnKind;

/**
 * One column name as a BuzManager instance sends it in one entity set, for the staff page.
 *
 * @param isNew first seen within the last week
 */
public record SeenColumn(String instance, String entitySet, String name, ColumnKind kind, Instant firstSeen,
                         Instant lastSeen, State state, boolean isNew) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH);

    /** Staff read times in the business's zone ({@code eta.time-zone}), like the rest of the service. */
    public String firstSeenShown(ZoneId zone) {
        return SHOWN.withZone(zone).format(firstSeen);
    }

    public String lastSeenShown(ZoneId zone) {
        return SHOWN.withZone(zone).format(lastSeen);
    }

    /**
     * The name in its words ("Customer", "Name" for CustomerName; "Line_", "Value" for Line_Value), so the page can
     * let it wrap between words and never inside one.
     */
    public java.util.List<String> nameParts() {
        return java.util.List.of(name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=_)"));
    }

    /** What customers get of the column. */
    public enum State {
        REQUIRED("Always shown", "The report needs it."),
        APPROVED_BY_DEFAULT("Approved", "Approved in the settings (eta.columns.approved)."),
        APPROVED("Approved", "Approved by an admin."),
        NOT_APPROVED("Held back", "Nobody has approved it yet."),
        HELD_BACK("Held back", "Held back by an admin."),
        SENSITIVE("Held back", "Cannot be approved: its name looks like a cost, a price, a profit, a margin,"
                + " a discount, a note or an internal id.");

        private final String label;
        private final String why;

        State(String label, String why) {
            this.label = label;
            this.why = why;
        }

        public String label() {
            return label;
        }

        public String why() {
            return why;
        }

        public boolean shown() {
            return this == REQUIRED || this == APPROVED || this == APPROVED_BY_DEFAULT;
        }

        public boolean canApprove() {
            return this == NOT_APPROVED || this == HELD_BACK;
        }

        public boolean canHoldBack() {
            return this == APPROVED || this == APPROVED_BY_DEFAULT;
        }
    }
}
