package io.etareport.webhooks;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/webhooks} (admins only, as every {@code /staff} page): register endpoints, see each one's delivery
 * log, rotate its secret, switch it back on, remove it. A secret is shown once, in the answer to the form that made
 * it.
 */
@Controller
@RequestMapping("/staff/webhooks")
class WebhookAdminController {

    private static final String PAGE = "staff/webhooks";

    private final Webhooks webhooks;
    private final CustomerRepository customers;
    private final WebhookProperties properties;
    private final DateTimeFormatter time;

    WebhookAdminController(Webhooks webhooks, CustomerRepository customers, WebhookProperties properties,
                           ZoneId zone) {
        this.webhooks = webhooks;
        this.customers = customers;
        this.properties = properties;
        this.time = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
    }

    @ModelAttribute("section")
    String section() {
        return "webhooks";
    }

    @GetMapping
    String list(Model model) {
        return page(model);
    }

    @PostMapping
    String register(@RequestParam(defaultValue = "") String url,
                    @RequestParam(name = "events", required = false) List<String> events,
                    @RequestParam(defaultValue = "all") String scope,
                    @RequestParam(name = "customers", required = false) List<Long> chosen,
                    Principal me, Model model) {
        try {
            model.addAttribute("created", webhooks.register(url, events, "all".equals(scope), chosen, me.getName()));
        } catch (Webhooks.Refused refused) {
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("url", url);
        }
        return page(model);
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, Principal me, Model model) {
        model.addAttribute("created", webhooks.rotateSecret(id, me.getName()).orElseThrow(WebhookAdminController::gone));
        model.addAttribute("rotated", true);
        return page(model);
    }

    @PostMapping("/{id}/switch-on")
    String switchOn(@PathVariable long id, Principal me, RedirectAttributes redirect) {
        if (!webhooks.switchOn(id, me.getName())) {
            throw gone();
        }
        redirect.addFlashAttribute("notice", "Endpoint #" + id + " is switched on again.");
        return "redirect:/staff/webhooks";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal me, RedirectAttributes redirect) {
        if (!webhooks.delete(id, me.getName())) {
            throw gone();
        }
        redirect.addFlashAttribute("notice", "Endpoint #" + id + " and its delivery log are removed.");
        return "redirect:/staff/webhooks";
    }

    @GetMapping("/{id}")
    String log(@PathVariable long id, Model model) {
        Endpoint endpoint = webhooks.find(id).orElseThrow(WebhookAdminController::gone);
        model.addAttribute("endpoint", row(endpoint, names()));
        model.addAttribute("deliveries", webhooks.deliveries(id).stream().map(delivery -> new LogRow(
                delivery.eventType(), delivery.messageId(), delivery.status(), delivery.attempts(),
                delivery.lastStatusCode() == null ? "—" : String.valueOf(delivery.lastStatusCode()),
                delivery.lastError(), format(delivery.createdAt()), format(delivery.lastAttemptAt()),
                "pending".equals(delivery.status()) ? format(delivery.nextAttemptAt()) : "")).toList());
        model.addAttribute("keepDays", properties.keepDeliveries().toDays());
        return "staff/webhook-log";
    }

    /** One endpoint as the page lists it. */
    record Row(long id, String url, String events, String customers, boolean enabled, String failingSince,
               String switchedOff, String created) {
    }

    /** One delivery as the log lists it, times in the business's zone. */
    record LogRow(String event, String messageId, String status, int attempts, String statusCode, String error,
                  String created, String lastAttempt, String nextAttempt) {
    }

    private String page(Model model) {
        Map<Long, String> names = names();
        model.addAttribute("endpoints", webhooks.list().stream().map(endpoint -> row(endpoint, names)).toList());
        model.addAttribute("customers", customers.findAll());
        model.addAttribute("eventTypes", List.of(EventType.values()).stream().map(EventType::code).toList());
        model.addAttribute("allowPrivate", properties.allowPrivateAddresses());
        return PAGE;
    }

    private Row row(Endpoint endpoint, Map<Long, String> names) {
        return new Row(endpoint.id(), endpoint.url(),
                endpoint.events().stream().map(EventType::code).collect(Collectors.joining(", ")),
                endpoint.allCustomers() ? "All customers" : endpoint.customerIds().stream()
                        .map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining(", ")),
                endpoint.enabled(), format(endpoint.failingSince()), format(endpoint.disabledAt()),
                format(endpoint.createdAt()) + (endpoint.createdBy() == null ? "" : " by " + endpoint.createdBy()));
    }

    private Map<Long, String> names() {
        return customers.findAll().stream().collect(Collectors.toMap(Customer::id, Customer::name, (a, b) -> a));
    }

    private String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    private static ResponseStatusException gone() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such endpoint.");
    }
}
