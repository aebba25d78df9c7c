package io.etareport.api;

import io.etareport.audit.AuditLog;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shutting a leaked link from another tool: a new link, or a pause. Beyond the original's API; the same
 * operations as the buttons on /admin, recorded in the audit log under the key's name.
 */
@RestController
@RequestMapping("/api/v1/customers/{obfuscatedId}")
@Tag(name = "customers")
class ApiCustomerLinksController {

    private final CustomerRepository customers;
    private final CustomerLinks links;

    ApiCustomerLinksController(CustomerRepository customers, CustomerLinks links) {
        this.customers = customers;
        this.links = links;
    }

    /** A customer with the state of their link. */
    record LinkJson(@JsonProperty("customer") CustomerJson customer, @JsonProperty("paused") boolean paused) {
    }

    @PostMapping("/rotate-link")
    @Operation(summary = "Give the customer a new link; the old one shows a neutral page from now on")
    ApiData<LinkJson> rotate(@PathVariable String obfuscatedId) {
        Customer customer = existing(obfuscatedId);
        try {
            // Guarded on the link in the path: two callers at once make one new link.
            return answer(links.rotateLink(customer.id(), customer.obfuscatedId(), AuditLog.currentActor())
                    .orElseThrow(() -> ApiCustomersController.notFound(obfuscatedId)));
        } catch (CustomerLinks.LinkChangedException changedMeanwhile) {
            throw ApiCustomersController.notFound(obfuscatedId);
        }
    }

    @PostMapping("/pause")
    @Operation(summary = "Shut the customer's link without deleting them; the link shows a neutral page")
    ApiData<LinkJson> pause(@PathVariable String obfuscatedId) {
        Customer customer = existing(obfuscatedId);
        return answer(links.pause(customer.id(), AuditLog.currentActor()).orElseThrow(
                () -> ApiCustomersController.notFound(obfuscatedId)));
    }

    @PostMapping("/resume")
    @Operation(summary = "Open a paused link again")
    ApiData<LinkJson> resume(@PathVariable String obfuscatedId) {
        Customer customer = existing(obfuscatedId);
        return answer(links.resume(customer.id(), AuditLog.currentActor()).orElseThrow(
                () -> ApiCustomersController.notFound(obfuscatedId)));
    }

    private ApiData<LinkJson> answer(Customer customer) {
        return ApiData.of(new LinkJson(CustomerJson.of(customer), links.isPaused(customer.id())));
    }

    private Customer existing(String obfuscatedId) {
        return customers.findByObfuscatedId(obfuscatedId)
                .orElseThrow(() -> ApiCustomersController.notFound(obfuscatedId));
    }
}
