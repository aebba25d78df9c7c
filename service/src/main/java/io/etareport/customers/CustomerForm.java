package io.etareport.customers;

import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The add and edit forms of {@code /admin}. Names follow {@link CustomerNames}.
 */
class CustomerForm {

    @Size(max = CustomerNames.MAX_LENGTH, message = "Use at most {max} characters.")
    @Pattern(regexp = CustomerNames.ONE_LINE, message = "Use a single line of text.")
    private String displayName = "";

    @Size(max = CustomerNames.MAX_LENGTH, message = "Use at most {max} characters.")
    @Pattern(regexp = CustomerNames.ONE_LINE, message = "Use a single line of text.")
    private String ddName = "";

    @Size(max = CustomerNames.MAX_LENGTH, message = "Use at most {max} characters.")
    @Pattern(regexp = CustomerNames.ONE_LINE, message = "Use a single line of text.")
    private String cbrName = "";

    private String fieldType = FieldType.CUSTOMER_NAME.label();

    static CustomerForm of(Customer customer) {
        CustomerForm form = new CustomerForm();
        form.displayName = orEmpty(customer.displayName());
        form.ddName = orEmpty(customer.ddName());
        form.cbrName = orEmpty(customer.cbrName());
        form.fieldType = customer.fieldType().label();
        return form;
    }

    boolean hasAName() {
        return !isBlank(ddName) || !isBlank(cbrName);
    }

    Optional<FieldType> parsedFieldType() {
        return FieldType.fromLabel(fieldType);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = trim(displayName);
    }

    public String getDdName() {
        return ddName;
    }

    public void setDdName(String ddName) {
        this.ddName = trim(ddName);
    }

    public String getCbrName() {
        return cbrName;
    }

    public void setCbrName(String cbrName) {
        this.cbrName = trim(cbrName);
    }

    public String getFieldType() {
        return fieldType;
    }

    public void setFieldType(String fieldType) {
        this.fieldType = fieldType;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
