package io.etareport.notify;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.etareport.customers.Customer;
import io.etareport.customers.CustomerLinks;
import io.etareport.customers.CustomerRepository;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signing up on the customer page, confirming from the mail, and unsubscribing (from the mail's link, or in one
 * click from the mail program, RFC 8058). Confirmation and unsubscribe links show a page with a button first:
 * mail scanners open links, and must not confirm or unsubscribe anyone.
 */
@Controller
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final CustomerLinks links;
    private final CustomerRepository customers;
    private final MailUpdates mail;
    private final NotifyProperties properties;
    private final Updates updates;

    SubscriptionController(Subscriptions subscriptions, CustomerLinks links, CustomerRepository customers,
                           MailUpdates mail, NotifyProperties properties, Updates updates) {
        this.updates = updates;
        this.subscriptions = subscriptions;
        this.links = links;
        this.customers = customers;
        this.mail = mail;
        this.properties = properties;
    }

    @PostMapping("/{id}/updates")
    String subscribe(@PathVariable String id, @RequestParam(defaultValue = "") String email,
                     @RequestParam(defaultValue = "digest") String cadence, HttpServletRequest request, Model model) {
        if (!mail.available()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // Within a replaced link's grace period, the subscription is to the current link.
        Optional<Customer> customer = links.open(id).flatMap(open -> customers.findById(open.id()));
        if (customer.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("back", "/" + id);
        if (!Subscriptions.looksLikeEmail(email)) {
            model.addAttribute("title", "Please check the email address");
            model.addAttribute("message", "That does not look like an email address. Go back and try again.");
            return "notify/message";
        }
        subscriptions.subscribe(customer.get(), email, Subscriptions.Cadence.of(cadence), siteUrl(request));
        updates.baselineSoon(customer.get());
        model.addAttribute("title", "Check your inbox");
        model.addAttribute("message", "We sent an email to " + email.trim() + ". Open the link in it to start the"
                + " updates. Nothing else is sent until you do.");
        return "notify/message";
    }

    @GetMapping("/updates/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!subscriptions.confirmable(token)) {
            return refused(model, response);
        }
        model.addAttribute("title", "Confirm your order updates");
        model.addAttribute("message", "Press the button to start getting emails when your orders move.");
        model.addAttribute("action", "/updates/confirm/" + token);
        model.addAttribute("button", "Confirm");
        return "notify/message";
    }

    @PostMapping("/updates/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!subscriptions.confirm(token)) {
            return refused(model, response);
        }
        model.addAttribute("title", "You're signed up");
        model.addAttribute("message", "We will email you when your orders' dates move, when they are ready, late or"
                + " finished. Every email has a link to stop them.");
        return "notify/message";
    }

    private static String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("title", "This link no longer works");
        model.addAttribute("message", "Confirmation links work once, for a limited time. Sign up again on your"
                + " order page to get a new one.");
        return "notify/message";
    }

    @GetMapping("/updates/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        model.addAttribute("title", "Stop order updates");
        model.addAttribute("message", "Press the button to stop these emails. Your address will be deleted.");
        model.addAttribute("action", "/updates/unsubscribe/" + token);
        model.addAttribute("button", "Stop the emails");
        return "notify/message";
    }

    /** The page's button, and mail programs' one-click POST (body {@code List-Unsubscribe=One-Click}). */
    @PostMapping("/updates/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        // The same answer whether or not the address was still there: unsubscribing twice is no error.
        subscriptions.unsubscribe(token);
        model.addAttribute("title", "You're unsubscribed");
        model.addAttribute("message", "We will not email you about these orders again, and your address is deleted.");
        return "notify/message";
    }

    private String siteUrl(HttpServletRequest request) {
        String configured = properties.siteUrl().trim();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
