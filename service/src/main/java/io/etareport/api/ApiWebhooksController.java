package io.etareport.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.etareport.audit.AuditLog;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.webhooks.Delivery;
import io.etareport.webhooks.Endpoint;
import io.etareport.webhooks.EventType;
import io.etareport.webhooks.Webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints from another tool, as on {@code /staff/webhooks}: recorded in the audit log under the key's
 * name. Customers are named by their link id, as everywhere in this API. A secret is in the answer that made it and
 * nowhere else.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "webhooks")
class ApiWebhooksController {

    private final Webhooks webhooks;
    private final CustomerRepository customers;

    ApiWebhooksController(Webhooks webhooks, CustomerRepository customers) {
        this.webhooks = webhooks;
        this.customers = customers;
    }

    /** What registers an endpoint; {@code customers} absent or null: all customers. */
    @Schema(name = "WebhookInput")
    record Input(@Schema(example = "https://erp.example.com/hooks/eta") String url,
                 @Schema(example = "[\"order.date_changed\", \"order.ready\"]") List<String> events,
                 @Schema(description = "Customers' obfuscated_id; absent or null: all customers",
                         nullable = true) List<String> customers) {
    }

    /** An endpoint; {@code secret} only in the answer that made it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EndpointJson(long id, String url, List<String> events,
                        @JsonProperty("all_customers") boolean allCustomers,
                        @JsonProperty("customers") List<String> customers, boolean enabled,
                        @JsonProperty("failing_since") Instant failingSince,
                        @JsonProperty("switched_off_at") Instant switchedOffAt,
                        @JsonProperty("created_at") Instant createdAt, String secret) {
    }

    /** One delivery of the log. */
    record DeliveryJson(@JsonProperty("message_id") String messageId, String type, String status, int attempts,
                        @JsonProperty("last_status_code") Integer lastStatusCode,
                        @JsonProperty("last_error") String lastError,
                        @JsonProperty("created_at") Instant createdAt,
                        @JsonProperty("last_attempt_at") Instant lastAttemptAt,
                        @JsonProperty("delivered_at") Instant deliveredAt) {
    }

    @GetMapping
    @Operation(summary = "Every webhook endpoint, without secrets")
    ApiData<List<EndpointJson>> list() {
        return ApiData.of(webhooks.list().stream().map(endpoint -> json(endpoint, null)).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an endpoint; the answer holds its signing secret, shown only this once",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Input.class))))
    ApiData<EndpointJson> create(@RequestBody(required = false) Input input) {
        if (input == null) {
            throw ApiFailure.invalid("Send url, events and optionally customers.");
        }
        List<Long> ids = new ArrayList<>();
        if (input.customers() != null) {
            for (String obfuscatedId : input.customers()) {
                ids.add(customers.findByObfuscatedId(obfuscatedId)
                        .orElseThrow(() -> ApiFailure.invalid("No customer has the id " + obfuscatedId + "."))
                        .id());
            }
        }
        try {
            Webhooks.Created created = webhooks.register(input.url(), input.events(), input.customers() == null,
                    ids, AuditLog.currentActor());
            return ApiData.of(json(created.endpoint(), created.secret()));
        } catch (Webhooks.Refused refused) {
            throw ApiFailure.invalid(refused.getMessage());
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "One endpoint")
    ApiData<EndpointJson> get(@PathVariable long id) {
        return ApiData.of(json(webhooks.find(id).orElseThrow(() -> notFound(id)), null));
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "Give the endpoint a new signing secret, shown only in this answer; the old one stops")
    ApiData<EndpointJson> rotate(@PathVariable long id) {
        Webhooks.Created created = webhooks.rotateSecret(id, AuditLog.currentActor())
                .orElseThrow(() -> notFound(id));
        return ApiData.of(json(created.endpoint(), created.secret()));
    }

    @PostMapping("/{id}/switch-on")
    @Operation(summary = "Switch on an endpoint that was switched off after failing for 24 hours")
    ApiData<EndpointJson> switchOn(@PathVariable long id) {
        if (!webhooks.switchOn(id, AuditLog.currentActor())) {
            throw notFound(id);
        }
        return get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an endpoint and its delivery log")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!webhooks.delete(id, AuditLog.currentActor())) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first (kept 30 days by default)")
    ApiData<List<DeliveryJson>> deliveries(@PathVariable long id) {
        webhooks.find(id).orElseThrow(() -> notFound(id));
        return ApiData.of(webhooks.deliveries(id).stream().map(ApiWebhooksController::json).toList());
    }

    private EndpointJson json(Endpoint endpoint, String secret) {
        List<String> links = endpoint.customerIds().stream().map(customers::findById)
                .flatMap(java.util.Optional::stream).map(Customer::obfuscatedId).toList();
        return new EndpointJson(endpoint.id(), endpoint.url(), endpoint.events().stream().map(EventType::code)
                .toList(), endpoint.allCustomers(), endpoint.allCustomers() ? null : links, endpoint.enabled(),
                endpoint.failingSince(), endpoint.disabledAt(), endpoint.createdAt(), secret);
    }

    private static DeliveryJson json(Delivery delivery) {
        return new DeliveryJson(delivery.messageId(), delivery.eventType(), delivery.status(), delivery.attempts(),
                delivery.lastStatusCode(), delivery.lastError(), delivery.createdAt(), delivery.lastAttemptAt(),
                delivery.deliveredAt());
    }

    private static ApiFailure notFound(long id) {
        return ApiFailure.notFound("Webhook endpoint not found: " + id);
    }
}
