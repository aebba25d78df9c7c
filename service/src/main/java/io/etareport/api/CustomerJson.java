package io.etareport.api;

import io.etareport.customers.Customer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A customer as the original's API shows it. */
record CustomerJson(
        long id,
        @JsonProperty("dd_name") String ddName,
        @JsonProperty("cbr_name") String cbrName,
        @JsonProperty("obfuscated_id") String obfuscatedId,
        @JsonProperty("field_type") String fieldType,
        @JsonProperty("display_name") String displayName) {

    static CustomerJson of(Customer customer) {
        return new CustomerJson(customer.id(), customer.ddName(), customer.cbrName(), customer.obfuscatedId(),
                customer.fieldType().label(), customer.displayName());
    }
}
