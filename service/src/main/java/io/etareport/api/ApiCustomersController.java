package io.etareport.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers and their private links, for the original's integrations. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "customers")
class ApiCustomersController {

    private final CustomerRepository customers;

    ApiCustomersController(CustomerRepository customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(summary = "Every customer, by display name ignoring case")
    ApiData<List<CustomerJson>> list() {
        return ApiData.of(customers.findAll().stream().map(CustomerJson::of).toList());
    }

    @GetMapping("/{obfuscatedId}")
    @Operation(summary = "One customer")
    ApiData<CustomerJson> get(@PathVariable String obfuscatedId) {
        return ApiData.of(CustomerJson.of(existing(obfuscatedId)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a customer with a new private link", requestBody =
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CustomerInput.class))))
    ApiData<CustomerJson> create(@RequestBody(required = false) Map<String, Object> body) {
        CustomerInput.Fields fields = CustomerInput.validate(body, Optional.empty());
        Customer created = customers.add(fields.ddName(), fields.cbrName(), fields.fieldType(), fields.displayName());
        return ApiData.of(CustomerJson.of(created));
    }

    @PutMapping("/{obfuscatedId}")
    @Operation(summary = "Change a customer; the link never changes", requestBody =
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CustomerInput.class))))
    ApiData<CustomerJson> update(@PathVariable String obfuscatedId,
                                 @RequestBody(required = false) Map<String, Object> body) {
        Customer customer = existing(obfuscatedId);
        CustomerInput.Fields fields = CustomerInput.validate(body, Optional.of(customer));
        customers.update(customer.id(), fields.ddName(), fields.cbrName(), fields.fieldType(), fields.displayName());
        return ApiData.of(CustomerJson.of(customers.findById(customer.id()).orElseThrow(
                () -> notFound(obfuscatedId))));
    }

    @DeleteMapping("/{obfuscatedId}")
    @Operation(summary = "Delete a customer; their link stops working")
    ResponseEntity<Void> delete(@PathVariable String obfuscatedId) {
        customers.delete(existing(obfuscatedId).id());
        return ResponseEntity.noContent().build();
    }

    private Customer existing(String obfuscatedId) {
        return customers.findByObfuscatedId(obfuscatedId).orElseThrow(() -> notFound(obfuscatedId));
    }

    static ApiFailure notFound(String obfuscatedId) {
        return ApiFailure.notFound("Customer not found: " + obfuscatedId);
    }
}
