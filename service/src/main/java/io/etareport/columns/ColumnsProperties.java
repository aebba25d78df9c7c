package io.etareport.columns;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param approved upstream columns customers may see without an admin approving them first (the harmless ones
 *                 the supplier sends today); an admin can hold any of them back on {@code /columns}
 */
@ConfigurationProperties("eta.columns")
public record ColumnsProperties(List<String> approved) {

    public ColumnsProperties {
        approved = approved == null ? List.of() : List.copyOf(approved);
    }
}
