package io.etareport.api;

import java.util.Map;
import java.util.Optional;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerNames;
import io.etareport.customers.FieldType;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST} and {@code PUT /api/v1/customers}, checked by the original's rules and the staff
 * form's ({@link CustomerNames}: one line, limited length): at least one of the names, a known field type, and an empty display name becoming the CBR name,
 * else the DD name. On a {@code PUT}, a name or type left out keeps its value, and a display name
 * left out is derived again, as the original did.
 */
@Schema(description = "A customer to create or change")
record CustomerInput(
        @JsonProperty("dd_name") @Schema(description = "Customer (or group) name at DD") String ddName,
        @JsonProperty("cbr_name") @Schema(description = "Customer (or group) name at CBR") String cbrName,
        @JsonProperty("field_type") @Schema(allowableValues = {"Customer Name", "Customer Group"},
                defaultValue = "Customer Name") String fieldType,
        @JsonProperty("display_name") @Schema(description = "Empty: the CBR name, else the DD name")
        String displayName) {

    /** A customer's fields after applying this body to it ({@code existing} empty for a new one). */
    record Fields(String ddName, String cbrName, FieldType fieldType, String displayName) {
    }

    static Fields validate(Map<String, Object> body, Optional<Customer> existing) {
        if (body == null) {
            throw ApiFailure.badRequest("Request body must be JSON");
        }
        String dd = text(body, "dd_name", existing.map(Customer::ddName).orElse(null));
        String cbr = text(body, "cbr_name", existing.map(Customer::cbrName).orElse(null));
        String display = text(body, "display_name", null);
        Object type = body.containsKey("field_type") ? body.get("field_type")
                : existing.map(c -> c.fieldType().label()).orElse(FieldType.CUSTOMER_NAME.label());
        if (dd.isEmpty() && cbr.isEmpty()) {
            throw ApiFailure.invalid("At least one of dd_name or cbr_name is required");
        }
        Optional<FieldType> fieldType = type instanceof String label ? FieldType.fromLabel(label) : Optional.empty();
        if (fieldType.isEmpty()) {
            throw ApiFailure.invalid("field_type must be one of: Customer Group, Customer Name");
        }
        if (display.isEmpty()) {
            display = Customer.defaultDisplayName(dd, cbr);
        }
        return new Fields(dd, cbr, fieldType.get(), display);
    }

    private static String text(Map<String, Object> body, String field, String otherwise) {
        Object value = body.containsKey(field) ? body.get(field) : otherwise;
        if (value == null) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw ApiFailure.invalid(field + " must be a string");
        }
        String trimmed = text.trim();
        // The staff form's rule: one line, limited length.
        CustomerNames.problem(trimmed).ifPresent(problem -> {
            throw ApiFailure.invalid(field + ": " + problem);
        });
        return trimmed;
    }
}
