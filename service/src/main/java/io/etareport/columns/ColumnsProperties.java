package io.etareport.columns;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param approved upstream columns customers may see without an admin approving them first (the harmless ones
 *                 the supplier sends today); an admin can hold any of them back on {@code /columns}. Anything
 *                 else is dropped as it arrives until approved there; a name that looks like a cost, price paid,
 *                 margin, note or internal id is dropped even when listed
 */
@ConfigurationProperties("eta.columns")
public record ColumnsProperties(
        @DefaultValue({"Qty", "Quantity", "Width", "Drop", "Location", "Colour", "Color", "DateOrdered"})
        List<String> approved) {

    public ColumnsProperties {
        approved = approved == null ? List.of() : List.copyOf(approved);
    }
}
