package io.etareport.desk;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an order is on the desk: the order model's facts, one name each. The filter's values are the same words as
 * the customer page's state filter ({@code overdue}, {@code moved}, {@code ready}, {@code on-hold}).
 */
enum DeskState {
    OVERDUE("overdue", "Overdue"),
    MOVED("moved", "Date moved"),
    READY("ready", "Ready"),
    ON_HOLD("on-hold", "On hold");

    private final String value;
    private final String label;

    DeskState(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    static Optional<DeskState> parse(String value) {
        return Arrays.stream(values()).filter(state -> state.value.equals(value)).findFirst();
    }
}
