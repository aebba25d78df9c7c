package io.etareport.customers;

import java.util.Arrays;
import java.util.Optional;

/** How a customer's names are looked up in BuzManager: as one customer, or as a customer group. */
public enum FieldType {
    CUSTOMER_NAME("Customer Name"),
    CUSTOMER_GROUP("Customer Group");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    /** The value stored in {@code customers.field_type} and shown to staff. */
    public String label() {
        return label;
    }

    public static Optional<FieldType> fromLabel(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
    }
}
